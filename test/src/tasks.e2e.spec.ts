/**
 * Tasks through the gateway (DOMAIN.md "Tasks (任务)"): authority is org's answer, reached through federation and
 * org's API, never a copy. The acceptance test of the issue: change a unit's partyRelationMode
 * through the org API, and the next query through the gateway shows its assignment's authority
 * flipped.
 */
import ICAL from 'ical.js';
import { UNITS } from './fixtures';
import { startTestHub, type TestHub } from './hub';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

const AUTHORITY = `query { unit(by: { code: "SC-DZJ" }) { name partyBuilding(asOf: "2026-04-01") { leaders { code } }
  assignments(from: "2026-01-01", to: "2026-12-31") { nodes { authority(asOf: "2026-04-01") task { title issuer { code name } } } } } }`;

describe('tasks through the gateway', () => {
  it('issues a task, and its authority follows a change of partyRelationMode made through the org API', async () => {
    const imported = await t.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok tasks { created } } }`, {
      d: UNITS,
    });
    expect(imported.data?.importUnits).toEqual({ ok: true, tasks: { created: 0 } });
    const issued =
      await t.gql(`mutation { issueTask(input: { issuer: "SC-JGGW", key: "DSXX", title: "开展党史学习教育", category: IDEOLOGICAL,
      priority: KEY, startsOn: "2026-03-01", dueOn: "2026-06-30", targets: ["SC-DZJ"] }) { id assignments { nodes { unit { code name } authority(asOf: "2026-04-01") } } } }`);
    expect(issued.errors).toBeUndefined();
    expect(issued.data!.issueTask.assignments.nodes).toEqual([
      { unit: { code: 'SC-DZJ', name: '四川省地震局' }, authority: 'ADVISORY' },
    ]);

    const before = await t.gql(AUTHORITY);
    expect(before.data!.unit).toMatchObject({
      partyBuilding: { leaders: [{ code: 'DZJ-DZ' }] },
      assignments: {
        nodes: [{ authority: 'ADVISORY', task: { issuer: { code: 'SC-JGGW', name: '四川省直机关工委' } } }],
      },
    });

    const changed =
      await t.gql(`mutation { changeUnitFacts(input: { unit: "SC-DZJ", validFrom: "2026-01-01", partyRelationMode: TERRITORIAL,
      businessMode: VERTICAL, competentDepartment: "DZJ-DZ", locality: "SC-JGGW" }) { code } }`);
    expect(changed.errors).toBeUndefined();
    const after = await t.gql(AUTHORITY);
    expect(after.data!.unit).toMatchObject({
      partyBuilding: { leaders: [{ code: 'SC-JGGW' }] },
      assignments: { nodes: [{ authority: 'BINDING' }] },
    });
  });

  it('finds an overreach and names the unit through the org subgraph; a target out of reach is FORBIDDEN', async () => {
    const refused =
      await t.gql(`mutation { issueTask(input: { issuer: "DZJ-DZ", title: "x", category: OTHER, priority: ROUTINE,
      startsOn: "2026-03-01", dueOn: "2026-03-31", targets: ["SC-JGGW"] }) { id } }`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', units: ['SC-JGGW'] });
    await t.gql(`mutation { changeUnitFacts(input: { unit: "SC-DZJ", validFrom: "2026-02-01", partyRelationMode: VERTICAL,
      businessMode: VERTICAL, competentDepartment: "DZJ-DZ", locality: "SC-JGGW" }) { code } }`);
    const found = await t.gql(
      `{ taskConflicts(scope: "SC-JGGW", from: "2026-01-01", to: "2026-12-31") { totalCount summary { total byKind { kind count } } nodes { kind unit { code name } tasks { title } issuers { code } message } } }`,
    );
    expect(found.errors).toBeUndefined();
    expect(found.data!.taskConflicts.summary.byKind.filter((k: any) => k.count > 0)).toEqual([
      { kind: 'OVERREACH', count: 1 },
    ]);
    expect(found.data!.taskConflicts.nodes).toEqual([
      expect.objectContaining({
        kind: 'OVERREACH',
        unit: { code: 'SC-DZJ', name: '四川省地震局' },
        tasks: [{ title: '开展党史学习教育' }],
        issuers: [{ code: 'SC-JGGW' }],
      }),
    ]);
  });

  it("serves a unit's work calendar as an iCalendar feed that a calendar library reads, with the token in the URL", async () => {
    const base = t.url.replace(/\/graphql$/, '');
    const viewer = await t.hub.token({ body: 'SC-JGGW', role: 'VIEWER' });
    const res = await fetch(`${base}/calendar/SC-DZJ/2026.ics?token=${encodeURIComponent(viewer)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('四川省地震局 2026年行事历');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString()])).toEqual([
      ['开展党史学习教育（截止）', '2026-06-30'],
    ]);
    expect(events[0].description).toContain('下达单位：四川省直机关工委');

    expect((await fetch(`${base}/calendar/SC-DZJ/2026.ics`)).status).toBe(401);
    expect((await fetch(`${base}/calendar/SC-DZJ/2026.ics?token=forged`)).status).toBe(401);
    expect(
      (await fetch(`${base}/calendar/NO-SUCH/2026.ics`, { headers: { authorization: `Bearer ${viewer}` } })).status,
    ).toBe(404);
    expect((await fetch(`${base}/calendar/SC-DZJ/1999.ics?token=${encodeURIComponent(viewer)}`)).status).toBe(400);
    // Out of sight reads as absent: 江苏's committee does not see 四川's units.
    const other = await t.hub.token({ body: 'JS-SW', role: 'VIEWER' });
    expect((await fetch(`${base}/calendar/SC-DZJ/2026.ics?token=${encodeURIComponent(other)}`)).status).toBe(404);
  });
});
