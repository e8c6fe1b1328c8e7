/** Fixtures shared by the assessments subgraph's integration tests. */
import { goodScheme } from './scheme-fixtures';

/**
 * The tasks subgraph's 四川 fixture with six branches: the work committee (SC-JGGW) leads the
 * emergency department's organ party committee and its branches; the earthquake bureau SC-DZJ is
 * vertical (led by DZJ-DZ, guided by SC-JGGW); 江苏's committee (JS-SW) is unrelated.
 */
export { BRANCHES, provinceWithBranches as province } from '@tiaokuai/subgraph-tasks/testing/fixtures';

/** SC-JGGW's 2026 scheme (the domain tests' goodScheme: weighted sum, 党建 40% + 业务 60%), as the GraphQL input. */
export const schemeInput = (over: Record<string, unknown> = {}) => ({ ...goodScheme(), ...over });

/** Scores making a party-building score of `p` percent of every maximum (satisfaction rated by everyone at p). */
export const scoresAt = (p: number) => ({
  scores: [
    { indicator: 'ZZJS', score: 0.3 * p },
    { indicator: 'SXJS', score: 0.2 * p },
    { indicator: 'ZFJS', score: 0.1 * p },
  ],
  ratings: ['LEADER', 'DEPT', 'MEMBERS', 'PUBLIC'].map((group) => ({ indicator: 'MYD', group, score: p })),
});
