/**
 * Writes the hub's units and links as a `tiaokuai/v1` document, in a canonical order (units by
 * code, links by from, to, kind, validFrom) so that export → import into an empty hub →
 * export gives the same file. A unit whose facts never changed is written with top-level
 * facts only; otherwise `versions` carries the whole history and the top level repeats the
 * latest version.
 */
import type { FactVersion, LinkRecord, UnitRecord } from '../types';
import { FORMAT } from './format';

export interface ExportInput {
  units: UnitRecord[];
  facts: Array<FactVersion & { unitId: string }>;
  links: LinkRecord[];
}

function factFields(v: FactVersion, code: (id: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.partyRelationMode) out.partyRelationMode = v.partyRelationMode;
  if (v.businessMode) out.businessMode = v.businessMode;
  if (v.competentDepartmentId) out.competentDepartment = code(v.competentDepartmentId);
  if (v.localityId) out.locality = code(v.localityId);
  return out;
}

export function exportDocument(input: ExportInput, only?: ReadonlySet<string>): Record<string, unknown> {
  const byId = new Map(input.units.map((u) => [u.id, u]));
  const code = (id: string) => byId.get(id)?.code ?? id;
  const factsOf = new Map<string, FactVersion[]>();
  for (const f of input.facts) {
    const list = factsOf.get(f.unitId) ?? [];
    list.push(f);
    factsOf.set(f.unitId, list);
  }
  const units = input.units
    .filter((u) => !only || only.has(u.id))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((u) => {
      const versions = (factsOf.get(u.id) ?? []).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      const entry: Record<string, unknown> = {
        code: u.code,
        name: u.name,
        kind: u.kind,
        level: u.level,
        region: u.region,
        validFrom: u.validFrom,
        validTo: u.validTo,
      };
      const last = versions[versions.length - 1];
      if (last) Object.assign(entry, factFields(last, code));
      // Top-level facts stand for one version over the unit's whole life; a version without
      // any fact has no top-level form (it would read back as no version at all).
      const simple =
        versions.length === 1 &&
        last.validFrom === u.validFrom &&
        last.validTo === u.validTo &&
        Object.keys(factFields(last, code)).length > 0;
      if (versions.length > 0 && !simple) {
        entry.versions = versions.map((v) => ({ validFrom: v.validFrom, validTo: v.validTo, ...factFields(v, code) }));
      }
      return entry;
    });
  const links = input.links
    .filter((l) => !only || (only.has(l.fromId) && only.has(l.toId)))
    .map((l) => {
      const entry: Record<string, unknown> = { from: code(l.fromId), to: code(l.toId), kind: l.kind };
      if (l.flavour) entry.flavour = l.flavour;
      entry.validFrom = l.validFrom;
      entry.validTo = l.validTo;
      if (l.basis) entry.basis = l.basis;
      return entry;
    })
    .sort((a, b) =>
      `${a.from}|${a.to}|${a.kind}|${a.validFrom}`.localeCompare(`${b.from}|${b.to}|${b.kind}|${b.validFrom}`),
    );
  return { format: FORMAT, units, links };
}
