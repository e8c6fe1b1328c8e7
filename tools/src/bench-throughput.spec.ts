import { summarizeRounds, throughputTable } from './bench-throughput';
import { median } from './stats';
import type { LoadResult } from './throughput';

const result = (rps: number, cpu?: number): LoadResult => ({
  clients: 50,
  requests: 100,
  seconds: 100 / rps,
  rps,
  p50: 1000 / rps,
  p99: 2000 / rps,
  ...(cpu === undefined ? {} : { cpuMsPerRequest: cpu }),
});

describe('throughput over rounds', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('gives each route the median of its rounds and each round the ratio to the bare runtime beside it', () => {
    const routes = [
      { route: 'hub gateway', query: 'partyBuilding' as const },
      { route: 'bare Hive runtime', query: 'partyBuilding' as const },
      { route: 'hub gateway', query: 'joined' as const },
      { route: 'bare Hive runtime', query: 'joined' as const },
    ];
    // The machine got busier in round 2: both routes fell, their ratio hardly moved.
    const rows = summarizeRounds(routes, [
      [result(80, 3), result(100, 2.5), result(40), result(50)],
      [result(40, 3.2), result(52, 2.6), result(45), result(45)],
      [result(90, 2.8), result(100, 2.4), result(30), result(60)],
    ]);
    expect(rows.map((r) => r.rps)).toEqual([80, 100, 40, 50]);
    expect(rows[0].ratios.map((x) => +x.toFixed(3))).toEqual([0.8, +(40 / 52).toFixed(3), 0.9]);
    expect(rows[1].ratios).toEqual([1, 1, 1]);
    expect(rows[2].ratios).toEqual([0.8, 1, 0.5]);
    expect(rows[0].cpuMsPerRequest).toBe(3);
    expect(rows[2].cpuMsPerRequest).toBeUndefined();
    expect(rows.every((r) => r.rounds === 3)).toBe(true);
    const table = throughputTable(rows).join('\n');
    // The ratio reported is the median of the rounds' ratios (0.80), not 80 ÷ 100 of the medians by chance.
    expect(table).toContain('| partyBuilding | hub gateway | 80 | 0.80 (0.80, 0.77, 0.90) |');
    expect(table).toContain('| joined | hub gateway | 40 | 0.80 (0.80, 1.00, 0.50) |');
    expect(table).toContain('3.00 (0.83)');
  });
});
