/**
 * Proof under load and faults (RELIABILITY.md), short and planned: 50 concurrent clients send a
 * mixed read/write load through the gateway, while the org subgraph is SIGKILLed and restarted,
 * then the tasks subgraph, and (PostgreSQL only) every backend of the hub is terminated.
 *
 * The run is a fixed plan, not a length of time (`plan` in tools/src/reliability/types.ts): steady,
 * then per fault one segment during it and one steady after it; in every segment each client
 * runs exactly OPS operations of its own seeded sequence, a fault begins once every client
 * finished the segment before it, and a killed subgraph comes back once every client finished
 * the segment it was down for. Each steady segment also runs one burst of 8 conflicting writes
 * of each kind. So what ran, and where, is the plan's doing, not the machine's speed: the test
 * checks the plan happened, and the invariants over its results (every acknowledged write
 * present exactly once with its one audit record, unacknowledged writes at most once, of each
 * burst at most one write won, no 5xx, no hang, every failure one a fault explains).
 * `npm run reliability` runs the timed, longer version and writes the figures.
 */
import { reportMarkdown, runReliability, type ReliabilityReport } from '@tiaokuai/tools';

const pg = !!process.env.DATABASE_URL;
const CLIENTS = 50;
const OPS = 4;
const FAULTS = ['kill org', 'kill tasks', ...(pg ? ['terminate backends #1'] : [])];
let report: ReliabilityReport;

beforeAll(async () => {
  report = await runReliability({
    clients: CLIENTS,
    plan: { operationsPerSegment: OPS },
    adminDatabaseUrl: process.env.DATABASE_URL,
    killOrg: true,
    killTasks: true,
    terminations: 1, // PostgreSQL only
    keepRecords: true,
  });
  if (!report.ok) {
    const { records: _records, ...rest } = report;
    process.stderr.write(
      `${reportMarkdown(rest)}\n${JSON.stringify({ unexpected: report.unexpected, logs: report.logs }, null, 2)}\n`,
    );
  }
}, 300_000); // a bound for a hang, not a speed check: the plan takes as long as it takes

describe(`50 clients through the gateway while subgraphs are killed${pg ? ' and PostgreSQL backends terminated' : ''}: a planned run`, () => {
  it('the plan ran as planned: steady, then during and after each fault, every client its operations in each, one burst of each kind in every steady segment', () => {
    const steady = { operations: OPS, bursts: ['changeUnitFacts', 'createLink', 'createUnit'] };
    expect(report.plan).toEqual([
      { segment: 0, ...steady },
      ...FAULTS.flatMap((during, k) => [
        { segment: 1 + 2 * k, during, operations: OPS, bursts: [] },
        { segment: 2 + 2 * k, ...steady },
      ]),
    ]);
    expect(report.faults.map((f) => f.name)).toEqual(FAULTS);
    // Every client ran exactly its operations in each segment.
    const perClient = new Map<number, number[]>();
    for (const r of report.records!.filter((x) => x.client >= 0)) {
      const counts = perClient.get(r.client) ?? new Array(report.plan!.length).fill(0);
      counts[r.segment!]++;
      perClient.set(r.client, counts);
    }
    expect(perClient.size).toBe(CLIENTS);
    for (const counts of perClient.values()) expect(counts).toEqual(report.plan!.map(() => OPS));
  });

  it('the faults bit: every write sent while org was down failed cleanly (SUBGRAPH_UNAVAILABLE naming org), and writes were acknowledged in every steady segment', () => {
    const orgDown = report.plan!.find((p) => p.during === 'kill org')!.segment;
    const writesWhileDown = report.records!.filter((r) => r.segment === orgDown && r.write);
    expect(writesWhileDown.length).toBeGreaterThan(0);
    expect(writesWhileDown.filter((r) => r.acked)).toEqual([]);
    expect(
      writesWhileDown
        .filter((r) => !r.errors.some((e) => e.code === 'SUBGRAPH_UNAVAILABLE' && e.service === 'org'))
        .map((r) => ({ id: r.id, errors: r.errors, failure: r.failure })),
    ).toEqual([]);
    for (const p of report.plan!.filter((x) => !x.during)) {
      expect({ segment: p.segment, acked: report.records!.some((r) => r.segment === p.segment && r.acked) }).toEqual({
        segment: p.segment,
        acked: true,
      });
    }
    if (pg) expect(report.faults[2].detail).toMatch(/^[1-9]\d* backends terminated/);
  });

  it('the conflicting bursts of each kind ran as often as planned, and in some one write won', () => {
    const steadySegments = report.plan!.filter((p) => !p.during).length;
    expect(report.verification.bursts).toEqual({
      changeUnitFacts: { bursts: steadySegments, oneAcknowledged: expect.any(Number) },
      createLink: { bursts: steadySegments, oneAcknowledged: expect.any(Number) },
      createUnit: { bursts: steadySegments, oneAcknowledged: expect.any(Number) },
    });
    expect(Object.values(report.verification.bursts).reduce((n, b) => n + b.oneAcknowledged, 0)).toBeGreaterThan(0);
  });

  it('every invariant holds (exactly-once, audit, no unexpected failure, no 5xx, no hang, recovery after each fault)', () => {
    // One line per invariant, so a failure names it with its examples.
    expect(report.invariants.map((i) => `${i.name}: ${i.ok ? 'holds' : i.detail}`)).toEqual(
      report.invariants.map((i) => `${i.name}: holds`),
    );
    expect(report.invariants.length).toBe(19);
    expect(report.ok).toBe(true);
  });
});
