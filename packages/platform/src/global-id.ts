/**
 * Global object identification (the `Node` interface, `node(id)`, `nodes(ids)`; docs/api.md
 * "Ids"). A global id names an object across the three subgraphs: its GraphQL type name and the
 * parts that find it again, as JSON, in base64url. Clients treat it as opaque; the hub decodes it
 * to route `node(id)` to the subgraph that owns the type and to find the object there.
 * Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import type { Identity, ServiceGrant } from './identity';
import type { ServiceClient } from './service';

/** A decoded global id: the type name and the parts its owner encoded (strings, in order). */
export interface GlobalId {
  type: string;
  parts: string[];
}

/** The global id of an object of type `type` found again by `parts`. */
export function toGlobalId(type: string, ...parts: string[]): string {
  return Buffer.from(JSON.stringify([type, ...parts]), 'utf8').toString('base64url');
}

/** At most this long: a global id is a handful of short parts, never a document. */
const MAX_ID_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The type and parts of a global id, or null when it is not one the hub handed out (malformed,
 * too long, not base64url, not a JSON array of strings with a type name first). Never throws:
 * `node(id)` answers null for an id it cannot read, as for one it cannot find.
 */
export function fromGlobalId(id: string): GlobalId | null {
  if (id.length === 0 || id.length > MAX_ID_LENGTH || !BASE64URL.test(id)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length === 0 || !value.every((p) => typeof p === 'string')) return null;
  const [type, ...parts] = value as string[];
  if (!/^[A-Z][A-Za-z0-9]*$/.test(type)) return null;
  // Only the canonical encoding: an id that decodes but was not written by toGlobalId (padding, other JSON spacing)
  // is not one the hub handed out, so two spellings never name one object.
  return toGlobalId(type, ...parts) === id ? { type, parts } : null;
}

/**
 * A digest of what a finding is about (the bodies, tasks, submissions... it names): sha256, 16 hex characters.
 * The caller passes the parts in a canonical order (ids sorted), so the digest does not depend on the order a scan
 * found them in.
 */
export function aboutDigest(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** Ids sorted as numbers (row ids) then as text: the canonical order of the ids a finding names. */
export function sortedIds(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Which of `ids` (global ids of `type`, an entity keyed by `id` in the subgraph `client` reaches) that subgraph still
 * finds for the user `onBehalfOf` serves, under `grant` (its own visibility: the grant is not wide): one `_entities`
 * call for them all. For `node(id)`, which answers null for the others.
 */
export async function entitiesFound(
  client: ServiceClient,
  type: string,
  ids: readonly string[],
  onBehalfOf: Identity,
  grant: ServiceGrant,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const data = await client.query<{ _entities: Array<{ id?: unknown } | null> }>(
    `query Nodes($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { id } } }`,
    { r: ids.map((id) => ({ __typename: type, id })) },
    onBehalfOf,
    grant,
  );
  return new Set(data._entities.flatMap((e) => (e && typeof e.id === 'string' ? [e.id] : [])));
}
