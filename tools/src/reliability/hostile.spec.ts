import type { RunningHub } from '../launcher';
import {
  checkFindingsPage,
  checkFinishedWalk,
  hostileRows,
  longLogLines,
  type HostileReport,
  type Walk,
} from './hostile';

const node = (kind: string, n: number) => ({ kind, unit: { code: `U${n}` } });
const page = (nodes: unknown[], total: number, byKind: Array<{ kind: string; count: number }>, next: boolean) => ({
  totalCount: total,
  summary: { total, byKind },
  nodes,
  pageInfo: { hasNextPage: next, endCursor: next ? 'c' : null },
});
const walk = (): Walk => ({ list: 'taskConflicts', pages: 0, items: 0, byKind: new Map() });

describe("the VIEWERs' page checks", () => {
  const summary = [
    { kind: 'DUPLICATE', count: 500 },
    { kind: 'CONFLICT', count: 2 },
  ];
  it('accept a walk of well-formed pages that adds up', () => {
    const w = walk();
    expect(
      checkFindingsPage(
        w,
        page(
          Array.from({ length: 500 }, (_, i) => node('DUPLICATE', i)),
          502,
          summary,
          true,
        ),
      ),
    ).toEqual([]);
    const last = page([node('CONFLICT', 1), node('CONFLICT', 2)], 502, summary, false);
    expect(checkFindingsPage(w, last)).toEqual([]);
    expect(checkFinishedWalk(w, last.summary.byKind)).toEqual([]);
  });
  it('refuse a short page that is not the last, a page without a cursor, and a summary that does not add up', () => {
    expect(checkFindingsPage(walk(), page([node('DUPLICATE', 1)], 502, summary, true))).toEqual([
      '1 items in a page that is not the last',
    ]);
    const noCursor = page(
      Array.from({ length: 500 }, (_, i) => node('DUPLICATE', i)),
      502,
      summary,
      true,
    );
    noCursor.pageInfo.endCursor = null;
    expect(checkFindingsPage(walk(), noCursor)).toEqual(['no endCursor before the next page']);
    expect(checkFindingsPage(walk(), page([], 3, summary, false))[0]).toMatch(/summary adds up to 502, totalCount 3/);
    expect(
      checkFindingsPage(
        walk(),
        page(
          Array.from({ length: 501 }, (_, i) => node('DUPLICATE', i)),
          502,
          summary,
          false,
        ),
      ),
    ).toContain('501 items in a page of 500');
  });
  it('refuse a total that changes between pages, and a walk whose items do not match its summary', () => {
    const w = walk();
    checkFindingsPage(
      w,
      page(
        Array.from({ length: 500 }, (_, i) => node('DUPLICATE', i)),
        502,
        summary,
        true,
      ),
    );
    expect(
      checkFindingsPage(
        w,
        page(
          [node('CONFLICT', 1)],
          501,
          [
            { kind: 'DUPLICATE', count: 500 },
            { kind: 'CONFLICT', count: 1 },
          ],
          false,
        ),
      ),
    ).toEqual(['totalCount or summary changed between pages of one walk']);
    const v = walk();
    checkFindingsPage(
      v,
      page(
        [node('DUPLICATE', 1), node('DUPLICATE', 2)],
        2,
        [
          { kind: 'DUPLICATE', count: 1 },
          { kind: 'CONFLICT', count: 1 },
        ],
        false,
      ),
    );
    expect(
      checkFinishedWalk(v, [
        { kind: 'DUPLICATE', count: 1 },
        { kind: 'CONFLICT', count: 1 },
      ]),
    ).toEqual(['DUPLICATE: 2 items, summary 1', 'CONFLICT: 0 items, summary 1']);
  });
});

