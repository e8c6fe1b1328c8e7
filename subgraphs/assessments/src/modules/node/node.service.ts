/**
 * `node(id)` and `nodes(ids)` (docs/api.md "Ids"). The planner sends Query.node to one subgraph;
 * it is this one because assessments already asks both others (org and tasks). A global id is
 * decoded to its type; the subgraph that owns the type is asked, for the user and in the user's
 * own sight, whether it still finds the object (one call per owner for all the ids); the gateway
 * then fetches the fields the query asks for from that owner. An id that is not one the hub
 * handed out, a type without a node, a finding settled since, or one about a unit out of the
 * caller's sight all answer null alike, so `node` tells a caller nothing the lists would not.
 */
import { BadInputError, entitiesFound, fromGlobalId, type ServiceGrant } from '@tiaokuai/platform';
import type { AssessmentsContext } from '../../request';
import { findingById } from '../finding/finding.service';

/** At most this many ids in one `nodes` call (each owner scans the units they name again). */
export const MAX_NODE_IDS = 100;

/** The types other subgraphs own that implement Node: which client asks, under which grant. */
const FOREIGN: Record<string, { owner: 'org' | 'tasks'; grant: ServiceGrant }> = {
  Anomaly: { owner: 'org', grant: 'anomaly-nodes' },
  TaskConflict: { owner: 'tasks', grant: 'task-finding-nodes' },
};

export interface NodeAnswer {
  __typename: string;
  id: string;
}

/** `nodes(ids)`: each id's object in the order given, null where it is not found or not in sight. */
export async function nodes(ctx: AssessmentsContext, ids: readonly string[]): Promise<Array<NodeAnswer | null>> {
  if (ids.length > MAX_NODE_IDS) throw new BadInputError('ids', `一次最多查询 ${MAX_NODE_IDS} 个 id`);
  const decoded = ids.map((id) => ({ id, g: fromGlobalId(id) }));
  const found = new Map<string, NodeAnswer>();
  // Own findings: scanned again here (the loader batches the units and years).
  await Promise.all(
    decoded
      .filter((d) => d.g?.type === 'AssessmentFinding')
      .map(async ({ id }) => {
        const f = await findingById(ctx, id);
        if (f) found.set(id, { ...f, __typename: 'AssessmentFinding', id } as NodeAnswer);
      }),
  );
  // Other subgraphs' types: one call per owner for all of its ids.
  await Promise.all(
    Object.entries(FOREIGN).map(async ([type, { owner, grant }]) => {
      const asked = [...new Set(decoded.filter((d) => d.g?.type === type).map((d) => d.id))];
      if (asked.length === 0) return;
      const client = owner === 'org' ? ctx.orgService : ctx.tasks;
      for (const id of await entitiesFound(client, type, asked, ctx.identity, grant)) {
        found.set(id, { __typename: type, id });
      }
    }),
  );
  return ids.map((id) => found.get(id) ?? null);
}

/** `node(id)`: `nodes` of one id. */
export async function node(ctx: AssessmentsContext, id: string): Promise<NodeAnswer | null> {
  return (await nodes(ctx, [id]))[0];
}
