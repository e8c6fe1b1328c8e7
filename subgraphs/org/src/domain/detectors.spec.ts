import { province, World } from './fixture';
import { findCycles } from './detectors';

/** A territorial/vertical grassroots unit, correctly declared: the clean baseline. */
function clean(): World {
  return province()
    .unit('U', 'GRASSROOTS_UNIT')
    .fact('U', { party: 'TERRITORIAL', business: 'VERTICAL', dept: 'DEPT', locality: 'GW' })
    .link('GW', 'U', 'AFFILIATION')
    .link('GW', 'U', 'LEADERSHIP')
    .link('DEPT', 'U', 'GUIDANCE')
    .link('DEPT', 'U', 'BUSINESS');
}

describe('anomaly detectors', () => {
  it('a correctly declared unit has no anomaly', () => {
    expect(clean().evaluate('U', '2024-01-01').codes).toEqual([]);
  });

  it('DUPLICATE_LEADER: both sides declared as leader (都管), the wrong one also a RULE_MISMATCH', () => {
    const r = clean().link('DEPT', 'U', 'LEADERSHIP').evaluate('U', '2024-01-01');
    expect(r.codes).toEqual(['DUPLICATE_LEADER', 'RULE_MISMATCH']);
    const dup = r.findings.find((f) => f.code === 'DUPLICATE_LEADER')!;
    expect(dup.relatedUnitIds.sort()).toEqual(['DEPT', 'GW']);
    const mismatch = r.findings.find((f) => f.code === 'RULE_MISMATCH')!;
    expect(mismatch.relatedUnitIds).toEqual(['DEPT']);
    expect(mismatch.message).toContain('只应指导');
  });

  it("DUPLICATE_LEADER: not for the organ party committee's two legitimate leaders", () => {
    const w = province()
      .unit('OPC', 'ORGAN_PARTY_COMMITTEE')
      .fact('OPC', { locality: 'GW', dept: 'TING' })
      .link('GW', 'OPC', 'AFFILIATION')
      .link('GW', 'OPC', 'LEADERSHIP', { flavour: 'UNIFIED' })
      .link('TING', 'OPC', 'LEADERSHIP', { flavour: 'SPECIFIC', from: '2019-11-29' });
    expect(w.evaluate('OPC', '2024-01-01').codes).toEqual([]);
    // ...but a third claimant is one too many.
    expect(w.link('SW', 'OPC', 'LEADERSHIP').evaluate('OPC', '2024-01-01').codes).toEqual([
      'DUPLICATE_LEADER',
      'RULE_MISMATCH',
    ]);
  });

  it('RULE_MISMATCH: wrong flavour of leadership', () => {
    const w = province()
      .unit('OPC', 'ORGAN_PARTY_COMMITTEE')
      .fact('OPC', { locality: 'GW', dept: 'TING' })
      .link('GW', 'OPC', 'AFFILIATION')
      .link('GW', 'OPC', 'LEADERSHIP', { flavour: 'SPECIFIC' });
    const r = w.evaluate('OPC', '2024-01-01');
    expect(r.codes).toEqual(['RULE_MISMATCH']);
    expect(r.findings[0].message).toContain('统一领导');
  });

  it('RULE_MISMATCH: guidance declared where the rule says leadership', () => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT')
      .fact('U', { party: 'VERTICAL', business: 'VERTICAL', dept: 'DEPT', locality: 'GW' })
      .link('DEPT', 'U', 'AFFILIATION')
      .link('DEPT', 'U', 'GUIDANCE');
    expect(w.evaluate('U', '2024-01-01').codes).toEqual(['RULE_MISMATCH']);
  });

  it('extra guides are allowed (any number of guides)', () => {
    expect(clean().link('SW', 'U', 'GUIDANCE').evaluate('U', '2024-01-01').codes).toEqual([]);
  });

  describe("OUTDATED_LINK: the party group's guidance of its organ party committee after 2019-11-29", () => {
    const base = () =>
      province()
        .unit('OPC', 'ORGAN_PARTY_COMMITTEE')
        .fact('OPC', { locality: 'GW', dept: 'TING' })
        .link('GW', 'OPC', 'AFFILIATION');
    it('a guidance link ended on 2019-11-28 is history, not an anomaly', () => {
      const w = base()
        .link('TING', 'OPC', 'GUIDANCE', { to: '2019-11-28' })
        .link('TING', 'OPC', 'LEADERSHIP', { from: '2019-11-29', flavour: 'SPECIFIC' });
      expect(w.evaluate('OPC', '2019-11-28').codes).toEqual([]);
      expect(w.evaluate('OPC', '2019-11-29').codes).toEqual([]);
    });
    it.each([
      ['2019-11-28', []],
      ['2019-11-29', ['OUTDATED_LINK']],
      ['2026-01-01', ['OUTDATED_LINK']],
    ])('a guidance link never ended, on %s: %j', (day, codes) => {
      expect(base().link('TING', 'OPC', 'GUIDANCE').evaluate('OPC', day).codes).toEqual(codes);
    });
  });

  it('OUTDATED_LINK: a link still in force from a dissolved unit', () => {
    const w = clean().unit('OLD', 'DEPARTMENT_PARTY_GROUP', { to: '2018-03-20' }).link('OLD', 'U', 'GUIDANCE');
    expect(w.evaluate('U', '2018-03-20').codes).toEqual([]);
    const r = w.evaluate('U', '2018-03-21');
    expect(r.codes).toEqual(['OUTDATED_LINK']);
    expect(r.findings[0].message).toContain('OLD');
  });

  it('UNDEFINED_RULE and MISSING_LEADER for a vertical/territorial unit with nothing declared', () => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT')
      .fact('U', { party: 'VERTICAL', business: 'TERRITORIAL', dept: 'DEPT', locality: 'GW' })
      .link('DEPT', 'U', 'AFFILIATION');
    expect(w.evaluate('U', '2024-01-01').codes).toEqual(['UNDEFINED_RULE']);
  });

  it('MISSING_AFFILIATION and MISSING_LEADER for a branch with no parent', () => {
    const w = province().unit('B', 'BRANCH');
    expect(w.evaluate('B', '2024-01-01').codes).toEqual(['MISSING_AFFILIATION', 'MISSING_LEADER']);
  });

  it('MISSING_AFFILIATION only, for a grassroots unit whose leader comes from its facts', () => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT')
      .fact('U', { party: 'TERRITORIAL', business: 'TERRITORIAL', locality: 'GW' });
    expect(w.evaluate('U', '2024-01-01').codes).toEqual(['MISSING_AFFILIATION']);
  });

  it('MULTIPLE_AFFILIATION and DUPLICATE_LEADER for a branch with two parents', () => {
    const w = province()
      .unit('B', 'BRANCH')
      .link('GW', 'B', 'AFFILIATION')
      .link('TING', 'B', 'AFFILIATION', { from: '2020-01-01' });
    expect(w.evaluate('B', '2019-12-31').codes).toEqual([]);
    expect(w.evaluate('B', '2020-01-01').codes).toEqual(['DUPLICATE_LEADER', 'MULTIPLE_AFFILIATION']);
  });

  describe('a gap in time between two affiliations (转隶空档) is a fault only on its own days', () => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT')
      .fact('U', { party: 'TERRITORIAL', business: 'TERRITORIAL', locality: 'GW' })
      .link('SW', 'U', 'AFFILIATION', { to: '2018-03-31' })
      .link('GW', 'U', 'AFFILIATION', { from: '2018-05-01' });
    it.each([
      ['2018-03-31', []],
      ['2018-04-01', ['MISSING_AFFILIATION']],
      ['2018-04-30', ['MISSING_AFFILIATION']],
      // Closed before the day asked about: not that day's fault (anomaly-periods.spec.ts has it).
      ['2018-05-01', []],
      ['2019-01-01', []],
    ])('on %s: %j', (day, codes) => {
      expect(w.evaluate('U', day).codes).toEqual(codes);
    });
  });

  it.each([
    ['2017-12-31', []],
    ['2018-01-15', ['MISSING_LEADER']],
    ['2018-02-01', []],
    ['2024-01-01', []],
  ])('a period without facts: on %s %j', (day, codes) => {
    const w = province()
      .unit('U', 'GRASSROOTS_UNIT')
      .fact('U', { to: '2017-12-31', party: 'TERRITORIAL', business: 'TERRITORIAL', locality: 'GW' })
      .fact('U', { from: '2018-02-01', party: 'TERRITORIAL', business: 'TERRITORIAL', locality: 'GW' })
      .link('GW', 'U', 'AFFILIATION');
    expect(w.evaluate('U', day).codes).toEqual(codes);
  });

  it('CYCLE: two units above each other', () => {
    const w = province()
      .unit('A', 'GENERAL_BRANCH')
      .unit('B', 'GENERAL_BRANCH')
      .link('GW', 'A', 'AFFILIATION')
      .link('A', 'B', 'AFFILIATION')
      .link('B', 'A', 'LEADERSHIP');
    const a = w.evaluate('A', '2024-01-01');
    expect(a.codes).toContain('CYCLE');
    expect(w.evaluate('B', '2024-01-01').codes).toContain('CYCLE');
    expect(w.evaluate('GW', '2024-01-01').codes).toEqual([]);
    expect(a.findings.find((f) => f.code === 'CYCLE')!.relatedUnitIds).toEqual(['B']);
  });
});

describe('timeline helpers', () => {
  it('findCycles finds self loops and larger cycles, not trees', () => {
    expect(
      findCycles([
        { superiorId: 'a', subordinateId: 'b' },
        { superiorId: 'a', subordinateId: 'c' },
      ]),
    ).toEqual([]);
    expect(findCycles([{ superiorId: 'a', subordinateId: 'a' }])).toEqual([['a']]);
    const c = findCycles([
      { superiorId: 'a', subordinateId: 'b' },
      { superiorId: 'b', subordinateId: 'c' },
      { superiorId: 'c', subordinateId: 'a' },
      { superiorId: 'c', subordinateId: 'd' },
    ]);
    expect(c.map((s) => s.sort())).toEqual([['a', 'b', 'c']]);
  });
});