describe('the log scan', () => {
  it('counts lines over 4 KB and lines that are not JSON, per process', () => {
    const out: Record<string, string> = {
      gateway: `{"level":"info","msg":"a"}\n{"level":"info","msg":"${'x'.repeat(5000)}"}\n`,
      org: 'TypeError: boom\n    at nextWrite\n{"level":"error","msg":"b"}\n',
    };
    const hub = { output: (n: string) => out[n] ?? '' } as unknown as RunningHub;
    const r = longLogLines(hub, ['gateway', 'org', 'tasks']);
    expect(r.lines).toBe(5);
    expect(r.over).toEqual({ gateway: 1 });
    expect(r.nonJson).toEqual({ org: 2 });
    expect(r.errors).toHaveLength(3);
    expect(r.longest).toBeGreaterThan(5000);
  });
});

describe("the issue's table", () => {
  const report = (over: Partial<HostileReport>): HostileReport => ({
    province: { units: 1, links: 1, tasks: 1, assignments: 1, submissions: 1, loadMs: 1 },
    viewers: { count: 8, bodies: [], pages: 1, walksFinished: {}, malformedPages: 0, examples: [], findings: {} },
    bigBodies: {
      sent: 1,
      timedOut: 0,
      byStatus: { 401: 1 },
      maxBytesBeforeAnswer: 0,
      medianBytesBeforeAnswer: 0,
      bytesBeforeAnswer: [],
      clients: 4,
      bytes: 1,
    },
    replays: {
      sent: { same: 3, other: 3, afterRestart: 1 },
      accepted: 0,
      byStatus: { 401: 6 },
      examples: [],
      clients: 2,
      captured: 3,
    },
    recoveries: [{ process: 'org', at: 0, seconds: 2.5 }],
    uncausedDeaths: [],
    gatewayMemory: { peakBytes: 300 * 2 ** 20, baselineBytes: 1, lastBytes: 1, samples: 1, bytesRead: 1 },
    logs: { lines: 1, over: {}, longest: 1, errors: [], nonJson: {} },
    ackedWritesLost: 0,
    ...over,
  });
  const met = (r: HostileReport) => Object.fromEntries(hostileRows(r).map((x) => [x.figure, x.ok]));
  it('meets every target of a good run, and leaves the throughput row to BENCHMARKS.md', () => {
    const rows = hostileRows(report({}));
    expect(rows.filter((x) => x.ok === false)).toEqual([]);
    expect(rows.find((x) => x.ok === null)?.value).toBe('see BENCHMARKS.md');
  });
  it('misses each target on its own figure', () => {
    expect(
      met(report({ recoveries: [{ process: 'org', at: 0, seconds: 5.1 }] }))[
        'seconds for every killed process to answer again, untouched'
      ],
    ).toBe(false);
    expect(
      met(report({ recoveries: [{ process: 'org', at: 0, seconds: null }] }))[
        'seconds for every killed process to answer again, untouched'
      ],
    ).toBe(false);
    expect(
      met(
        report({
          gatewayMemory: { peakBytes: 600 * 2 ** 20, baselineBytes: 1, lastBytes: 1, samples: 1, bytesRead: 1 },
        }),
      )['gateway peak memory'],
    ).toBe(false);
    expect(
      met(
        report({
          replays: {
            sent: { same: 3, other: 3, afterRestart: 0 },
            accepted: 1,
            byStatus: {},
            examples: [],
            clients: 2,
            captured: 3,
          },
        }),
      )['replayed requests accepted'],
    ).toBe(false);
    expect(
      met(
        report({
          replays: {
            sent: { same: 0, other: 0, afterRestart: 0 },
            accepted: 0,
            byStatus: {},
            examples: [],
            clients: 2,
            captured: 0,
          },
        }),
      )['replayed requests accepted'],
    ).toBe(false);
    expect(
      met(report({ logs: { lines: 2, over: { org: 1 }, longest: 5000, errors: [], nonJson: {} } }))[
        'log lines over 4 KB'
      ],
    ).toBe(false);
    expect(
      met(report({ uncausedDeaths: ['tasks exited (code 1)'] }))['process deaths that the test did not cause'],
    ).toBe(false);
    expect(met(report({ ackedWritesLost: 1 }))['acknowledged writes lost']).toBe(false);
  });
});
