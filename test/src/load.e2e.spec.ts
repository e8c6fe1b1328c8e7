/**
 * Proof under load and faults (RELIABILITY.md), short: 50 concurrent clients send a mixed
 * read/write load through the gateway, with a burst of 8 mutually conflicting writes every
 * second, while the org subgraph is SIGKILLed and restarted, then the tasks subgraph, and
 * (PostgreSQL only) every backend of the hub is terminated. Afterwards,
 * checked against the database and through the API: every acknowledged write is present exactly
 * once with exactly one audit record under its request id; unacknowledged writes at most once,
 * audit record if and only if committed; no 5xx, no hang, no leaked internals; every failure is
 * one a fault explains; of each burst at most one write wins; no overlapping fact versions or
 * links; writes are acknowledged before, between and after the faults.
 * `npm run reliability` runs the same longer and writes the figures.
 */
import { reportMarkdown, runReliability, type ReliabilityReport } from '@tiaokuai/tools';

const pg = !!process.env.DATABASE_URL;
let report: ReliabilityReport;

beforeAll(async () => {
  report = await runReliability({
    clients: 50,
    seconds: 10,
    adminDatabaseUrl: process.env.DATABASE_URL,
    killOrg: true,
    killTasks: true,
    terminations: 1, // PostgreSQL only
  });
  if (!report.ok) process.stderr.write(`${reportMarkdown(report)}\n${JSON.stringify({ unexpected: report.unexpected, logs: report.logs }, null, 2)}\n`);
}, 85_000);

describe(`50 clients through the gateway while subgraphs are killed${pg ? ' and PostgreSQL backends terminated' : ''}`, () => {
  it('the planned faults happened and bit: writes to org failed cleanly while it was down', () => {
    expect(report.faults.map((f) => f.name)).toEqual(['kill org', 'kill tasks', ...(pg ? ['terminate backends #1'] : [])]);
    const orgDown = report.periods.find((p) => p.name === 'kill org (window)')!;
    expect(orgDown.errors['SUBGRAPH_UNAVAILABLE(org)']).toBeGreaterThan(0);
    if (pg) expect(report.faults[2].detail).toMatch(/^[1-9]\d* backends terminated/);
    expect(report.totals.ackedWrites).toBeGreaterThan(0);
    expect(report.totals.unackedWrites).toBeGreaterThan(0);
  });

  it('the conflicting bursts of each kind ran, and in some one write won', () => {
    // (A 10 s run has about three bursts of each kind; on PGlite all of one kind may fall in a
    // fault window. That at most one of each burst won is one of the invariants below.)
    expect(Object.keys(report.verification.bursts).sort()).toEqual(['changeUnitFacts', 'createLink', 'createUnit']);
    for (const b of Object.values(report.verification.bursts)) expect(b.bursts).toBeGreaterThan(0);
    expect(Object.values(report.verification.bursts).reduce((n, b) => n + b.oneAcknowledged, 0)).toBeGreaterThan(0);
  });

  it('every invariant holds (exactly-once, audit, no unexpected failure, no 5xx, no hang, recovery after each fault)', () => {
    // One line per invariant, so a failure names it with its examples.
    expect(report.invariants.map((i) => `${i.name}: ${i.ok ? 'holds' : i.detail}`))
      .toEqual(report.invariants.map((i) => `${i.name}: holds`));
    expect(report.invariants.length).toBe(19);
    expect(report.ok).toBe(true);
  });
});
