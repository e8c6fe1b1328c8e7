import { goodScheme } from '../testing/scheme-fixtures';
import { scoreOutliers } from './outliers';
import { validateScheme } from './scheme/validate';
import { scoreSubmission } from './scoring';

const scheme = validateScheme(goodScheme(), 'input', 2026).scheme!;
/** A unit scoring `p` percent on every indicator, ZZJS overridden by `zzjs`, business `b`. */
const row = (unitId: string, p: number, b = 90, zzjs?: number) => ({
  unitId,
  result: scoreSubmission(scheme, {
    scores: [
      { indicator: 'ZZJS', score: zzjs ?? 0.3 * p },
      { indicator: 'SXJS', score: 0.2 * p },
      { indicator: 'ZFJS', score: 0.1 * p },
    ],
    ratings: [{ indicator: 'MYD', group: 'LEADER', score: p }],
    businessScore: b,
  }).result!,
});
const flagged = (rows: ReturnType<typeof row>[]) =>
  scoreOutliers(scheme, rows, (u) => u)
    .map((o) => `${o.unitId} ${o.measure}`)
    .sort();

describe('scoreOutliers', () => {
  it.each<[string, ReturnType<typeof row>[], string[]]>([
    ['all alike: nothing', ['a', 'b', 'c', 'd', 'e'].map((u) => row(u, 90)), []],
    [
      'one far below on one indicator (and so on the party score)',
      [row('a', 90), row('b', 90), row('c', 91), row('d', 89), row('e', 90, 90, 5)],
      ['e PARTY_SCORE', 'e ZZJS'],
    ],
    [
      'a small difference among near-identical peers is not flagged (floor: 5% of the maximum)',
      [row('a', 90), row('b', 90), row('c', 90), row('d', 90), row('e', 90, 90, 26.5)],
      [],
    ],
    [
      'fewer than four peers: no comparison at all',
      [row('a', 90), row('b', 90), row('c', 90), row('e', 90, 90, 5)],
      [],
    ],
    [
      'the business score is compared too',
      [row('a', 90, 90), row('b', 90, 91), row('c', 90, 89), row('d', 90, 90), row('e', 90, 40)],
      ['e BUSINESS_SCORE'],
    ],
  ])('%s', (_, rows, expected) => expect(flagged(rows)).toEqual(expected));

  it('says what and by how much, in Chinese', () => {
    const [o] = scoreOutliers(
      scheme,
      [row('a', 90), row('b', 90), row('c', 91), row('d', 89), row('e', 90, 90, 5)],
      (u) => `单位${u}`,
    ).filter((x) => x.measure === 'ZZJS');
    expect(o).toMatchObject({ unitId: 'e', value: 5, peerCount: 4, peerMean: 27 });
    expect(o.message).toMatch(/单位e 的「组织建设」5 低于 4 个可比单位的均值 27/);
  });
});
