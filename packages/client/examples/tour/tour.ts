/**
 * The README's tour with @tiaokuai/client, as a frontend's code would run it: typed documents,
 * the labels, the typed errors. Run against a hub:
 *
 *     HUB_URL=http://localhost:4000/graphql HUB_TOKEN=<npm run token> node dist/tour.js
 *
 * It prints one JSON object (what each step found); test/src/sdk.e2e.spec.ts checks it.
 */
import {
  AnomaliesDocument,
  AnomalyCodeLabel,
  AssessmentFindingsDocument,
  BeforeAndAfterDocument,
  createClient,
  CreateLinkDocument,
  IncomingLinksDocument,
  OrganPartyCommitteeDocument,
  ReplaceLinkDocument,
  SharedUnitsDocument,
  TaskConflictsDocument,
  TiaokuaiError,
  UnitsDocument,
  WhoLeadsDocument,
} from '@tiaokuai/client';

async function main(): Promise<void> {
  const url = process.env.HUB_URL ?? 'http://localhost:4000/graphql';
  const token = process.env.HUB_TOKEN;
  if (!token) throw new Error('HUB_TOKEN: a bearer token (npm run token)');
  // The token as a getter: a frontend would refresh it here.
  const hub = createClient({ url, token: async () => token });

  // 1. Who leads 四川省地震局, and why?
  const one = await hub.request(WhoLeadsDocument, { code: 'SC-DZJ' });
  const pb = one.unit?.partyBuilding;

  // 2. The same question on another date.
  const two = await hub.request(BeforeAndAfterDocument, { code: 'SC-SWJ', before: '2018-06-14', after: '2018-06-15' });

  // 3. The organ party committee and the 2019 regulation.
  const three = await hub.request(OrganPartyCommitteeDocument, { code: 'SC-YJT-JGDW', asOf: '2019-11-28' });

  // 4. Everything that is wrong: the hub, one committee's scope, and 2018.
  const all = await hub.request(AnomaliesDocument, { first: 20 });
  const mine = await hub.request(AnomaliesDocument, { scope: 'SC-JGGW', first: 10 });
  const in2018 = await hub.request(AnomaliesDocument, { from: '2018-01-01', to: '2018-12-31', first: 20 });

  // 5. and 6. Shared units; browse and page.
  const shared = await hub.request(SharedUnitsDocument, { a: 'SC-JGGW', b: 'DZJ-DZ' });
  const units = await hub.request(UnitsDocument, {
    first: 10,
    filter: { under: 'SC-JGGW', kinds: ['GRASSROOTS_UNIT'] },
  });

  // 7. Fix something and watch the answer change.
  const outdated = await hub.request(IncomingLinksDocument, { code: 'SC-SLT-JGDW', kinds: ['GUIDANCE'] });
  const linkId = outdated.unit?.links.nodes[0]?.id;
  if (!linkId) throw new Error('the tour: SC-SLT-JGDW has no guidance link');
  const before = await hub.request(WhoLeadsDocument, { code: 'SC-SLT-JGDW' });
  await hub.request(ReplaceLinkDocument, {
    id: linkId,
    on: '2019-11-28',
    input: {
      from: 'SC-SLT-DZ',
      to: 'SC-SLT-JGDW',
      kind: 'LEADERSHIP',
      flavour: 'SPECIFIC',
      validFrom: '2019-11-29',
      basis: '2019年条例第三十三条',
    },
  });
  const after = await hub.request(WhoLeadsDocument, { code: 'SC-SLT-JGDW' });

  // Bad input: a typed error naming the field; nothing written.
  let refused: { code: string; field?: string; message: string } | undefined;
  try {
    await hub.request(CreateLinkDocument, {
      input: { from: 'SC-DZJ', to: 'SC-DZJ', kind: 'GUIDANCE', validFrom: '2020-01-01' },
    });
  } catch (e) {
    if (!(e instanceof TiaokuaiError)) throw e;
    refused = { code: e.code, field: e.field, message: e.message };
  }

  // docs/tour.md: task findings and assessment findings.
  const conflicts = await hub.request(TaskConflictsDocument, {
    scope: 'SC-JGGW',
    from: '2026-01-01',
    to: '2026-12-31',
    first: 10,
  });
  const findings = await hub.request(AssessmentFindingsDocument, { scope: 'ZY', year: 2026 });

  const report = {
    whoLeads: {
      rule: pb?.rule,
      leaders: pb?.leaders.map((u) => u.name),
      guides: pb?.guides.map((u) => u.name),
    },
    beforeAndAfter: {
      before: { rule: two.before?.partyBuilding?.rule, guides: two.before?.partyBuilding?.guides.map((u) => u.name) },
      after: { rule: two.after?.partyBuilding?.rule, guides: two.after?.partyBuilding?.guides.map((u) => u.name) },
      historyEvents: two.history?.history.totalCount,
    },
    organPartyCommittee: {
      now: three.unit?.now?.roles.map((r) => `${r.role}/${r.flavour ?? '-'}/${r.unit?.name ?? '?'}`),
      in2019: three.unit?.then?.rule,
    },
    anomalies: {
      total: all.leadershipAnomalies.totalCount,
      // The labels: generated from the schema's descriptions.
      byCode: Object.fromEntries(
        all.leadershipAnomalies.summary.byCode.map((c) => [AnomalyCodeLabel[c.code], c.count]),
      ),
      mine: mine.leadershipAnomalies.totalCount,
      in2018: in2018.leadershipAnomalies.nodes.map((a) => `${a.code}@${a.unit.code}:${a.from}..${a.to ?? ''}`),
    },
    shared: shared.sharedUnits.nodes.map((u) => u.code),
    units: units.units.nodes.map((u) => u.code),
    fix: {
      before: before.unit?.partyBuilding?.anomalies.map((a) => a.code),
      after: after.unit?.partyBuilding?.anomalies.map((a) => a.code),
    },
    refused,
    taskConflicts: Object.fromEntries(conflicts.taskConflicts.summary.byKind.map((k) => [k.kind, k.count])),
    assessmentFindings: Object.fromEntries(findings.assessmentFindings.summary.byKind.map((k) => [k.kind, k.count])),
  };
  console.log(JSON.stringify(report));
}

main().catch((e: unknown) => {
  console.error(e instanceof TiaokuaiError ? `${e.code} ${e.field ?? ''} ${e.message} (request ${e.requestId})` : e);
  process.exit(1);
});
