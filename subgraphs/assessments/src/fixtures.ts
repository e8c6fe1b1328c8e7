/** Fixtures shared by the assessments subgraph's integration tests. */

/**
 * 四川: the work committee (SC-JGGW) leads the emergency department's organ party committee and
 * its six branches; the earthquake bureau SC-DZJ is vertical: led by the central earthquake
 * administration's party group (DZJ-DZ), guided by SC-JGGW. 江苏's committee (JS-SW) has
 * nothing to do with any of them.
 */
export const BRANCHES = ['SC-YJT-ZB1', 'SC-YJT-ZB2', 'SC-YJT-ZB3', 'SC-YJT-ZB4', 'SC-YJT-ZB5', 'SC-YJT-ZB6'];

export const province = () => ({
  format: 'tiaokuai/v1',
  units: [
    { code: 'ZY', name: '中共中央', kind: 'LOCAL_PARTY_COMMITTEE', level: 'CENTRAL', region: '100000', validFrom: '1949-10-01' },
    { code: 'DZJ-DZ', name: '中国地震局党组', kind: 'DEPARTMENT_PARTY_GROUP', level: 'CENTRAL', region: '100000', validFrom: '2000-01-01' },
    { code: 'SC-SW', name: '四川省委', kind: 'LOCAL_PARTY_COMMITTEE', level: 'PROVINCIAL', region: '510000', validFrom: '2000-01-01' },
    { code: 'JS-SW', name: '江苏省委', kind: 'LOCAL_PARTY_COMMITTEE', level: 'PROVINCIAL', region: '320000', validFrom: '2000-01-01' },
    { code: 'SC-JGGW', name: '四川省直机关工委', kind: 'WORK_COMMITTEE', level: 'PROVINCIAL', region: '510000', validFrom: '2000-01-01' },
    { code: 'SC-YJT-DZ', name: '四川省应急管理厅党组', kind: 'DEPARTMENT_PARTY_GROUP', level: 'PROVINCIAL', region: '510000', validFrom: '2018-10-01', locality: 'SC-JGGW' },
    { code: 'SC-YJT-JGDW', name: '四川省应急管理厅机关党委', kind: 'ORGAN_PARTY_COMMITTEE', level: 'PROVINCIAL', region: '510000', validFrom: '2018-10-01', locality: 'SC-JGGW', competentDepartment: 'SC-YJT-DZ' },
    ...BRANCHES.map((code, i) => ({ code, name: `四川省应急管理厅第${i + 1}党支部`, kind: 'BRANCH', level: 'PROVINCIAL', region: '510000', validFrom: '2018-10-01' })),
    { code: 'SC-DZJ', name: '四川省地震局', kind: 'GRASSROOTS_UNIT', level: 'PROVINCIAL', region: '510000', validFrom: '2000-01-01',
      partyRelationMode: 'VERTICAL', businessMode: 'VERTICAL', competentDepartment: 'DZJ-DZ', locality: 'SC-JGGW' },
    { code: 'SC-DZJ-ZB', name: '四川省地震局机关党支部', kind: 'BRANCH', level: 'PROVINCIAL', region: '510000', validFrom: '2000-01-01' },
  ],
  links: [
    { from: 'ZY', to: 'DZJ-DZ', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'ZY', to: 'SC-SW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'ZY', to: 'JS-SW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'SC-SW', to: 'SC-JGGW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'SC-SW', to: 'SC-YJT-DZ', kind: 'AFFILIATION', validFrom: '2018-10-01' },
    { from: 'SC-JGGW', to: 'SC-YJT-JGDW', kind: 'AFFILIATION', validFrom: '2018-10-01' },
    ...BRANCHES.map((to) => ({ from: 'SC-YJT-JGDW', to, kind: 'AFFILIATION', validFrom: '2018-10-01' })),
    { from: 'DZJ-DZ', to: 'SC-DZJ', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'SC-DZJ', to: 'SC-DZJ-ZB', kind: 'AFFILIATION', validFrom: '2000-01-01' },
  ],
});

/** SC-JGGW's 2026 scheme (weighted sum, 党建 40% + 业务 60%), as the GraphQL input. */
export const schemeInput = (over: Record<string, unknown> = {}) => ({
  issuer: 'SC-JGGW', key: 'KH-2026', year: 2026, name: '2026年度机关党建工作考核',
  indicators: [
    { code: 'ZZJS', name: '组织建设', part: 'RESULTS', weight: 30, maxScore: 30, measure: 'QUANTITATIVE' },
    { code: 'SXJS', name: '思想建设', part: 'RESULTS', weight: 20, maxScore: 20, measure: 'QUALITATIVE' },
    { code: 'ZFJS', name: '作风建设', part: 'RESULTS', weight: 20, maxScore: 10, measure: 'QUANTITATIVE' },
    { code: 'MYD', name: '党员群众满意度', part: 'SATISFACTION', weight: 30, maxScore: 100, measure: 'QUALITATIVE' },
  ],
  evaluatorGroups: [
    { code: 'LEADER', name: '上级党组织', weight: 40 },
    { code: 'DEPT', name: '主管部门', weight: 30 },
    { code: 'MEMBERS', name: '党员', weight: 20 },
    { code: 'PUBLIC', name: '服务对象', weight: 10 },
  ],
  gradeBands: [
    { grade: '优秀', min: 90, max: 100 },
    { grade: '良好', min: 80, max: 90 },
    { grade: '一般', min: 60, max: 80 },
    { grade: '较差', min: 0, max: 60 },
  ],
  combination: { method: 'WEIGHTED_SUM', partyWeight: 40, businessWeight: 60 },
  ...over,
});

/** Scores making a party-building score of `p` percent of every maximum (satisfaction rated by everyone at p). */
export const scoresAt = (p: number) => ({
  scores: [{ indicator: 'ZZJS', score: 0.3 * p }, { indicator: 'SXJS', score: 0.2 * p }, { indicator: 'ZFJS', score: 0.1 * p }],
  ratings: ['LEADER', 'DEPT', 'MEMBERS', 'PUBLIC'].map((group) => ({ indicator: 'MYD', group, score: p })),
});
