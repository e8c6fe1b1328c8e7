/** Test fixtures shared by the tasks subgraph's integration tests. */

/**
 * 四川: the work committee (SC-JGGW) leads the emergency department's organ party committee
 * (with the party group, from 2019-11-29) and so its branch; the earthquake bureau SC-DZJ is
 * vertical: led by the central earthquake administration's party group (DZJ-DZ), guided by
 * SC-JGGW. 江苏's committee (JS-SW) has nothing to do with any of them.
 */
export const province = () => ({
  format: 'tiaokuai/v1',
  units: [
    {
      code: 'ZY',
      name: '中共中央',
      kind: 'LOCAL_PARTY_COMMITTEE',
      level: 'CENTRAL',
      region: '100000',
      validFrom: '1949-10-01',
    },
    {
      code: 'DZJ-DZ',
      name: '中国地震局党组',
      kind: 'DEPARTMENT_PARTY_GROUP',
      level: 'CENTRAL',
      region: '100000',
      validFrom: '2000-01-01',
    },
    {
      code: 'SC-SW',
      name: '四川省委',
      kind: 'LOCAL_PARTY_COMMITTEE',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2000-01-01',
    },
    {
      code: 'JS-SW',
      name: '江苏省委',
      kind: 'LOCAL_PARTY_COMMITTEE',
      level: 'PROVINCIAL',
      region: '320000',
      validFrom: '2000-01-01',
    },
    {
      code: 'SC-JGGW',
      name: '四川省直机关工委',
      kind: 'WORK_COMMITTEE',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2000-01-01',
    },
    {
      code: 'SC-YJT-DZ',
      name: '四川省应急管理厅党组',
      kind: 'DEPARTMENT_PARTY_GROUP',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2018-10-01',
      locality: 'SC-JGGW',
    },
    {
      code: 'SC-YJT-JGDW',
      name: '四川省应急管理厅机关党委',
      kind: 'ORGAN_PARTY_COMMITTEE',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2018-10-01',
      locality: 'SC-JGGW',
      competentDepartment: 'SC-YJT-DZ',
    },
    {
      code: 'SC-YJT-ZB1',
      name: '四川省应急管理厅办公室党支部',
      kind: 'BRANCH',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2018-10-01',
    },
    {
      code: 'SC-DZJ',
      name: '四川省地震局',
      kind: 'GRASSROOTS_UNIT',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2000-01-01',
      partyRelationMode: 'VERTICAL',
      businessMode: 'VERTICAL',
      competentDepartment: 'DZJ-DZ',
      locality: 'SC-JGGW',
    },
    {
      code: 'SC-DZJ-ZB',
      name: '四川省地震局机关党支部',
      kind: 'BRANCH',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2000-01-01',
    },
  ],
  links: [
    { from: 'ZY', to: 'DZJ-DZ', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'ZY', to: 'SC-SW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'ZY', to: 'JS-SW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'SC-SW', to: 'SC-JGGW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'SC-SW', to: 'SC-YJT-DZ', kind: 'AFFILIATION', validFrom: '2018-10-01' },
    { from: 'SC-JGGW', to: 'SC-YJT-JGDW', kind: 'AFFILIATION', validFrom: '2018-10-01' },
    { from: 'SC-YJT-JGDW', to: 'SC-YJT-ZB1', kind: 'AFFILIATION', validFrom: '2018-10-01' },
    { from: 'DZJ-DZ', to: 'SC-DZJ', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'SC-DZJ', to: 'SC-DZJ-ZB', kind: 'AFFILIATION', validFrom: '2000-01-01' },
  ],
});

/** The emergency department's six branches (SC-YJT-ZB1 and five more) in provinceWithBranches. */
export const BRANCHES = ['SC-YJT-ZB1', 'SC-YJT-ZB2', 'SC-YJT-ZB3', 'SC-YJT-ZB4', 'SC-YJT-ZB5', 'SC-YJT-ZB6'];

/**
 * The 四川 fixture with five more branches under the emergency department's organ party committee (six the work committee
 * leads).
 */
export const provinceWithBranches = () => {
  const doc = province();
  for (const code of BRANCHES.slice(1)) {
    doc.units.push({
      code,
      name: `四川省应急管理厅第${code.slice(-1)}党支部`,
      kind: 'BRANCH',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2018-10-01',
    });
    doc.links.push({ from: 'SC-YJT-JGDW', to: code, kind: 'AFFILIATION', validFrom: '2018-10-01' });
  }
  return doc;
};
