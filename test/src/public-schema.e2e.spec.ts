/**
 * The gateway serves the public schema (schema/public.graphql): the supergraph's API schema,
 * without the service-to-service fields, which stay callable between the subgraphs directly.
 */
import { gql, INTERNAL_FIELDS } from '@tiaokuai/tools';
import {
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestHub, type TestHub } from './hub';

const PUBLIC = readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'public.graphql'), 'utf8');

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

describe('the public schema through the gateway', () => {
  it('introspection answers exactly schema/public.graphql (descriptions and @specifiedBy included)', async () => {
    const r = await t.gql(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }));
    expect(r.errors).toBeUndefined();
    const served = buildClientSchema(r.data as IntrospectionQuery);
    expect(`${printSchema(lexicographicSortSchema(served))}\n`).toBe(PUBLIC);
    const fields = Object.keys(served.getQueryType()!.getFields());
    for (const coordinate of INTERNAL_FIELDS) expect(fields).not.toContain(coordinate.split('.')[1]);
  });

  it.each([
    ['visibleUnitIds', '{ visibleUnitIds }'],
    ['leadershipTimeline', '{ leadershipTimeline(from: "2024-01-01", to: "2024-01-31") { requested } }'],
    ['leadershipTimelineTable', '{ leadershipTimelineTable(from: "2024-01-01", to: "2024-01-31") }'],
    ['assignmentActivity', '{ assignmentActivity(pairs: []) }'],
  ])('%s cannot be queried through the gateway: a validation error naming it', async (field, query) => {
    const r = await t.gql(query);
    expect(r.data).toBeUndefined();
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(r.errors![0].message).toContain(`Cannot query field "${field}" on type "Query"`);
    expect(r.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it.each([
    ['org', '{ visibleUnitIds }', (d: any) => expect(d).toEqual({ visibleUnitIds: null })],
    [
      'org',
      '{ leadershipTimelineTable(from: "2024-01-01", to: "2024-01-31") }',
      (d: any) => expect(Array.isArray(d.leadershipTimelineTable.units)).toBe(true),
    ],
    ['tasks', '{ assignmentActivity(pairs: []) }', (d: any) => expect(d).toEqual({ assignmentActivity: [] })],
  ])('the subgraph %s still answers %s when called directly, signed as a service', async (name, query, check) => {
    const url = t.hub.processes.get(name)!.url;
    const r = await gql(url, query, undefined, t.hub.subgraphHeaders(name, JSON.stringify({ query })));
    expect(r.errors).toBeUndefined();
    check(r.data);
  });

  it('leadershipTimeline with variables, straight to org as the bench asks it', async () => {
    const query =
      'query($from: Date!, $to: Date!) { leadershipTimeline(from: $from, to: $to) { unit { id } requested } }';
    const variables = { from: '2024-01-01', to: '2024-01-31' };
    const url = t.hub.processes.get('org')!.url;
    const r = await gql(url, query, variables, t.hub.subgraphHeaders('org', JSON.stringify({ query, variables })));
    expect(r.errors).toBeUndefined();
    expect(Array.isArray(r.data.leadershipTimeline)).toBe(true);
  });
});
