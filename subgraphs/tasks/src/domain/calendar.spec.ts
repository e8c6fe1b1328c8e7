import ICAL from 'ical.js';
import { calendarEntries, type CalendarTask } from './calendar';
import { escapeText, fold, renderIcs } from './ical';
import type { RequiredItem, TaskFinding } from './types';

const task = (over: Partial<CalendarTask>): CalendarTask => ({
  assignmentId: '1',
  taskId: '10',
  issuerId: '100',
  title: '开展党史学习教育',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  status: 'ASSIGNED',
  authority: 'BINDING',
  requiredItemId: null,
  deliverable: null,
  ...over,
});
const items: RequiredItem[] = [
  { id: 'SHYK', code: 'SHYK', name: '三会一课', kinds: ['BRANCH'], frequency: 'QUARTERLY' },
  { id: 'ZZSHH', code: 'ZZSHH', name: '组织生活会', kinds: ['BRANCH'], frequency: 'YEARLY' },
  { id: 'DWGZ', code: 'DWGZ', name: '机关党委工作报告', kinds: ['ORGAN_PARTY_COMMITTEE'], frequency: 'YEARLY' },
];
const missing = (code: string, from: string, to: string): TaskFinding => ({
  kind: 'MISSING',
  unitId: 'u1',
  assignmentIds: [],
  taskIds: [],
  issuerIds: [],
  requiredItemId: code,
  from,
  to,
  message: '',
  suggestion: '',
});

describe('calendarEntries (行事历)', () => {
  const entries = calendarEntries({
    unitId: 'u1',
    unitKind: 'BRANCH',
    year: 2026,
    tasks: [
      task({}),
      task({ assignmentId: '2', title: '上年度总结', startsOn: '2025-10-01', dueOn: '2026-01-15' }),
      task({ assignmentId: '3', title: '明年的事', startsOn: '2027-01-01', dueOn: '2027-03-01' }),
    ],
    items,
    missing: [missing('SHYK', '2026-04-01', '2026-06-30'), missing('SHYK', '2025-04-01', '2025-06-30')],
    existed: [{ from: '2000-01-01', to: '2099-12-31' }],
  });

  test("tasks touching the year, and each required item of the unit's kind per period, by due date", () => {
    expect(entries.map((e) => [e.kind, e.title, e.dueOn])).toEqual([
      ['TASK', '上年度总结', '2026-01-15'],
      ['REQUIRED_ITEM', '三会一课（2026年第一季度）', '2026-03-31'],
      ['TASK', '开展党史学习教育', '2026-06-30'],
      ['REQUIRED_ITEM', '三会一课（2026年第二季度）', '2026-06-30'],
      ['REQUIRED_ITEM', '三会一课（2026年第三季度）', '2026-09-30'],
      ['REQUIRED_ITEM', '组织生活会（2026年度）', '2026-12-31'], // same due day: the earlier start first
      ['REQUIRED_ITEM', '三会一课（2026年第四季度）', '2026-12-31'],
    ]);
  });

  test('a period with a MISSING finding is not covered; the others are', () => {
    const shyk = entries.filter((e) => e.requiredItemId === 'SHYK');
    expect(shyk.map((e) => e.covered)).toEqual([true, false, true, true]);
    expect(entries.filter((e) => e.kind === 'TASK').every((e) => e.covered === null)).toBe(true);
  });

  test('a unit founded on 2026-07-01 is not asked for the first half-year', () => {
    const founded = calendarEntries({
      unitId: 'u1',
      unitKind: 'BRANCH',
      year: 2026,
      tasks: [],
      items: items.slice(0, 1),
      missing: [],
      existed: [{ from: '2026-07-01', to: '2099-12-31' }],
    });
    expect(founded.map((e) => e.title)).toEqual(['三会一课（2026年第三季度）', '三会一课（2026年第四季度）']);
  });

  test('UIDs are stable and distinct', () => {
    expect(new Set(entries.map((e) => e.uid)).size).toBe(entries.length);
    expect(entries[1].uid).toBe('required-SHYK-2026-01-01-unit-u1');
  });
});

describe('renderIcs (RFC 5545)', () => {
  const entries = calendarEntries({
    unitId: 'u1',
    unitKind: 'BRANCH',
    year: 2026,
    tasks: [task({ title: '学习贯彻党的二十届四中全会精神，开展专题研讨；形成报告' })],
    items: items.slice(0, 1),
    missing: [],
    existed: [{ from: '2000-01-01', to: '2099-12-31' }],
  });
  const text = renderIcs({
    name: '某支部 2026 行事历',
    uidDomain: 'hub.example',
    stamp: new Date('2026-11-23T08:00:00Z'),
    events: entries.map((e) => ({
      entry: e,
      summary: e.title,
      description: `${e.startsOn} 至 ${e.dueOn}\n下达单位：省直机关工委，党组`,
    })),
  });

  test('parses with ical.js into the same events, text unescaped and unfolded', () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('某支部 2026 行事历');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(entries.length);
    const first = events.find((e) => e.uid === 'assignment-1@hub.example')!;
    expect(first.summary).toBe('学习贯彻党的二十届四中全会精神，开展专题研讨；形成报告');
    expect(first.description).toBe('2026-03-01 至 2026-06-30\n下达单位：省直机关工委，党组');
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe('2026-06-30');
    expect(first.endDate.toString()).toBe('2026-07-01');
  });

  test('every line is at most 75 octets and ends in CRLF', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long Chinese summary was folded
  });

  test.each([
    ['a;b,c\\d', 'a\\;b\\,c\\\\d'],
    ['两行\n文字', '两行\\n文字'],
    ['响\u0007铃\u0000', '响 铃 '],
  ])('escapes %j', (raw, escaped) => expect(escapeText(raw)).toBe(escaped));

  test('folding never splits a multi-byte character', () => {
    const folded = fold(`SUMMARY:${'党'.repeat(60)}`);
    for (const part of folded.split('\r\n')) expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'党'.repeat(60)}`);
  });
});
