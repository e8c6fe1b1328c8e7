import { province } from './fixture';
import type { ManagementMode } from './types';

describe('grassroots units: the 条块 table (DOMAIN.md, resolution rules)', () => {
  const cases: Array<[ManagementMode, ManagementMode, string, string[], string[]]> = [
    // party relations, business, rule, leaders, guides
    ['TERRITORIAL', 'VERTICAL', 'GRASSROOTS_TERRITORIAL_VERTICAL', ['GW'], ['DEPT']],
    ['VERTICAL', 'VERTICAL', 'GRASSROOTS_VERTICAL_VERTICAL', ['DEPT'], ['GW']],
    ['TERRITORIAL', 'TERRITORIAL', 'GRASSROOTS_TERRITORIAL_TERRITORIAL', ['GW'], []],
    ['VERTICAL', 'TERRITORIAL', 'GRASSROOTS_VERTICAL_TERRITORIAL_UNDEFINED', [], []],
  ];
  it.each(cases)('party %s, business %s → %s', (party, business, rule, leaders, guides) => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT')
      .fact('U', { party, business, dept: 'DEPT', locality: 'GW' })
      .link(party === 'VERTICAL' ? 'DEPT' : 'GW', 'U', 'AFFILIATION');
    const r = w.evaluate('U', '2024-01-01');
    expect(r.rule).toBe(rule);
    expect(r.leaders).toEqual(leaders);
    expect(r.guides).toEqual(guides);
    expect(r.outcome.explanation).toContain('U');
    expect(r.outcome.explanation).toContain('2024-01-01');
  });

  it('names the facts it used in the explanation', () => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT', { name: '四川省地震局' })
      .fact('U', { party: 'VERTICAL', business: 'VERTICAL', dept: 'DEPT', locality: 'GW', from: '2018-03-21' })
      .link('DEPT', 'U', 'AFFILIATION');
    const text = w.evaluate('U', '2024-01-01').outcome.explanation;
    expect(text).toContain('四川省地震局');
    expect(text).toContain('党组织关系垂直管理、业务垂直管理');
    expect(text).toContain('2018-03-21');
    expect(text).toContain('competentDepartment=DEPT（DEPT）');
  });

  it('leaves the leader empty when a needed fact is missing, instead of guessing', () => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT')
      .fact('U', { party: 'VERTICAL', business: 'VERTICAL', locality: 'GW' })
      .link('GW', 'U', 'AFFILIATION');
    const r = w.evaluate('U', '2024-01-01');
    expect(r.leaders).toEqual([]);
    expect(r.guides).toEqual(['GW']);
    expect(r.codes).toEqual(['MISSING_LEADER']);
  });

  it('answers from the declared links where the rule is undefined', () => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT')
      .fact('U', { party: 'VERTICAL', business: 'TERRITORIAL', dept: 'DEPT', locality: 'GW' })
      .link('DEPT', 'U', 'AFFILIATION')
      .link('DEPT', 'U', 'LEADERSHIP', { basis: '某某〔2020〕1号' });
    const r = w.evaluate('U', '2024-01-01');
    expect(r.leaders).toEqual(['DEPT']);
    expect(r.codes).toEqual(['UNDEFINED_RULE']);
    expect(r.findings[0].message).toContain('某某〔2020〕1号');
  });

  describe('a change of facts (a transfer): the day before, of and after', () => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT')
      .fact('U', { to: '2018-06-14', party: 'TERRITORIAL', business: 'TERRITORIAL', locality: 'GW' })
      .fact('U', { from: '2018-06-15', party: 'VERTICAL', business: 'VERTICAL', dept: 'DEPT', locality: 'GW' })
      .link('GW', 'U', 'AFFILIATION', { to: '2018-06-14' })
      .link('DEPT', 'U', 'AFFILIATION', { from: '2018-06-15' });
    it.each([
      ['2018-06-13', 'GRASSROOTS_TERRITORIAL_TERRITORIAL', ['GW']],
      ['2018-06-14', 'GRASSROOTS_TERRITORIAL_TERRITORIAL', ['GW']],
      ['2018-06-15', 'GRASSROOTS_VERTICAL_VERTICAL', ['DEPT']],
      ['2018-06-16', 'GRASSROOTS_VERTICAL_VERTICAL', ['DEPT']],
    ])('on %s the rule is %s', (day, rule, leaders) => {
      const r = w.evaluate('U', day);
      expect(r.rule).toBe(rule);
      expect(r.leaders).toEqual(leaders);
      expect(r.codes).toEqual([]);
    });
  });
});

