import { median, readyLines } from './restart-bench';

describe('restart-bench: reading a restarted process', () => {
  it('takes the ready lines from a process output, skipping other lines and lines that are not JSON', () => {
    const out = [
      '{"level":"info","msg":"request","status":200}',
      'Error: not JSON',
      '{"level":"info","msg":"ready","subgraph":"org","phasesMs":{"modules":300,"schema":100},"totalMs":400}',
      '{"level":"info","msg":"not ready yet","phasesMs":{"modules":1}}',
      '{"level":"info","msg":"ready","subgraph":"org","phasesMs":{"modules":200},"totalMs":200}',
      '',
    ].join('\n');
    expect(readyLines(out)).toEqual([
      { phasesMs: { modules: 300, schema: 100 }, totalMs: 400 },
      { phasesMs: { modules: 200 }, totalMs: 200 },
    ]);
  });

  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 3], // (2 + 3) / 2 rounded
  ])('median of %j is %p', (xs, m) => {
    expect(median(xs)).toBe(m);
  });
});
