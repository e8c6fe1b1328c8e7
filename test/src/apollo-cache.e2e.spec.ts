/**
 * Apollo Client's normalised cache on the tour's answers: a frontend built on Apollo Client 4
 * (docs/frontend.md) keeps each entity once, by id, and updates it wherever it is shown. Every
 * query of @tiaokuai/client's tour is run through Apollo Client against a hub started here; every
 * object of every answer is then either normalised (it has a cache id and the cache holds it
 * under that id) or a value that belongs to its parent (a page, a summary, an answer computed for
 * one unit and date), and Apollo logs no warning (no "cache data may be lost").
 */
import { ApolloClient, HttpLink, InMemoryCache, type DocumentNode } from '@apollo/client';
import {
  AnomaliesDocument,
  AssessmentFindingsDocument,
  BeforeAndAfterDocument,
  IncomingLinksDocument,
  OrganPartyCommitteeDocument,
  SharedUnitsDocument,
  TaskConflictsDocument,
  UnitAssignmentsDocument,
  UnitHistoryDocument,
  UnitsDocument,
  WhoLeadsDocument,
} from '@tiaokuai/client';
import { loadDemoIfEmpty } from '@tiaokuai/tools';
import { startTestHub, type TestHub } from './hub';

/** The tour's queries with the README's arguments. */
const TOUR: Array<[DocumentNode, Record<string, unknown>]> = [
  [WhoLeadsDocument, { code: 'SC-DZJ' }],
  [BeforeAndAfterDocument, { code: 'SC-SWJ', before: '2018-06-14', after: '2018-06-15' }],
  [OrganPartyCommitteeDocument, { code: 'SC-YJT-JGDW', asOf: '2019-11-28' }],
  [AnomaliesDocument, { first: 20 }],
  [AnomaliesDocument, { scope: 'SC-JGGW', first: 10 }],
  [AnomaliesDocument, { from: '2018-01-01', to: '2018-12-31', first: 20 }],
  [UnitHistoryDocument, { code: 'SC-XFZD', first: 50 }],
  [SharedUnitsDocument, { a: 'SC-JGGW', b: 'DZJ-DZ' }],
  [UnitsDocument, { first: 10, filter: { under: 'SC-JGGW', kinds: ['GRASSROOTS_UNIT'] } }],
  [IncomingLinksDocument, { code: 'SC-SLT-JGDW', kinds: ['GUIDANCE'] }],
  [TaskConflictsDocument, { scope: 'SC-JGGW', from: '2026-01-01', to: '2026-12-31', first: 10 }],
  [UnitAssignmentsDocument, { code: 'SC-DZJ', from: '2026-01-01', to: '2026-12-31' }],
  [AssessmentFindingsDocument, { scope: 'ZY', year: 2026 }],
];

/**
 * Values, not entities: they have no identity of their own and live inside their parent's
 * cache entry. Pages and their parts, summaries and counts by pattern; the rest by name.
 */
const VALUE = /(Connection|Edge|PageInfo|Summary|Count)$/;
const VALUE_TYPES = new Set([
  'PartyBuilding', // the answer for one unit and one date (asOf)
  'Role', // one line of that answer
  'UnitFacts', // a unit's facts on a date
  'HistoryEvent', // one line of a unit's history
]);

/**
 * Entities and findings without an `id`: none since the findings got theirs (docs/api.md "Ids").
 * A type added without one fails the test until it gets one or is listed here with a reason.
 */
const KNOWN_WITHOUT_ID_ON_MAIN: string[] = [];

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  const demo = await loadDemoIfEmpty(t.url, t.hub.operatorToken);
  expect(demo.loaded).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

it('every entity of the tour is normalised by id in Apollo Client’s cache, with no warnings', async () => {
  const warnings: unknown[][] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((...a) => void warnings.push(a));
  const error = jest.spyOn(console, 'error').mockImplementation((...a) => void warnings.push(a));
  const cache = new InMemoryCache();
  const client = new ApolloClient({
    cache,
    link: new HttpLink({ uri: t.url, headers: { authorization: `Bearer ${t.hub.operatorToken}` } }),
  });
  const unnormalised = new Set<string>();
  const normalised = new Map<string, number>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    const typename = o.__typename;
    if (typeof typename === 'string' && typename !== 'Query' && !VALUE.test(typename) && !VALUE_TYPES.has(typename)) {
      const id = cache.identify(o as { __typename: string });
      if (id === undefined) unnormalised.add(typename);
      else {
        // Held by the cache under that id.
        expect(cache.extract()[id]).toMatchObject({ __typename: typename });
        normalised.set(typename, (normalised.get(typename) ?? 0) + 1);
      }
    }
    Object.values(o).forEach(walk);
  };
  try {
    for (const [query, variables] of TOUR) {
      const result = await client.query({ query, variables, fetchPolicy: 'network-only' });
      expect(result.error).toBeUndefined();
      walk(result.data);
    }
  } finally {
    warn.mockRestore();
    error.mockRestore();
    client.stop();
  }
  expect(warnings).toEqual([]);
  // The tour reaches units, links, tasks and assignments, each normalised.
  expect([...normalised.keys()].sort()).toEqual(expect.arrayContaining(['Assignment', 'Link', 'Task', 'Unit']));
  expect([...unnormalised].sort()).toEqual(KNOWN_WITHOUT_ID_ON_MAIN);
});
