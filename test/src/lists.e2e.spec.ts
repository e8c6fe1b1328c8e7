/**
 * Issue 18 through the gateway, on the demo as `npm start` loads it: lists name their owners
 * (四川省直机关工委, 成都, 中央和国家机关工委, the vertical lines, and 四川省应急管理厅党组's list
 * cascading below the committee's), a unit's list in one query, and the list-level duplicate
 * under dual leadership at 四川省应急管理厅机关党委.
 */
import { loadDemoIfEmpty } from '@tiaokuai/tools';
import { startTestHub, type TestHub } from './hub';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  expect((await loadDemoIfEmpty(t.url, t.hub.operatorToken)).loaded).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

const LIST = `query($code: String!) { unit(by: { code: $code }) { responsibilityList(year: 2026, first: 100) { totalCount
  nodes { item { code name owner { code } } owner { code name } relation flavour depth through { code } missing { from to } assignments { task { issuer { code } } } } } } }`;
const list = async (code: string, token?: string) => {
  const r = await t.gql(LIST, { code }, token);
  expect(r.errors).toBeUndefined();
  return r.data!.unit.responsibilityList;
};

describe('responsibility lists through the gateway', () => {
  it("a branch's list: the regulation's items, the committee's cascading through the organ party committee, the department's below it", async () => {
    const l = await list('SC-YJT-ZB1');
    const show = l.nodes.map(
      (e: any) => `${e.item.code} ${e.owner?.code ?? '-'} ${e.relation} ${e.through?.code ?? '-'} ${e.flavour ?? '-'}`,
    );
    expect(show).toEqual(
      expect.arrayContaining([
        'SHYK - HUB_WIDE - -',
        'ZTDR SC-JGGW CASCADE SC-YJT-JGDW UNIFIED',
        'ZBSC SC-YJT-DZ CASCADE SC-YJT-JGDW SPECIFIC',
      ]),
    );
    // No list of another committee reaches it: 成都's, the centre's and the vertical lines' stay theirs.
    expect(new Set(l.nodes.map((e: any) => e.owner?.code ?? '-'))).toEqual(new Set(['-', 'SC-JGGW', 'SC-YJT-DZ']));
    // The department assigned its item for the year: nothing missing, its assignment named.
    const zbsc = l.nodes.find((e: any) => e.item.code === 'ZBSC');
    expect(zbsc.missing).toEqual([]);
    expect(zbsc.assignments.map((a: any) => a.task.issuer.code)).toEqual(['SC-YJT-DZ']);
  });

  it("lists of two committees do not cross: 成都's branch carries 成都's list, not 四川省直机关工委's", async () => {
    const owners = new Set((await list('CD-YJJ-ZB1')).nodes.map((e: any) => e.owner?.code ?? '-'));
    expect(owners).toEqual(new Set(['-', 'CD-JGGW']));
    const vertical = new Set((await list('SC-DZJ')).nodes.map((e: any) => `${e.item.code}@${e.owner?.code ?? '-'}`));
    expect(vertical).toEqual(new Set(['SJSZ@DZJ-DZ']));
  });

  it('the dual-leadership duplicate: the organ party committee is asked 书记抓党建述职评议 by both its leaders', async () => {
    const r = await t.gql(`{ unit(by: { code: "SC-YJT-JGDW" }) { taskConflicts(from: "2026-01-01", to: "2026-12-31") {
      nodes { kind issuers { code } items { code owner { code } } message suggestion } } } }`);
    expect(r.errors).toBeUndefined();
    const dups = r.data!.unit.taskConflicts.nodes.filter((f: any) => f.kind === 'DUPLICATE' && f.items.length > 0);
    expect(dups).toEqual([
      expect.objectContaining({
        issuers: [{ code: 'SC-YJT-DZ' }, { code: 'SC-JGGW' }],
        items: [
          { code: 'JGDW-SJSZ', owner: { code: 'SC-YJT-DZ' } },
          { code: 'SJSZ', owner: { code: 'SC-JGGW' } },
        ],
      }),
    ]);
    expect(dups[0].suggestion).toContain('具体领导');
    const l = await list('SC-YJT-JGDW');
    expect(
      l.nodes
        .filter((e: any) => /SJSZ/.test(e.item.code))
        .map((e: any) => `${e.owner.code} ${e.relation} ${e.flavour}`)
        .sort(),
    ).toEqual(['SC-JGGW DIRECT UNIFIED', 'SC-YJT-DZ DIRECT SPECIFIC']);
  });

  it("bad input: an owner outside the caller's jurisdiction is FORBIDDEN, an unknown one for the operator BAD_USER_INPUT; nothing written", async () => {
    const before = (await t.gql(`{ requiredItems(includeRetired: true) { totalCount } }`)).data!.requiredItems
      .totalCount;
    const editor = await t.hub.token({ body: 'SC-JGGW', role: 'EDITOR' });
    const define = (owner: string, token?: string) =>
      t.gql(
        `mutation($o: String) { defineRequiredItem(input: { owner: $o, code: "X1", name: "某事项", kinds: [BRANCH], frequency: YEARLY }) { code } }`,
        { o: owner },
        token,
      );
    expect((await define('CD-JGGW', editor)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.owner',
    });
    expect((await define('NO-SUCH-UNIT')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.owner',
    });
    expect((await define('SC-YJT-ZB1', editor)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.owner',
    });
    expect((await t.gql(`{ requiredItems(includeRetired: true) { totalCount } }`)).data!.requiredItems.totalCount).toBe(
      before,
    );
    // Its own list, the committee's editor keeps.
    expect((await define('SC-JGGW', editor)).data).toEqual({ defineRequiredItem: { code: 'X1' } });
  });

  it("two provinces' lists loaded together: 湖北's list asks 湖北's units only, and 四川's findings do not change", async () => {
    const MISSING = `query($scope: String!, $after: String) { taskConflicts(scope: $scope, from: "2026-01-01", to: "2026-12-31", first: 500, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { kind unit { code } requiredItem { code } requiredItemOwner { code } from } } }`;
    const missing = async (scope: string) => {
      const r = await t.gql(MISSING, { scope });
      expect(r.errors).toBeUndefined();
      expect(r.data!.taskConflicts.pageInfo.hasNextPage).toBe(false);
      return r
        .data!.taskConflicts.nodes.filter((f: any) => f.kind === 'MISSING')
        .map((f: any) => `${f.unit.code} ${f.requiredItem?.code}@${f.requiredItemOwner?.code ?? '-'} ${f.from}`)
        .sort();
    };
    const sichuan = await missing('SC-JGGW');
    const units = await t.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok problems { path message } } }`, {
      d: {
        format: 'tiaokuai/v1',
        units: [
          {
            code: 'HB-SW',
            name: '中共湖北省委',
            kind: 'LOCAL_PARTY_COMMITTEE',
            level: 'PROVINCIAL',
            region: '420000',
            validFrom: '2000-01-01',
          },
          {
            code: 'HB-JGGW',
            name: '湖北省直机关工委',
            kind: 'WORK_COMMITTEE',
            level: 'PROVINCIAL',
            region: '420000',
            validFrom: '2000-01-01',
          },
          {
            code: 'HB-GU',
            name: '湖北省某厅直属单位',
            kind: 'GRASSROOTS_UNIT',
            level: 'PROVINCIAL',
            region: '420000',
            validFrom: '2000-01-01',
            partyRelationMode: 'TERRITORIAL',
            businessMode: 'TERRITORIAL',
            locality: 'HB-JGGW',
          },
        ],
        links: [
          { from: 'ZY', to: 'HB-SW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
          { from: 'HB-SW', to: 'HB-JGGW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
          { from: 'HB-JGGW', to: 'HB-GU', kind: 'AFFILIATION', validFrom: '2000-01-01' },
        ],
      },
    });
    expect(units.data?.importUnits).toEqual({ ok: true, problems: [] });
    const lists = await t.gql(
      `mutation($d: JSON!) { importTasks(document: $d) { ok problems { path message } } }`,
      {
        d: {
          format: 'tiaokuai/v1',
          requiredItems: [
            {
              owner: 'HB-JGGW',
              code: 'SJSZ',
              name: '书记抓党建述职评议',
              kinds: ['GRASSROOTS_UNIT', 'ORGAN_PARTY_COMMITTEE'],
              frequency: 'YEARLY',
            },
          ],
        },
      },
      await t.hub.token({ body: 'HB-JGGW', role: 'EDITOR' }),
    );
    expect(lists.data?.importTasks).toEqual({ ok: true, problems: [] });
    expect(await missing('HB-JGGW')).toEqual(['HB-GU SJSZ@HB-JGGW 2026-01-01']);
    expect(await missing('SC-JGGW')).toEqual(sichuan);
  });
});
