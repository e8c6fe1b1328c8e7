/** Units shared by the end-to-end tests of tasks and assessments. */

/**
 * 四川's work committee (SC-JGGW) and the earthquake bureau SC-DZJ, vertical: led by 中国地震局党组
 * (DZJ-DZ), guided by SC-JGGW; 江苏's committee (JS-SW) has nothing to do with it.
 */
export const UNITS = {
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
  ],
  links: [
    { from: 'ZY', to: 'DZJ-DZ', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'ZY', to: 'SC-SW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'ZY', to: 'JS-SW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'SC-SW', to: 'SC-JGGW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'DZJ-DZ', to: 'SC-DZJ', kind: 'AFFILIATION', validFrom: '2000-01-01' },
  ],
};
