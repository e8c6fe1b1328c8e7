import { compareKeys } from '@tiaokuai/platform';
import type { HistoryEntry } from './history';
import { anomalyKey, countsBy, historyKey, paddedId } from './list-keys';
import type { Finding } from './types';

const codes: Record<string, string> = { 1: 'SC', 2: 'SC-JGGW', 3: 'SC-A', 10: 'B', 9: 'A' };
const codeOf = (id: string) => codes[id];
const finding = (f: Partial<Finding>): Finding => ({
  code: 'MISSING_LEADER',
  unitId: '1',
  message: 'x',
  relatedUnitIds: [],
  linkIds: [],
  from: null,
  to: null,
  ...f,
});
const sorted = (keys: string[]) => [...keys].sort(compareKeys);

describe('anomalyKey', () => {
  it('orders by unit code (a code before its longer siblings), then anomaly code, then period', () => {
    const keys = [
      anomalyKey(finding({ unitId: '2', code: 'CYCLE' }), codeOf),
      anomalyKey(finding({ unitId: '1', code: 'RULE_MISMATCH' }), codeOf),
      anomalyKey(finding({ unitId: '1', code: 'MISSING_LEADER', from: '2020-01-01' }), codeOf),
      anomalyKey(finding({ unitId: '1', code: 'MISSING_LEADER', from: '2018-10-09' }), codeOf),
      anomalyKey(finding({ unitId: '3', code: 'CYCLE' }), codeOf),
    ];
    expect(sorted(keys).map((k) => k.split(' ').slice(0, 3).join(' '))).toEqual([
      'SC MISSING_LEADER 2018-10-09',
      'SC MISSING_LEADER 2020-01-01',
      'SC RULE_MISMATCH ',
      'SC-A CYCLE ',
      'SC-JGGW CYCLE ',
    ]);
  });

  it('names the units and links involved, whatever order the detector listed them in', () => {
    const a = anomalyKey(
      finding({ code: 'DUPLICATE_LEADER', relatedUnitIds: ['10', '9'], linkIds: ['12', '3'] }),
      codeOf,
    );
    const b = anomalyKey(
      finding({ code: 'DUPLICATE_LEADER', relatedUnitIds: ['9', '10'], linkIds: ['3', '12'] }),
      codeOf,
    );
    expect(a).toBe(b);
    expect(a).not.toBe(
      anomalyKey(finding({ code: 'DUPLICATE_LEADER', relatedUnitIds: ['9', '11'], linkIds: ['3', '12'] }), codeOf),
    );
  });
});

describe('historyKey', () => {
  const ev = (
    date: string,
    kind: HistoryEntry['kind'],
    linkId?: string,
    anomaly: Finding | null = null,
  ): HistoryEntry => ({
    date,
    kind,
    description: '',
    changed: [],
    facts: null,
    anomaly,
    link: linkId
      ? {
          id: linkId,
          fromId: '1',
          toId: '2',
          kind: 'AFFILIATION',
          flavour: null,
          validFrom: date,
          validTo: null,
          basis: null,
        }
      : null,
  });

  it('orders by date, then start, facts, links starting, links ending, end, then link id as a number', () => {
    const events = [
      ev('2020-01-01', 'UNIT_ENDED'),
      ev('2020-01-01', 'LINK_ENDED', '2'),
      ev('2020-01-01', 'LINK_STARTED', '10'),
      ev('2020-01-01', 'LINK_STARTED', '9'),
      ev('2020-01-01', 'FACTS_CHANGED'),
      ev('2019-12-31', 'LINK_ENDED', '1'),
      ev('2020-01-01', 'UNIT_STARTED'),
    ];
    const order = [...events]
      .sort((a, b) => compareKeys(historyKey(a), historyKey(b)))
      .map((e) => `${e.date} ${e.kind} ${e.link?.id ?? ''}`.trim());
    expect(order).toEqual([
      '2019-12-31 LINK_ENDED 1',
      '2020-01-01 UNIT_STARTED',
      '2020-01-01 FACTS_CHANGED',
      '2020-01-01 LINK_STARTED 9',
      '2020-01-01 LINK_STARTED 10',
      '2020-01-01 LINK_ENDED 2',
      '2020-01-01 UNIT_ENDED',
    ]);
  });

  it("places an anomaly's start after the links starting that day, its end after the links ending, and tells two anomalies apart", () => {
    const gap = finding({ code: 'MISSING_AFFILIATION', from: '2020-01-01', to: '2020-01-01' });
    const other = finding({ code: 'MISSING_LEADER', from: '2020-01-01', to: '2020-01-01' });
    const events = [
      ev('2020-01-01', 'UNIT_ENDED'),
      ev('2020-01-01', 'ANOMALY_ENDED', undefined, other),
      ev('2020-01-01', 'ANOMALY_ENDED', undefined, gap),
      ev('2020-01-01', 'LINK_ENDED', '2'),
      ev('2020-01-01', 'ANOMALY_STARTED', undefined, gap),
      ev('2020-01-01', 'LINK_STARTED', '3'),
    ];
    const order = [...events]
      .sort((a, b) => compareKeys(historyKey(a), historyKey(b)))
      .map((e) => `${e.kind} ${e.link?.id ?? e.anomaly?.code ?? ''}`.trim());
    expect(order).toEqual([
      'LINK_STARTED 3',
      'ANOMALY_STARTED MISSING_AFFILIATION',
      'LINK_ENDED 2',
      'ANOMALY_ENDED MISSING_AFFILIATION',
      'ANOMALY_ENDED MISSING_LEADER',
      'UNIT_ENDED',
    ]);
    expect(new Set(events.map(historyKey)).size).toBe(events.length);
  });
});

describe('paddedId and countsBy', () => {
  it('pads ids so that text order is numeric order', () => {
    expect(sorted(['10', '9', '100'].map(paddedId))).toEqual(['0000000009', '0000000010', '0000000100']);
  });

  it('counts per value in the given order, leaving out values absent from the list', () => {
    expect(countsBy(['b', 'a', 'b', 'd'], (x) => x, ['a', 'b', 'c', 'd'])).toEqual([
      { value: 'a', count: 1 },
      { value: 'b', count: 2 },
      { value: 'd', count: 1 },
    ]);
    expect(countsBy([], (x: string) => x, ['a'])).toEqual([]);
  });
});
