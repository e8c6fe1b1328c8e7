/**
 * Import and export of `tiaokuai/v1` documents. An import applies a document all-or-nothing
 * (one transaction; any problem writes nothing), idempotent by code (units) and by (from, to,
 * kind, validFrom) (links). A unit in the file is the truth for that unit: its fields and its
 * whole fact history. Links not in the file are left alone. The checks are pure
 * (domain/interchange/); the statements are interchange.store.ts's.
 */
import { emptyReport, ForbiddenError, noCounts, today, type Db } from '@tiaokuai/platform';
import { exportDocument } from '../../domain/interchange/export';
import { externalReferences, parseDocument } from '../../domain/interchange/document';
import type { LinkPlan, Problem, UnitPlan } from '../../domain/interchange/format';
import { scopeOf } from '../../domain/scope';
import type { OrgContext } from '../../request';
import { recordAudit } from '../audit/audit.store';
import { scopedTransaction } from '../access/rls';
import { linksInto, type LinkValues } from '../link/link.store';
import { loadAll } from '../organisation/organisation.store';
import { snapshot } from '../organisation/organisation.service';
import { lockOrganisation } from '../shared/write-locks.store';
import { requireCode, visibleIds } from '../unit/unit.service';
import { factsByUnitIds, unitsByCodes, type FactValues } from '../unit/unit.store';
import {
  analyzeOrganisation,
  deleteFactsOf,
  insertFactRows,
  insertLinkRows,
  insertUnits,
  updateImportedLink,
  updateUnitByCode,
} from './interchange.store';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  ok: boolean;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  problems: Problem[];
  units: Counts;
  links: Counts;
  changedCodes: string[];
}

type FactKey = string;
const factKey = (v: {
  validFrom: string;
  validTo: string | null;
  partyRelationMode: string | null;
  businessMode: string | null;
  competentDepartmentId: string | null;
  localityId: string | null;
}): FactKey =>
  [v.validFrom, v.validTo, v.partyRelationMode, v.businessMode, v.competentDepartmentId, v.localityId].join('|');

function failed(problems: Problem[], dryRun: boolean): ImportResult {
  return { ok: false, dryRun, ...noCounts(), problems, units: noCounts(), links: noCounts(), changedCodes: [] };
}

/** Thrown inside the transaction to roll back a dry run after computing its report. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/**
 * An import that wrote this many rows refreshes the planner's statistics (interchange.store.ts `analyzeOrganisation`).
 */
const ANALYZE_AFTER_ROWS = 1000;

/** Called inside the import's transaction after a real (not dry-run) import was applied. */
export type ImportAudit = (tx: Db, result: ImportResult) => Promise<void>;

/** How the import reaches the database: its transaction (scoped, modules/access/rls.ts) and maintenance. */
export interface ImportRunner {
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Runs as the schema's owner (ANALYZE needs it). */
  asOwner<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  audit?: ImportAudit;
  /**
   * An ADMIN's jurisdiction (unit ids); absent for the operator. Units outside it read as
   * absent (a reference to one is an unknown code), a unit the file defines that exists
   * outside it is FORBIDDEN, and a new unit must be placed inside (see `placeInside`).
   */
  jurisdiction?: ReadonlySet<string>;
}

export async function importDocument(run: ImportRunner, doc: unknown, dryRun: boolean): Promise<ImportResult> {
  const result = await importInTransaction(run, doc, dryRun);
  if (result.ok && !result.dryRun && result.created + result.updated >= ANALYZE_AFTER_ROWS) {
    await run.asOwner(analyzeOrganisation);
  }
  return result;
}

