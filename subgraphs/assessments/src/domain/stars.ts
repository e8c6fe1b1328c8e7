/**
 * Star grading of branches with quotas (党支部达标定级; DOMAIN.md "Assessments (考核评价)"), pure.
 *
 * Levels are given from the highest: stars, the largest share of the units graded that may get
 * it (at most 10% five-star …), and optionally the least score it needs. The last level has no
 * share: everyone not placed higher gets it. Units are ranked by score (highest first); each
 * level, from the top, takes the next units in rank order that reach its least score, up to
 * floor(share × number of units graded). Units with equal scores are never split: if a group
 * of equal scores does not fit in what remains of a level's quota, the whole group goes down a
 * level (the quota is never exceeded, and equal scores get equal stars). Each unit gets an
 * explanation in Chinese naming its rank, the quota and, when it went down, why.
 */
export interface StarLevel {
  stars: number;
  /** Largest share (0–1) of the units graded; absent on the last level only. */
  share?: number;
  minScore?: number;
}

export interface StarResult {
  unitId: string;
  score: number;
  rank: number;
  stars: number;
  explanation: string;
}

export const STAR_NAMES: Record<number, string> = {
  5: '五星级',
  4: '四星级',
  3: '三星级',
  2: '二星级',
  1: '一星级',
  0: '未定级',
};
const starName = (n: number) => STAR_NAMES[n] ?? `${n}星级`;

export function quotaProblems(levels: readonly StarLevel[], base = 'levels'): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  if (levels.length === 0) return [{ path: base, message: '至少需要一个星级' }];
  levels.forEach((l, i) => {
    const last = i === levels.length - 1;
    if (!Number.isInteger(l.stars) || l.stars < 0 || l.stars > 10)
      out.push({ path: `${base}[${i}].stars`, message: `星级应为 0–10 的整数：${l.stars}` });
    if (i > 0 && l.stars >= levels[i - 1].stars)
      out.push({ path: `${base}[${i}].stars`, message: '星级应从高到低排列' });
    if (!last && (l.share === undefined || !(l.share > 0 && l.share <= 1)))
      out.push({ path: `${base}[${i}].share`, message: `名额比例应在 (0, 1] 之间：${l.share}` });
    if (last && l.share !== undefined)
      out.push({ path: `${base}[${i}].share`, message: '最低一级不设名额（其余单位均归此级）' });
  });
  const shares = levels.reduce((a, l) => a + (l.share ?? 0), 0);
  if (shares > 1 + 1e-9) out.push({ path: base, message: `各级名额比例之和 ${Math.round(shares * 100)}% 超过 100%` });
  return out;
}

export function gradeStars(
  units: ReadonlyArray<{ unitId: string; score: number }>,
  levels: readonly StarLevel[],
): StarResult[] {
  const n = units.length;
  const ranked = [...units].sort(
    (a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId, 'en', { numeric: true }),
  );
  // Groups of equal scores, with their rank (1 + the number of units scoring higher).
  const groups: Array<{ rank: number; members: typeof ranked }> = [];
  ranked.forEach((u, i) => {
    const last = groups[groups.length - 1];
    if (last && last.members[0].score === u.score) last.members.push(u);
    else groups.push({ rank: i + 1, members: [u] });
  });
  const out: StarResult[] = [];
  // Why a group did not get a higher level (the first level that refused it).
  const refused = new Map<number, string>();
  let g = 0;
  for (let li = 0; li < levels.length; li++) {
    const level = levels[li];
    const last = li === levels.length - 1;
    // An epsilon against binary fractions: 0.29 × 100 is 28.999999999999996.
    const quota = last ? Infinity : Math.floor(level.share! * n + 1e-9);
    let used = 0;
    while (g < groups.length) {
      const group = groups[g];
      const score = group.members[0].score;
      const fits = used + group.members.length <= quota;
      const reaches = level.minScore === undefined || score >= level.minScore;
      if (!last && !(fits && reaches)) {
        if (!refused.has(g)) {
          refused.set(
            g,
            !reaches
              ? `（未达${starName(level.stars)}最低分 ${level.minScore}）`
              : `（${starName(level.stars)}名额 ${quota} 个${used > 0 ? '已满' : '不足'}${group.members.length > 1 ? '，并列者一同顺延' : ''}）`,
          );
        }
        break;
      }
      used += group.members.length;
      const quotaText = last
        ? ''
        : `，${starName(level.stars)}名额 ${quota} 个（${Math.round(level.share! * 100)}% × ${n}）`;
      // Not refused itself: the level above closed on a unit ranked higher (or its minimum).
      const above = li > 0 ? levels[li - 1] : undefined;
      const reason =
        refused.get(g) ??
        (!above
          ? ''
          : above.minScore !== undefined && score < above.minScore
            ? `（未达${starName(above.stars)}最低分 ${above.minScore}）`
            : `（${starName(above.stars)}名额已满）`);
      for (const u of group.members) {
        out.push({
          unitId: u.unitId,
          score,
          rank: group.rank,
          stars: level.stars,
          explanation: `得分 ${score}，第 ${group.rank} 名/共 ${n} 个${quotaText}：定为${starName(level.stars)}${reason}`,
        });
      }
      g++;
    }
  }
  return out;
}
