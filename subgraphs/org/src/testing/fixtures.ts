/** A small interchange document used by the integration tests: one province, every rule row. */
export function smallProvince(): any {
  return {
    format: 'tiaokuai/v1',
    units: [
      { code: 'ZY', name: '中共中央', kind: 'LOCAL_PARTY_COMMITTEE', level: 'CENTRAL', region: '100000', validFrom: '1949-10-01', validTo: null },
      { code: 'SZ-DW', name: '国家税务总局党委', kind: 'DEPARTMENT_PARTY_GROUP', level: 'CENTRAL', region: '100000', validFrom: '2000-01-01', validTo: null },
      { code: 'JS-SW', name: '江苏省委', kind: 'LOCAL_PARTY_COMMITTEE', level: 'PROVINCIAL', region: '320000', validFrom: '2000-01-01', validTo: null },
      { code: 'JS-JGGW', name: '江苏省级机关工委', kind: 'WORK_COMMITTEE', level: 'PROVINCIAL', region: '320000', validFrom: '2000-01-01', validTo: null },
      { code: 'JS-YJT-DZ', name: '江苏省应急管理厅党组', kind: 'DEPARTMENT_PARTY_GROUP', level: 'PROVINCIAL', region: '320000', validFrom: '2018-10-01', validTo: null, locality: 'JS-JGGW' },
      { code: 'JS-YJT-JGDW', name: '江苏省应急管理厅机关党委', kind: 'ORGAN_PARTY_COMMITTEE', level: 'PROVINCIAL', region: '320000', validFrom: '2018-10-01', validTo: null, locality: 'JS-JGGW', competentDepartment: 'JS-YJT-DZ' },
      { code: 'JS-YJT-ZB1', name: '江苏省应急管理厅办公室党支部', kind: 'BRANCH', level: 'PROVINCIAL', region: '320000', validFrom: '2018-10-01', validTo: null },
      { code: 'SZ-SWJ', name: '国家税务总局苏州市税务局', kind: 'GRASSROOTS_UNIT', level: 'MUNICIPAL', region: '320500', validFrom: '2000-01-01', validTo: null,
        partyRelationMode: 'TERRITORIAL', businessMode: 'VERTICAL', competentDepartment: 'SZ-DW', locality: 'JS-JGGW',
        versions: [
          { validFrom: '2000-01-01', validTo: '2018-06-14', partyRelationMode: 'TERRITORIAL', businessMode: 'TERRITORIAL', locality: 'JS-JGGW' },
          { validFrom: '2018-06-15', validTo: null, partyRelationMode: 'TERRITORIAL', businessMode: 'VERTICAL', competentDepartment: 'SZ-DW', locality: 'JS-JGGW' },
        ] },
    ],
    links: [
      { from: 'ZY', to: 'JS-SW', kind: 'AFFILIATION', validFrom: '2000-01-01', validTo: null },
      { from: 'ZY', to: 'SZ-DW', kind: 'AFFILIATION', validFrom: '2000-01-01', validTo: null },
      { from: 'JS-SW', to: 'JS-JGGW', kind: 'AFFILIATION', validFrom: '2000-01-01', validTo: null },
      { from: 'JS-SW', to: 'JS-YJT-DZ', kind: 'AFFILIATION', validFrom: '2018-10-01', validTo: null },
      { from: 'JS-JGGW', to: 'JS-YJT-JGDW', kind: 'AFFILIATION', validFrom: '2018-10-01', validTo: null },
      { from: 'JS-JGGW', to: 'JS-YJT-JGDW', kind: 'LEADERSHIP', flavour: 'UNIFIED', validFrom: '2018-10-01', validTo: null },
      { from: 'JS-YJT-DZ', to: 'JS-YJT-JGDW', kind: 'GUIDANCE', validFrom: '2018-10-01', validTo: '2019-11-28', basis: '2010年条例' },
      { from: 'JS-YJT-DZ', to: 'JS-YJT-JGDW', kind: 'LEADERSHIP', flavour: 'SPECIFIC', validFrom: '2019-11-29', validTo: null, basis: '2019年条例第33条' },
      { from: 'JS-YJT-JGDW', to: 'JS-YJT-ZB1', kind: 'AFFILIATION', validFrom: '2018-10-01', validTo: null },
      { from: 'JS-JGGW', to: 'SZ-SWJ', kind: 'AFFILIATION', validFrom: '2000-01-01', validTo: null },
      { from: 'SZ-DW', to: 'SZ-SWJ', kind: 'BUSINESS', validFrom: '2018-06-15', validTo: null },
    ],
  };
}
