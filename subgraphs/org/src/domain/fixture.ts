/**
 * An in-memory world for the domain's table-driven tests: units by code, fact versions and
 * links, evaluated with the same pure functions the store feeds.
 */
import { detectCycles } from './detectors';
import { overlaps, type Day } from '@tiaokuai/leadership';
import { cyclePeriods, unitAnomalyPeriods, type PeriodFinding } from './anomaly-periods';
import { evaluateUnit, superiorEdges, timedSuperiorEdges } from './evaluate';
import type {
  Directory,
  FactVersion,
  LinkKind,
  LinkRecord,
  LeadershipFlavour,
  ManagementMode,
  UnitContext,
  UnitKind,
  UnitLevel,
  UnitRecord,
} from './types';

export interface FactsSpec {
  from?: Day;
  to?: Day | null;
  party?: ManagementMode;
  business?: ManagementMode;
  dept?: string;
  locality?: string;
}

export class World implements Directory {
  private units = new Map<string, UnitRecord>();
  private facts = new Map<string, FactVersion[]>();
  private links: LinkRecord[] = [];

  unit(
    code: string,
    kind: UnitKind,
    opts: { level?: UnitLevel; from?: Day; to?: Day | null; name?: string } = {},
  ): this {
    this.units.set(code, {
      id: code,
      code,
      name: opts.name ?? code,
      kind,
      level: opts.level ?? 'PROVINCIAL',
      region: '510000',
      validFrom: opts.from ?? '2000-01-01',
      validTo: opts.to ?? null,
    });
    return this;
  }

  fact(code: string, f: FactsSpec): this {
    const list = this.facts.get(code) ?? [];
    list.push({
      validFrom: f.from ?? '2000-01-01',
      validTo: f.to ?? null,
      partyRelationMode: f.party ?? null,
      businessMode: f.business ?? null,
      competentDepartmentId: f.dept ?? null,
      localityId: f.locality ?? null,
    });
    this.facts.set(code, list);
    return this;
  }

  link(
    from: string,
    to: string,
    kind: LinkKind,
    opts: { from?: Day; to?: Day | null; flavour?: LeadershipFlavour; basis?: string } = {},
  ): this {
    this.links.push({
      id: `${from}>${to}:${kind}:${this.links.length}`,
      fromId: from,
      toId: to,
      kind,
      flavour: opts.flavour ?? null,
      validFrom: opts.from ?? '2000-01-01',
      validTo: opts.to ?? null,
      basis: opts.basis ?? null,
    });
    return this;
  }

  get(id: string): UnitRecord | undefined {
    return this.units.get(id);
  }

  context(code: string): UnitContext {
    const unit = this.units.get(code);
    if (!unit) throw new Error(`no unit ${code}`);
    return { unit, facts: this.facts.get(code) ?? [], incoming: this.links.filter((l) => l.toId === code) };
  }

  evaluate(code: string, asOf: Day) {
    const ev = evaluateUnit(this.context(code), asOf, this);
    const edges = [...this.units.keys()].flatMap((c) => superiorEdges(this.context(c), asOf));
    const cycles = detectCycles(edges, asOf, this).filter((f) => f.unitId === code);
    const findings = [...ev.findings, ...cycles];
    return {
      ...ev,
      findings,
      leaders: ev.outcome.leaders.map((r) => r.unitId).sort(),
      guides: ev.outcome.guides.map((r) => r.unitId).sort(),
      rule: ev.outcome.rule,
      codes: findings.map((f) => f.code).sort(),
    };
  }

  /**
   * The unit's anomalies whose period overlaps [from, to] (anomaly-periods.ts), CYCLE included, by code then first day.
   */
  periods(code: string, from: Day, to: Day): PeriodFinding[] {
    const edges = [...this.units.keys()].flatMap((c) => timedSuperiorEdges(this.context(c)));
    return [
      ...unitAnomalyPeriods(this.context(code), this),
      ...cyclePeriods(edges, this).filter((f) => f.unitId === code),
    ]
      .filter((f) => overlaps(f.from, f.to, from, to))
      .sort((a, b) => a.code.localeCompare(b.code) || a.from.localeCompare(b.from));
  }
}

/** A province with its committee, work committee, a central line and a party group: the usual cast. */
export function province(): World {
  return new World()
    .unit('ZY', 'LOCAL_PARTY_COMMITTEE', { level: 'CENTRAL' })
    .unit('SW', 'LOCAL_PARTY_COMMITTEE')
    .link('ZY', 'SW', 'AFFILIATION')
    .unit('GW', 'WORK_COMMITTEE')
    .link('SW', 'GW', 'AFFILIATION')
    .unit('DEPT', 'DEPARTMENT_PARTY_GROUP', { level: 'CENTRAL' })
    .link('ZY', 'DEPT', 'AFFILIATION')
    .unit('TING', 'DEPARTMENT_PARTY_GROUP')
    .fact('TING', { locality: 'GW' })
    .link('SW', 'TING', 'AFFILIATION');
}
