/**
 * A synthetic province for benchmarks (npm run bench): a realistic mix of territorial
 * departments (party group, organ party committee, branches), cities with their own
 * committees and departments, and vertical systems (tax, customs, meteorology, earthquake...)
 * with a grassroots unit per city and branches under it. About three links per unit: the
 * affiliation, the declared leadership or guidance, and history (an ended affiliation from
 * before the 2018 reform, a business link). A small share of units carry planted anomalies.
 */
export interface SyntheticOptions {
  units?: number;
  /** Fraction of units with a planted anomaly. */
  anomalyRate?: number;
  seed?: number;
}

type U = Record<string, unknown> & { code: string };
type L = { from: string; to: string; kind: string; flavour?: string; validFrom: string; validTo: string | null };

const SYSTEMS: Array<[string, string, 'VERTICAL' | 'TERRITORIAL']> = [
  ['SWJ', '税务', 'TERRITORIAL'],
  ['HG', '海关', 'VERTICAL'],
  ['QX', '气象', 'VERTICAL'],
  ['DZ', '地震', 'VERTICAL'],
  ['TJ', '统计调查', 'VERTICAL'],
  ['KS', '矿山安全监察', 'VERTICAL'],
  ['XF', '消防救援', 'TERRITORIAL'],
  ['YC', '烟草', 'VERTICAL'],
  ['RH', '人民银行', 'VERTICAL'],
  ['WH', '外汇', 'VERTICAL'],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticProvince(opts: SyntheticOptions = {}): {
  format: string;
  units: U[];
  links: L[];
  planted: Record<string, number>;
} {
  const target = opts.units ?? 20_000;
  const rand = rng(opts.seed ?? 2026);
  const units: U[] = [];
  const links: L[] = [];
  const planted: Record<string, number> = {};
  const unit = (u: U) => {
    units.push({ validFrom: '2000-01-01', validTo: null, ...u });
    return u.code;
  };
  const link = (from: string, to: string, kind: string, extra: Partial<L> = {}) =>
    links.push({ from, to, kind, validFrom: '2000-01-01', validTo: null, ...extra });

  unit({ code: 'ZY', name: '中共中央', kind: 'LOCAL_PARTY_COMMITTEE', level: 'CENTRAL', region: '100000' });
  unit({ code: 'P-SW', name: '某省委', kind: 'LOCAL_PARTY_COMMITTEE', level: 'PROVINCIAL', region: '990000' });
  link('ZY', 'P-SW', 'AFFILIATION');
  unit({ code: 'P-GW', name: '某省直机关工委', kind: 'WORK_COMMITTEE', level: 'PROVINCIAL', region: '990000' });
  link('P-SW', 'P-GW', 'AFFILIATION');
  for (const [sys, name] of SYSTEMS) {
    unit({
      code: `C-${sys}`,
      name: `${name}系统中央党委`,
      kind: 'DEPARTMENT_PARTY_GROUP',
      level: 'CENTRAL',
      region: '100000',
    });
    link('ZY', `C-${sys}`, 'AFFILIATION');
  }

  /** A department (party group + organ party committee + branches) under a committee pair. */
  const department = (
    prefix: string,
    name: string,
    sw: string,
    gw: string,
    level: string,
    region: string,
    branches: number,
  ) => {
    const dz = unit({
      code: `${prefix}-DZ`,
      name: `${name}党组`,
      kind: 'DEPARTMENT_PARTY_GROUP',
      level,
      region,
      locality: gw,
    });
    link(sw, dz, 'AFFILIATION');
    link(gw, dz, 'GUIDANCE');
    link(sw, dz, 'LEADERSHIP');
    const jg = unit({
      code: `${prefix}-JGDW`,
      name: `${name}机关党委`,
      kind: 'ORGAN_PARTY_COMMITTEE',
      level,
      region,
      locality: gw,
      competentDepartment: dz,
    });
    link(gw, jg, 'AFFILIATION');
    link(gw, jg, 'LEADERSHIP', { flavour: 'UNIFIED' });
    link(dz, jg, 'LEADERSHIP', { flavour: 'SPECIFIC', validFrom: '2019-11-29' });
    link(dz, jg, 'GUIDANCE', { validTo: '2019-11-28' });
    for (let b = 1; b <= branches; b++) {
      const zb = unit({ code: `${prefix}-ZB${b}`, name: `${name}第${b}党支部`, kind: 'BRANCH', level, region });
      link(gw, zb, 'AFFILIATION', { validTo: '2018-03-20' });
      link(jg, zb, 'AFFILIATION', { validFrom: '2018-03-21' });
      link(jg, zb, 'LEADERSHIP');
    }
  };

  for (let d = 1; d <= 60; d++) department(`P-D${d}`, `某省第${d}厅`, 'P-SW', 'P-GW', 'PROVINCIAL', '990000', 6);

  let city = 0;
  while (units.length < target) {
    city++;
    const region = String(990000 + city * 100);
    const sw = unit({
      code: `M${city}-SW`,
      name: `某省第${city}市委`,
      kind: 'LOCAL_PARTY_COMMITTEE',
      level: 'MUNICIPAL',
      region,
    });
    link('P-SW', sw, 'AFFILIATION');
    const gw = unit({
      code: `M${city}-GW`,
      name: `某省第${city}市直机关工委`,
      kind: 'WORK_COMMITTEE',
      level: 'MUNICIPAL',
      region,
    });
    link(sw, gw, 'AFFILIATION');
    for (let d = 1; d <= 40 && units.length < target; d++)
      department(`M${city}-D${d}`, `第${city}市第${d}局`, sw, gw, 'MUNICIPAL', region, 4);
    for (const [sys, name, party] of SYSTEMS) {
      if (units.length >= target) break;
      const code = `M${city}-${sys}`;
      const dept = `C-${sys}`;
      unit({
        code,
        name: `第${city}市${name}局`,
        kind: 'GRASSROOTS_UNIT',
        level: 'MUNICIPAL',
        region,
        partyRelationMode: party,
        businessMode: 'VERTICAL',
        competentDepartment: dept,
        locality: gw,
      });
      link(party === 'VERTICAL' ? dept : gw, code, 'AFFILIATION');
      link(dept, code, 'BUSINESS');
      link(party === 'VERTICAL' ? gw : dept, code, 'GUIDANCE');
      for (let b = 1; b <= 8 && units.length < target; b++) {
        const zb = unit({
          code: `${code}-ZB${b}`,
          name: `第${city}市${name}局第${b}党支部`,
          kind: 'BRANCH',
          level: 'MUNICIPAL',
          region,
        });
        link(code, zb, 'AFFILIATION');
        link(code, zb, 'LEADERSHIP');
        link(code, zb, 'AFFILIATION', { validFrom: '1990-01-01', validTo: '1999-12-31' });
      }
    }
  }

  // Planted anomalies on a deterministic sample of branches and grassroots units.
  const rate = opts.anomalyRate ?? 0.01;
  const candidates = units.filter((u) => u.kind === 'BRANCH');
  const n = Math.floor(units.length * rate);
  const kinds = ['DUPLICATE_LEADER', 'MISSING_AFFILIATION', 'MULTIPLE_AFFILIATION', 'CYCLE'];
  for (let i = 0; i < n && candidates.length > 1; i++) {
    const victim = candidates.splice(Math.floor(rand() * candidates.length), 1)[0].code;
    const kind = kinds[i % kinds.length];
    planted[kind] = (planted[kind] ?? 0) + 1;
    if (kind === 'DUPLICATE_LEADER') link('P-GW', victim, 'LEADERSHIP', { validFrom: '2020-01-01' });
    if (kind === 'MISSING_AFFILIATION') {
      for (const l of links)
        if (l.to === victim && l.kind === 'AFFILIATION' && l.validTo === null) l.validTo = '2020-12-31';
    }
    if (kind === 'MULTIPLE_AFFILIATION') link('P-GW', victim, 'AFFILIATION', { validFrom: '2021-01-01' });
    if (kind === 'CYCLE') {
      const other = candidates.splice(Math.floor(rand() * candidates.length), 1)[0].code;
      link(victim, other, 'LEADERSHIP', { validFrom: '2022-01-01' });
      link(other, victim, 'LEADERSHIP', { validFrom: '2022-01-01' });
    }
  }
  return { format: 'tiaokuai/v1', units, links, planted };
}
