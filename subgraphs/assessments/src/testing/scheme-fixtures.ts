/** Schemes shared by the domain tests (a module, not a spec: importing a spec would run its tests again). */
/** 某省直机关工委 2026 年度机关党建考核方案 (weighted sum, 党建 40% + 业务 60%). */
export const goodScheme = () => ({
  issuer: 'SC-JGGW',
  key: 'KH-2026',
  year: 2026,
  name: '2026年度机关党建工作考核',
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
});