describe('rules by kind of unit (DOMAIN.md)', () => {
  it('a work committee is led by its local party committee', () => {
    const r = province().evaluate('GW', '2024-01-01');
    expect(r.rule).toBe('WORK_COMMITTEE_BY_AFFILIATION');
    expect(r.leaders).toEqual(['SW']);
    expect(r.guides).toEqual([]);
  });

  it('a department party group is led by the committee that set it up and guided by the work committee', () => {
    const r = province().evaluate('TING', '2024-01-01');
    expect(r.rule).toBe('DEPARTMENT_PARTY_GROUP');
    expect(r.leaders).toEqual(['SW']);
    expect(r.guides).toEqual(['GW']);
  });

  it('a branch and a general branch are led by their parent organisation', () => {
    const w = province()
      .unit('OPC', 'ORGAN_PARTY_COMMITTEE')
      .fact('OPC', { locality: 'GW', dept: 'TING' })
      .link('GW', 'OPC', 'AFFILIATION')
      .unit('ZZ', 'GENERAL_BRANCH')
      .link('OPC', 'ZZ', 'AFFILIATION')
      .unit('B', 'BRANCH')
      .link('ZZ', 'B', 'AFFILIATION');
    expect(w.evaluate('ZZ', '2024-01-01').leaders).toEqual(['OPC']);
    expect(w.evaluate('B', '2024-01-01')).toMatchObject({ rule: 'BRANCH_BY_AFFILIATION', leaders: ['ZZ'], codes: [] });
  });

  it('the central committee is the root: no leader and no anomaly', () => {
    expect(province().evaluate('ZY', '2024-01-01')).toMatchObject({
      rule: 'LOCAL_PARTY_COMMITTEE_ROOT',
      leaders: [],
      codes: [],
    });
  });

  it('a provincial committee is led by the committee above it', () => {
    expect(province().evaluate('SW', '2024-01-01')).toMatchObject({
      rule: 'LOCAL_PARTY_COMMITTEE_BY_AFFILIATION',
      leaders: ['ZY'],
    });
  });

  describe('the organ party committee and the 2019-11-29 change from guidance to leadership', () => {
    const w = province()
      .unit('OPC', 'ORGAN_PARTY_COMMITTEE')
      .fact('OPC', { locality: 'GW', dept: 'TING' })
      .link('GW', 'OPC', 'AFFILIATION');
    it.each([
      ['2019-11-27', 'ORGAN_PARTY_COMMITTEE_2010', ['GW'], ['TING']],
      ['2019-11-28', 'ORGAN_PARTY_COMMITTEE_2010', ['GW'], ['TING']],
      ['2019-11-29', 'ORGAN_PARTY_COMMITTEE_DUAL_2019', ['GW', 'TING'], []],
      ['2019-11-30', 'ORGAN_PARTY_COMMITTEE_DUAL_2019', ['GW', 'TING'], []],
    ])('on %s: %s', (day, rule, leaders, guides) => {
      const r = w.evaluate('OPC', day);
      expect(r.rule).toBe(rule);
      expect(r.leaders).toEqual(leaders);
      expect(r.guides).toEqual(guides);
      expect(r.codes).toEqual([]);
    });
    it('gives the work committee UNIFIED and the party group SPECIFIC leadership', () => {
      const roles = w.evaluate('OPC', '2024-01-01').outcome.leaders;
      expect(roles).toEqual([
        { unitId: 'GW', flavour: 'UNIFIED', basis: 'LOCALITY' },
        { unitId: 'TING', flavour: 'SPECIFIC', basis: 'COMPETENT_DEPARTMENT' },
      ]);
    });
  });

  describe('a unit outside its own existence interval (inclusive ends)', () => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT', { from: '2018-03-21', to: '2023-12-31' })
      .fact('U', {
        from: '2018-03-21',
        to: '2023-12-31',
        party: 'TERRITORIAL',
        business: 'TERRITORIAL',
        locality: 'GW',
      })
      .link('GW', 'U', 'AFFILIATION', { from: '2018-03-21', to: '2023-12-31' });
    it.each([
      ['2018-03-20', 'NOT_IN_EXISTENCE'],
      ['2018-03-21', 'GRASSROOTS_TERRITORIAL_TERRITORIAL'],
      ['2023-12-31', 'GRASSROOTS_TERRITORIAL_TERRITORIAL'],
      ['2024-01-01', 'NOT_IN_EXISTENCE'],
    ])('on %s: %s', (day, rule) => {
      const r = w.evaluate('U', day);
      expect(r.rule).toBe(rule);
      expect(r.codes).toEqual([]);
    });
  });
});