async function importInTransaction(run: ImportRunner, doc: unknown, dryRun: boolean): Promise<ImportResult> {
  const { audit } = run;
  try {
    return await run.transaction(async (tx) => {
      if (!dryRun) await lockOrganisation(tx); // shared/write-locks.store.ts
      const external = externalReferences(doc);
      const inside = (u: { id: string }) => !run.jurisdiction || run.jurisdiction.has(u.id);
      const named = run.jurisdiction ? await namedByStoredFacts(tx, doc) : new Map<string, Set<string>>();
      const found = await unitsByCodes(tx, external);
      const existing = new Set(found.filter((u) => inside(u) || named.has(u.id)).map((u) => u.code));
      const parsed = parseDocument(doc, existing);
      if (parsed.problems.length === 0)
        parsed.problems.push(
          ...namedElsewhere(
            parsed.units,
            parsed.links,
            found.filter((u) => !inside(u)),
            named,
          ),
        );
      if (parsed.problems.length > 0) return failed(parsed.problems, dryRun);
      if (run.jurisdiction) await placeInside(tx, run.jurisdiction, parsed.units);
      const result = await apply(tx, parsed.units, parsed.links, dryRun);
      if (dryRun) throw new DryRunRollback(result);
      if (audit && result.ok) await audit(tx, result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.result;
    throw e;
  }
}

/**
 * The units named (as locality or competent department) by the stored facts of the units the
 * file defines. An ADMIN's file may name them though they are outside its jurisdiction: its own
 * export names them (a vertical unit's competent department, 主管部门, is usually another
 * body's), so without this a committee could not re-import its own export (docs/interchange.md "Round trip"). The
 * caller learns nothing: its own units' facts already show these codes.
 */
async function namedByStoredFacts(tx: Db, doc: unknown): Promise<Map<string, Set<string>>> {
  const raw = (doc as { units?: unknown } | null)?.units;
  const codes = Array.isArray(raw)
    ? raw.map((u) => (u as { code?: unknown } | null)?.code).filter((c): c is string => typeof c === 'string')
    : [];
  const defined = await unitsByCodes(tx, codes);
  const codeOf = new Map(defined.map((u) => [u.id, u.code]));
  const named = new Map<string, Set<string>>(); // named unit id → codes of the file's units whose stored facts name it
  for (const f of defined.length > 0
    ? await factsByUnitIds(
        tx,
        defined.map((u) => u.id),
      )
    : []) {
    for (const id of [f.localityId, f.competentDepartmentId])
      if (id) named.set(id, (named.get(id) ?? new Set()).add(codeOf.get(f.unitId)!));
  }
  return named;
}

/**
 * Where the file names a unit outside the jurisdiction that `namedByStoredFacts` let through, but
 * not in the facts of a unit whose stored facts name it (another unit's facts, a link): an
 * unknown code there, as anywhere else.
 */
function namedElsewhere(
  plans: UnitPlan[],
  linkPlans: LinkPlan[],
  outside: Array<{ id: string; code: string }>,
  named: Map<string, Set<string>>,
): Problem[] {
  const by = new Map(outside.filter((u) => named.has(u.id)).map((u) => [u.code, named.get(u.id)!]));
  const problems: Problem[] = [];
  for (const u of plans) {
    for (const v of u.versions) {
      for (const k of ['locality', 'competentDepartment'] as const) {
        const c = v[k];
        if (c && by.has(c) && !by.get(c)!.has(u.code))
          problems.push({ path: `${v.path ?? u.path}.${k}`, message: `未知单位代码：${c}` });
      }
    }
  }
  for (const l of linkPlans)
    for (const k of ['from', 'to'] as const)
      if (by.has(l[k])) problems.push({ path: `${l.path}.${k}`, message: `未知单位代码：${l[k]}` });
  return problems;
}

/**
 * An ADMIN's import stays inside its jurisdiction: every unit the file defines that already
 * exists must be inside it (else FORBIDDEN, worded as for a unit that does not exist), and each
 * fact version of a new unit must name a locality or competent department inside it or new in
 * the same file, with every new unit reaching the jurisdiction through such references (so the
 * new units are in the jurisdiction once imported). Fact and link references to units outside
 * were already refused as unknown codes. The database's policies (migrations 0003, 0004) hold
 * the transaction to the same rule.
 */
async function placeInside(tx: Db, jurisdiction: ReadonlySet<string>, plans: UnitPlan[]): Promise<void> {
  const found = new Map(
    (
      await unitsByCodes(
        tx,
        plans.map((u) => u.code),
      )
    ).map((u) => [u.code, u]),
  );
  const problems: Problem[] = [];
  for (const u of plans) {
    const stored = found.get(u.code);
    if (stored && !jurisdiction.has(stored.id))
      problems.push({ path: `${u.path}.code`, message: `${u.code} 不在本单位的管辖范围内` });
  }
  const fresh = new Map(plans.filter((u) => !found.has(u.code)).map((u) => [u.code, u]));
  const refs = (v: UnitPlan['versions'][number]) => [v.locality, v.competentDepartment].filter((c): c is string => !!c);
  // A reference the file does not define was accepted by parseDocument only if it is inside.
  const inside = (code: string) => {
    const x = found.get(code);
    return x ? jurisdiction.has(x.id) : !fresh.has(code);
  };
  for (const u of fresh.values()) {
    u.versions.forEach((v, i) => {
      if (!refs(v).some((c) => fresh.has(c) || inside(c))) {
        problems.push({
          path: v.path ?? `${u.path}.versions[${i}]`,
          message: `新单位 ${u.code} 的每个事实版本须以管辖范围内的单位为属地（locality）或主管部门（competentDepartment）`,
        });
      }
    });
  }
  // Reachability: new units anchored on a unit already inside, directly or through other new ones.
  const anchored = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const u of fresh.values()) {
      if (anchored.has(u.code)) continue;
      if (u.versions.some((v) => refs(v).some((c) => anchored.has(c) || inside(c)))) {
        anchored.add(u.code);
        grew = true;
      }
    }
  }
  for (const u of fresh.values()) {
    if (!anchored.has(u.code) && u.versions.length > 0 && !problems.some((p) => p.path.startsWith(u.path))) {
      problems.push({
        path: `${u.path}.versions`,
        message: `新单位 ${u.code} 未通过属地或主管部门归入本单位的管辖范围`,
      });
    }
    if (u.versions.length === 0)
      problems.push({
        path: `${u.path}.versions`,
        message: `新单位 ${u.code} 须有事实版本，以属地或主管部门归入本单位的管辖范围`,
      });
  }
  if (problems.length > 0) {
    throw new ForbiddenError(`导入超出本单位的管辖范围：${problems[0].path}：${problems[0].message}`, {
      field: problems[0].path,
      problems,
    });
  }
}

async function apply(tx: Db, unitPlans: UnitPlan[], linkPlans: LinkPlan[], dryRun: boolean): Promise<ImportResult> {
  const unitCounts: Counts = noCounts();
  const linkCounts: Counts = noCounts();
  const changed = new Set<string>();

  // Every code the file names, defined or referenced: one statement.
  const allCodes = new Set<string>(unitPlans.map((u) => u.code));
  for (const u of unitPlans)
    for (const v of u.versions) for (const c of [v.locality, v.competentDepartment]) if (c) allCodes.add(c);
  for (const l of linkPlans) {
    allCodes.add(l.from);
    allCodes.add(l.to);
  }
  const before = new Map((await unitsByCodes(tx, [...allCodes])).map((u) => [u.code, u]));
  const idOf = new Map<string, string>([...before.values()].map((u) => [u.code, u.id]));

  // Units: create the new ones (ids needed below), update the changed ones.
  const toCreate = unitPlans.filter((u) => !before.has(u.code));
  const toUpdate = unitPlans.filter((u) => {
    const b = before.get(u.code);
    return (
      b &&
      (b.name !== u.name ||
        b.kind !== u.kind ||
        b.level !== u.level ||
        b.region !== u.region ||
        b.validFrom !== u.validFrom ||
        b.validTo !== u.validTo)
    );
  });
  unitCounts.created = toCreate.length;
  for (const u of toCreate) changed.add(u.code);
  for (const u of toUpdate) changed.add(u.code);
  if (!dryRun) {
    const created = await insertUnits(
      tx,
      toCreate.map((u) => ({
        code: u.code,
        name: u.name,
        kind: u.kind,
        level: u.level,
        region: u.region,
        validFrom: u.validFrom,
        validTo: u.validTo,
      })),
    );
    for (const r of created) idOf.set(r.code, r.id);
    for (const u of toUpdate) {
      await updateUnitByCode(tx, u.code, {
        name: u.name,
        kind: u.kind,
        level: u.level,
        region: u.region,
        validFrom: u.validFrom,
        validTo: u.validTo,
      });
    }
  } else {
    toCreate.forEach((u, i) => idOf.set(u.code, `new:${i}`));
  }

  // Fact histories: replace a unit's versions when they differ from the file's.
  const existingIds = unitPlans.map((u) => before.get(u.code)?.id).filter((x): x is string => !!x);
  const storedFacts = new Map<string, string[]>();
  for (const f of await factsByUnitIds(tx, existingIds)) {
    const list = storedFacts.get(f.unitId) ?? [];
    list.push(factKey(f));
    storedFacts.set(f.unitId, list);
  }
  const factRows: FactValues[] = [];
  const replaceFactsOf: number[] = [];
  for (const u of unitPlans) {
    const unitId = idOf.get(u.code)!;
    const wanted = u.versions.map((v) => ({
      validFrom: v.validFrom,
      validTo: v.validTo,
      partyRelationMode: v.partyRelationMode,
      businessMode: v.businessMode,
      competentDepartmentId: v.competentDepartment ? idOf.get(v.competentDepartment)! : null,
      localityId: v.locality ? idOf.get(v.locality)! : null,
    }));
    const isNew = !before.has(u.code);
    const same =
      !isNew && JSON.stringify((storedFacts.get(unitId) ?? []).sort()) === JSON.stringify(wanted.map(factKey).sort());
    if (same) continue;
    if (!isNew) {
      replaceFactsOf.push(Number(unitId));
      changed.add(u.code);
    }
    for (const w of wanted) {
      factRows.push({
        unitId: Number(unitId),
        validFrom: w.validFrom,
        validTo: w.validTo,
        partyRelationMode: w.partyRelationMode,
        businessMode: w.businessMode,
        competentDepartmentId: w.competentDepartmentId ? Number(w.competentDepartmentId) : null,
        localityId: w.localityId ? Number(w.localityId) : null,
      });
    }
  }
  unitCounts.updated = unitPlans.filter((u) => before.has(u.code) && changed.has(u.code)).length;
  unitCounts.unchanged = unitPlans.length - unitCounts.created - unitCounts.updated;
  if (!dryRun) {
    await deleteFactsOf(tx, replaceFactsOf);
    await insertFactRows(tx, factRows);
  }

  // Links, by identity (from, to, kind, validFrom).
  const targetIds = [...new Set(linkPlans.map((l) => idOf.get(l.to)!).filter((id) => !id.startsWith('new:')))];
  const storedLinks = new Map(
    (await linksInto(tx, targetIds)).map((l) => [`${l.fromId}|${l.toId}|${l.kind}|${l.validFrom}`, l]),
  );
  const linkRows: LinkValues[] = [];
  for (const l of linkPlans) {
    const fromId = idOf.get(l.from)!,
      toId = idOf.get(l.to)!;
    const stored = storedLinks.get(`${fromId}|${toId}|${l.kind}|${l.validFrom}`);
    if (!stored) {
      linkCounts.created++;
      if (!dryRun)
        linkRows.push({
          fromId: Number(fromId),
          toId: Number(toId),
          kind: l.kind,
          flavour: l.flavour,
          validFrom: l.validFrom,
          validTo: l.validTo,
          basis: l.basis,
        });
    } else if (stored.validTo !== l.validTo || stored.flavour !== l.flavour || stored.basis !== l.basis) {
      linkCounts.updated++;
      if (!dryRun) {
        await updateImportedLink(tx, stored.id, { validTo: l.validTo, flavour: l.flavour, basis: l.basis });
      }
    } else {
      linkCounts.unchanged++;
    }
  }
  if (!dryRun) await insertLinkRows(tx, linkRows);

  return {
    ok: true,
    dryRun,
    created: unitCounts.created + linkCounts.created,
    updated: unitCounts.updated + linkCounts.updated,
    unchanged: unitCounts.unchanged + linkCounts.unchanged,
    problems: [],
    units: unitCounts,
    links: linkCounts,
    changedCodes: [...changed].sort(),
  };
}

/**
 * `importUnits`: an ADMIN inside its jurisdiction only (`placeInside`), the operator anything;
 * the audit entry is written in the import's transaction.
 */
export async function importUnits(ctx: OrgContext, document: unknown, dryRun: boolean) {
  ctx.access.requireRole('ADMIN', '导入');
  const visible = await ctx.access.visible();
  const report = await importDocument(
    {
      transaction: (fn) => scopedTransaction(ctx.db, ctx.access, fn),
      asOwner: (fn) => ctx.database.asOwner(fn),
      jurisdiction: visible.all ? undefined : visible.ids,
      audit: (tx, r) =>
        recordAudit(tx, ctx.identity, {
          operation: 'importUnits',
          target: 'import',
          after: {
            created: r.created,
            updated: r.updated,
            unchanged: r.unchanged,
            units: r.units,
            links: r.links,
            changedCodes: r.changedCodes,
          },
        }),
    },
    document,
    dryRun,
  );
  return { ...emptyReport(report.dryRun), ...report };
}

/** `exportUnits`: the visible units (of the scope, when given) and the links between them. */
export async function exportUnits(ctx: OrgContext, scope: string | null) {
  const all = await loadAll(ctx.db);
  let only: Set<string> | undefined;
  if (scope) {
    const root = await requireCode(ctx, scope, 'scope');
    only = scopeOf(root.id, (await snapshot(ctx.db, today())).evaluations);
  }
  const visible = await visibleIds(ctx, only ? [...only] : undefined);
  return exportDocument(all, visible ? new Set(visible) : undefined);
}
