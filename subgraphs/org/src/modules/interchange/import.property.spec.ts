/**
 * Property-based tests of `importUnits` (fast-check): malformed tiaokuai/v1 files, built by
 * breaking valid ones (the small province, the demo scenario, random valid files), and
 * arbitrary JSON. Whatever the file: no GraphQL error (the answer is a report), every
 * problem has a JSON path, the injected fault is among the problems, and a refused file (or
 * any dry run) leaves every org table and the audit log exactly as they were. A valid random
 * file imports, a second import changes nothing, and export → import → export is stable.
 *
 * Reproduce a failure with the seed it prints: FC_SEED=<seed> npx jest src/modules/interchange/import.property.spec.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { HUB_OPERATOR, type Identity } from '@tiaokuai/platform';
import { addDays, isDay } from '@tiaokuai/leadership';
import { smallProvince } from '../../testing/fixtures';
import { orgHarness, type GqlResult, type OrgHarness } from '../../testing';
import {
  badCodeString,
  badDay,
  badEnumString,
  badRegionString,
  badTextString,
  Baseline,
  dbState,
  deep,
  ENUMS,
  expectClientErrors,
  fcOptions,
  goodCode,
  goodText,
  IMPORT,
  nonString,
  PROBLEM_PATH,
  region,
  related,
  day,
} from '../../testing/property-testing';
import { fieldPath } from '../../domain/interchange/checker';
import { CODE_RE, FORMAT } from '../../domain/interchange/format';

let h: OrgHarness;
let baseline: Baseline;
beforeAll(async () => {
  h = await orgHarness();
  baseline = new Baseline(h);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const SCENARIO = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../../../tools/demo/scenario.json'), 'utf8'),
);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

const UNIT_FIELDS = [
  'code',
  'name',
  'kind',
  'level',
  'region',
  'validFrom',
  'validTo',
  'versions',
  'partyRelationMode',
  'businessMode',
  'competentDepartment',
  'locality',
];
const FACT_FIELDS = ['partyRelationMode', 'businessMode', 'competentDepartment', 'locality'] as const;
const VERSION_FIELDS = ['validFrom', 'validTo', ...FACT_FIELDS];
const LINK_FIELDS = ['from', 'to', 'kind', 'flavour', 'validFrom', 'validTo', 'basis'];
const TOP_LEVEL = ['format', 'units', 'links', 'tasks', 'requiredItems', 'assessments'];

// ---------------------------------------------------------------------------------------
// Valid files with random content

interface FactsPlan {
  partyRelationMode?: string;
  businessMode?: string;
  competentDepartment?: string;
  locality?: string;
}

const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Facts of unit `i` of `codes`: references name other units of the file, never the unit itself. */
function factsArb(codes: string[], i: number): fc.Arbitrary<FactsPlan> {
  const other =
    codes.length < 2
      ? fc.constant(undefined)
      : fc.option(
          fc.integer({ min: 0, max: codes.length - 2 }).map((k) => codes[(i + 1 + k) % codes.length]),
          { nil: undefined },
        );
  const some = fc
    .record({
      partyRelationMode: fc.option(fc.constantFrom(...ENUMS.mode), { nil: undefined }),
      businessMode: fc.option(fc.constantFrom(...ENUMS.mode), { nil: undefined }),
      competentDepartment: other,
      locality: other,
    })
    .map(strip);
  // A version may state no fact at all (a period the unit's facts were unknown): it is still a version.
  return fc.oneof({ arbitrary: fc.constant({}), weight: 1 }, { arbitrary: some, weight: 3 });
}

function unitArb(codes: string[], i: number): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      name: goodText(200),
      kind: fc.constantFrom(...ENUMS.kind),
      level: fc.constantFrom(...ENUMS.level),
      region,
      validFrom: day('1950-01-01', 365 * 70),
      life: fc.option(fc.integer({ min: 0, max: 365 * 40 }), { nil: null }),
      facts: fc.oneof(
        fc.constant({ mode: 'none' as const }),
        factsArb(codes, i).map((f) => ({ mode: 'top' as const, f })),
        fc
          .record({
            repeatTop: fc.boolean(),
            openLast: fc.boolean(),
            parts: fc.array(
              fc.record({
                gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })),
                len: fc.integer({ min: 0, max: 3000 }),
                f: factsArb(codes, i),
              }),
              { minLength: 1, maxLength: 4 },
            ),
          })
          .map((v) => ({ mode: 'versions' as const, ...v })),
      ),
    })
    .map(({ name, kind, level, region: r, validFrom, life, facts }) => {
      const validTo = life === null ? null : addDays(validFrom, life);
      const unit: Record<string, unknown> = { code: codes[i], name, kind, level, region: r, validFrom, validTo };
      if (facts.mode === 'top') Object.assign(unit, facts.f);
      if (facts.mode === 'versions') {
        const versions: Array<Record<string, unknown>> = [];
        let start = addDays(validFrom, facts.parts[0].gap);
        for (const part of facts.parts) {
          if (validTo && start > validTo) break;
          let end: string | null = addDays(start, part.len);
          if (validTo && end > validTo) end = validTo;
          versions.push({ validFrom: start, validTo: end, ...part.f });
          start = addDays(end, 1 + part.gap);
        }
        if (versions.length === 0) versions.push({ validFrom, validTo, ...facts.parts[0].f });
        const last = versions[versions.length - 1];
        if (validTo) last.validTo = validTo;
        else if (facts.openLast) last.validTo = null;
        unit.versions = versions;
        if (facts.repeatTop) for (const k of FACT_FIELDS) if (last[k] !== undefined) unit[k] = last[k];
      }
      return unit;
    });
}

function linksArb(codes: string[], min: number, max: number): fc.Arbitrary<Array<Record<string, unknown>>> {
  if (codes.length < 2) return fc.constant([]);
  const n = codes.length;
  return fc
    .array(
      fc.record({
        a: fc.nat(n - 1),
        b: fc.nat(n - 2),
        kind: fc.constantFrom(...ENUMS.linkKind),
        flavour: fc.constantFrom<string | null | undefined>(undefined, null, ...ENUMS.flavour),
        validFrom: day('1950-01-01', 365 * 80),
        life: fc.option(fc.integer({ min: 0, max: 365 * 30 }), { nil: null }),
        basis: fc.option(goodText(500, 'MULTILINE'), { nil: undefined }),
      }),
      { minLength: min, maxLength: max },
    )
    .map((raw) => {
      const seen = new Set<string>();
      const out: Array<Record<string, unknown>> = [];
      for (const l of raw) {
        const from = codes[l.a],
          to = codes[(l.a + 1 + l.b) % n];
        const id = `${from}|${to}|${l.kind}|${l.validFrom}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(
          strip({
            from,
            to,
            kind: l.kind,
            flavour: l.kind === 'LEADERSHIP' ? l.flavour : l.flavour === null ? null : undefined,
            validFrom: l.validFrom,
            validTo: l.life === null ? null : addDays(l.validFrom, l.life),
            basis: l.basis,
          }),
        );
      }
      return out; // duplicates dropped: `min` is approximate
    });
}

/** A valid tiaokuai/v1 file with random units (unique random codes), fact histories and links. */
function validDocArb(opts: {
  minUnits: number;
  maxUnits: number;
  minLinks: number;
  maxLinks: number;
}): fc.Arbitrary<any> {
  return fc.uniqueArray(goodCode, { minLength: opts.minUnits, maxLength: opts.maxUnits }).chain((codes) =>
    fc
      .record({
        units: fc.tuple(...codes.map((_, i) => unitArb(codes, i))),
        links: linksArb(codes, opts.minLinks, opts.maxLinks),
      })
      .map(({ units, links }) => clone({ format: FORMAT, units, links })),
  );
}

// ---------------------------------------------------------------------------------------
// Faults: each breaks a file in one way and says where the problem must be reported

interface Box {
  doc: any;
}
interface Fault {
  label: string;
  apply(box: Box): string | null;
}

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const define = (o: Record<string, unknown>, k: string, v: unknown) =>
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

function entry(box: Box, list: 'units' | 'links', k: number): { i: number; e: Record<string, any>; all: any[] } | null {
  const all = isObj(box.doc) ? box.doc[list] : undefined;
  if (!Array.isArray(all) || all.length === 0) return null;
  const i = k % all.length;
  return isObj(all[i]) ? { i, e: all[i], all } : null;
}
const fault = <T>(label: string, arb: fc.Arbitrary<T>, apply: (box: Box, v: T) => string | null): fc.Arbitrary<Fault> =>
  arb.map((v) => ({ label: `${label} ${short(v)}`, apply: (box: Box) => apply(box, v) }));
function short(v: unknown): string {
  try {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 120 ? `${s.slice(0, 120)}…` : s;
  } catch {
    return '(deep)';
  }
}

const nullOr = <T>(a: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), a);
const nonObject = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 5 }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
);
const extraKey = (allowed: string[]) =>
  fc
    .oneof(
      fc.constantFrom(
        'facts',
        'id',
        'Code',
        'valid_from',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'versions ',
        '',
        'code\u0000',
      ),
      fc.string({ maxLength: 10 }),
    )
    .filter((k) => !allowed.includes(k));
const missing = fc.nat(9999).map((n) => `ZZ-MISSING-${n}`);

/** Bad values for a unit's (or version's) fields, null included where the field is required. */
const badUnitValue: Record<string, fc.Arbitrary<unknown>> = {
  code: fc.oneof(badCodeString, nonString, fc.constant(null)),
  name: fc.oneof(badTextString(200), nonString, fc.constant(null)),
  kind: fc.oneof(badEnumString(ENUMS.kind), nonString, fc.constant(null)),
  level: fc.oneof(badEnumString(ENUMS.level), nonString, fc.constant(null)),
  region: fc.oneof(badRegionString, nonString, fc.constant(null)),
  validFrom: nullOr(badDay),
  validTo: badDay,
  partyRelationMode: fc.oneof(badEnumString(ENUMS.mode), nonString),
  businessMode: fc.oneof(badEnumString(ENUMS.mode), nonString),
  competentDepartment: fc.oneof(badCodeString, nonString),
  locality: fc.oneof(badCodeString, nonString),
};
const badLinkValue: Record<string, fc.Arbitrary<unknown>> = {
  from: fc.oneof(badCodeString, nonString, fc.constant(null)),
  to: fc.oneof(badCodeString, nonString, fc.constant(null)),
  kind: fc.oneof(badEnumString(ENUMS.linkKind), nonString, fc.constant(null)),
  flavour: fc.oneof(badEnumString(ENUMS.flavour), nonString),
  validFrom: nullOr(badDay),
  validTo: badDay,
  basis: fc.oneof(badTextString(500), nonString),
};
const fieldAndBad = (table: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(...Object.entries(table).map(([f, arb]) => arb.map((v) => ({ f, v }))));

/** Gives the unit a `versions` list (from its top-level facts) if it has none; false when that is not possible. */
function withVersions(u: Record<string, any>): any[] | null {
  if (Array.isArray(u.versions) && u.versions.length > 0 && u.versions.every(isObj)) return u.versions;
  if (u.versions !== undefined && u.versions !== null && !Array.isArray(u.versions)) return null;
  if (!isDay(u.validFrom)) return null;
  const v: Record<string, unknown> = { validFrom: u.validFrom, validTo: u.validTo ?? null };
  for (const k of FACT_FIELDS) if (u[k] !== undefined) v[k] = u[k];
  u.versions = [v];
  return u.versions;
}
const latest = (versions: any[]) => versions.reduce((a, b) => (String(b.validFrom) > String(a.validFrom) ? b : a));

const unitFaults: Array<fc.Arbitrary<Fault>> = [
  fault(
    'drop a required unit field',
    fc.record({ k: fc.nat(), f: fc.constantFrom('code', 'name', 'kind', 'level', 'region', 'validFrom') }),
    (box, { k, f }) => {
      const x = entry(box, 'units', k);
      if (!x) return null;
      delete x.e[f];
      return `units[${x.i}].${f}`;
    },
  ),
  fault('a bad unit field value', fc.record({ k: fc.nat(), fv: fieldAndBad(badUnitValue) }), (box, { k, fv }) => {
    const x = entry(box, 'units', k);
    if (!x) return null;
    x.e[fv.f] = fv.v;
    return `units[${x.i}].${fv.f}`;
  }),
  fault(
    'a unit ending before it starts',
    fc.record({ k: fc.nat(), n: fc.integer({ min: 1, max: 5000 }) }),
    (box, { k, n }) => {
      const x = entry(box, 'units', k);
      if (!x || !isDay(x.e.validFrom)) return null;
      x.e.validTo = addDays(x.e.validFrom, -n);
      return `units[${x.i}].validTo`;
    },
  ),
  fault('a duplicate unit code', fc.record({ k: fc.nat(), j: fc.nat(), push: fc.boolean() }), (box, { k, j, push }) => {
    const x = entry(box, 'units', k);
    if (!x || typeof x.e.code !== 'string') return null;
    if (push || x.all.length < 2) {
      x.all.push({ ...x.e });
      return `units[${x.all.length - 1}].code`;
    }
    const other = (x.i + 1 + (j % (x.all.length - 1))) % x.all.length;
    if (!isObj(x.all[other])) return null;
    x.all[other].code = x.e.code;
    return `units[${Math.max(other, x.i)}].code`;
  }),
  fault(
    'a dangling or self reference in facts',
    fc.record({ k: fc.nat(), f: fc.constantFrom('locality', 'competentDepartment'), self: fc.boolean(), m: missing }),
    (box, { k, f, self, m }) => {
      const x = entry(box, 'units', k);
      if (!x || (self && (typeof x.e.code !== 'string' || !CODE_RE.test(x.e.code)))) return null;
      x.e[f] = self ? x.e.code : m;
      return `units[${x.i}].${f}`;
    },
  ),
  fault(
    'an unknown unit field',
    fc.record({ k: fc.nat(), key: extraKey(UNIT_FIELDS), v: fc.jsonValue({ maxDepth: 2 }) }),
    (box, { k, key, v }) => {
      const x = entry(box, 'units', k);
      if (!x) return null;
      define(x.e, key, v);
      return fieldPath(`units[${x.i}]`, key);
    },
  ),
  fault(
    'a unit that is no object',
    fc.record({ k: fc.nat(), v: fc.oneof(nonObject, fc.constant('wrap')) }),
    (box, { k, v }) => {
      const x = entry(box, 'units', k);
      if (!x) return null;
      x.all[x.i] = v === 'wrap' ? [x.e] : v;
      return `units[${x.i}]`;
    },
  ),
  fault('null in every unit field', fc.nat(), (box, k) => {
    const x = entry(box, 'units', k);
    if (!x) return null;
    for (const f of UNIT_FIELDS) x.e[f] = null;
    return `units[${x.i}]`;
  }),
  fault(
    'versions that are no array',
    fc.record({
      k: fc.nat(),
      v: fc.oneof(
        fc.string({ maxLength: 5 }),
        fc.integer(),
        fc.boolean(),
        fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
        deep,
      ),
    }),
    (box, { k, v }) => {
      const x = entry(box, 'units', k);
      if (!x) return null;
      x.e.versions = v;
      return `units[${x.i}].versions`;
    },
  ),
  fault('a version that is no object', fc.record({ k: fc.nat(), n: fc.nat(), v: nonObject }), (box, { k, n, v }) => {
    const x = entry(box, 'units', k);
    const vs = x && withVersions(x.e);
    if (!x || !vs) return null;
    const i = n % vs.length;
    vs[i] = v;
    return `units[${x.i}].versions[${i}]`;
  }),
  fault('overlapping versions', fc.record({ k: fc.nat(), n: fc.nat() }), (box, { k, n }) => {
    const x = entry(box, 'units', k);
    const vs = x && withVersions(x.e);
    if (!x || !vs) return null;
    vs.push({ ...vs[n % vs.length] });
    return `units[${x.i}].versions`;
  }),
  fault(
    'a version starting before the unit',
    fc.record({ k: fc.nat(), n: fc.nat(), d: fc.integer({ min: 1, max: 5000 }) }),
    (box, { k, n, d }) => {
      const x = entry(box, 'units', k);
      const vs = x && withVersions(x.e);
      if (!x || !vs || !isDay(x.e.validFrom)) return null;
      const i = n % vs.length;
      vs[i].validFrom = addDays(x.e.validFrom, -d);
      return `units[${x.i}].versions[${i}].validFrom`;
    },
  ),
  fault(
    'a bad version field',
    fc.record({
      k: fc.nat(),
      n: fc.nat(),
      fv: fieldAndBad({
        validFrom: nullOr(badDay),
        validTo: badDay,
        partyRelationMode: badUnitValue.partyRelationMode,
        businessMode: badUnitValue.businessMode,
        competentDepartment: badUnitValue.competentDepartment,
        locality: badUnitValue.locality,
      }),
    }),
    (box, { k, n, fv }) => {
      const x = entry(box, 'units', k);
      const vs = x && withVersions(x.e);
      if (!x || !vs) return null;
      const i = n % vs.length;
      vs[i][fv.f] = fv.v;
      return `units[${x.i}].versions[${i}].${fv.f}`;
    },
  ),
  fault(
    'an unknown version field',
    fc.record({ k: fc.nat(), n: fc.nat(), key: extraKey(VERSION_FIELDS), v: fc.jsonValue({ maxDepth: 1 }) }),
    (box, { k, n, key, v }) => {
      const x = entry(box, 'units', k);
      const vs = x && withVersions(x.e);
      if (!x || !vs) return null;
      const i = n % vs.length;
      define(vs[i], key, v);
      return fieldPath(`units[${x.i}].versions[${i}]`, key);
    },
  ),
  fault(
    'a version ending before it starts',
    fc.record({ k: fc.nat(), n: fc.nat(), d: fc.integer({ min: 1, max: 5000 }) }),
    (box, { k, n, d }) => {
      const x = entry(box, 'units', k);
      const vs = x && withVersions(x.e);
      if (!x || !vs) return null;
      const i = n % vs.length;
      if (!isDay(vs[i].validFrom)) return null;
      vs[i].validTo = addDays(vs[i].validFrom, -d);
      return `units[${x.i}].versions[${i}].validTo`;
    },
  ),
  fault('an open version of an ended unit', fc.record({ k: fc.nat(), n: fc.nat() }), (box, { k, n }) => {
    const x = entry(box, 'units', k);
    const vs = x && withVersions(x.e);
    if (!x || !vs) return null;
    const i = n % vs.length;
    vs[i].validTo = null;
    if (x.e.validTo == null) x.e.validTo = '2999-12-31';
    return `units[${x.i}].versions[${i}].validTo`;
  }),
  fault('top-level facts contradicting the latest version', fc.nat(), (box, k) => {
    const x = entry(box, 'units', k);
    const vs = x && withVersions(x.e);
    if (!x || !vs) return null;
    const last = latest(vs);
    x.e.partyRelationMode = last.partyRelationMode === 'VERTICAL' ? 'TERRITORIAL' : 'VERTICAL';
    return `units[${x.i}].partyRelationMode`;
  }),
];

const linkFaults: Array<fc.Arbitrary<Fault>> = [
  fault(
    'drop a required link field',
    fc.record({ k: fc.nat(), f: fc.constantFrom('from', 'to', 'kind', 'validFrom') }),
    (box, { k, f }) => {
      const x = entry(box, 'links', k);
      if (!x) return null;
      delete x.e[f];
      return `links[${x.i}].${f}`;
    },
  ),
  fault('a bad link field value', fc.record({ k: fc.nat(), fv: fieldAndBad(badLinkValue) }), (box, { k, fv }) => {
    const x = entry(box, 'links', k);
    if (!x) return null;
    x.e[fv.f] = fv.v;
    return `links[${x.i}].${fv.f}`;
  }),
  fault(
    'a flavour on a link that is no LEADERSHIP',
    fc.record({
      k: fc.nat(),
      kind: fc.constantFrom('GUIDANCE', 'AFFILIATION', 'BUSINESS'),
      fl: fc.constantFrom(...ENUMS.flavour),
    }),
    (box, { k, kind, fl }) => {
      const x = entry(box, 'links', k);
      if (!x) return null;
      x.e.kind = kind;
      x.e.flavour = fl;
      return `links[${x.i}].flavour`;
    },
  ),
  fault('a link to itself', fc.nat(), (box, k) => {
    const x = entry(box, 'links', k);
    if (!x || typeof x.e.from !== 'string' || !CODE_RE.test(x.e.from)) return null;
    x.e.to = x.e.from;
    return `links[${x.i}].to`;
  }),
  fault(
    'a dangling link end',
    fc.record({ k: fc.nat(), f: fc.constantFrom('from', 'to'), m: missing }),
    (box, { k, f, m }) => {
      const x = entry(box, 'links', k);
      if (!x) return null;
      x.e[f] = m;
      return `links[${x.i}].${f}`;
    },
  ),
  fault('a duplicate link', fc.nat(), (box, k) => {
    const x = entry(box, 'links', k);
    if (!x) return null;
    x.all.push({ ...x.e });
    return `links[${x.all.length - 1}]`;
  }),
  fault(
    'a link ending before it starts',
    fc.record({ k: fc.nat(), d: fc.integer({ min: 1, max: 5000 }) }),
    (box, { k, d }) => {
      const x = entry(box, 'links', k);
      if (!x || !isDay(x.e.validFrom)) return null;
      x.e.validTo = addDays(x.e.validFrom, -d);
      return `links[${x.i}].validTo`;
    },
  ),
  fault(
    'an unknown link field',
    fc.record({ k: fc.nat(), key: extraKey(LINK_FIELDS), v: fc.jsonValue({ maxDepth: 2 }) }),
    (box, { k, key, v }) => {
      const x = entry(box, 'links', k);
      if (!x) return null;
      define(x.e, key, v);
      return fieldPath(`links[${x.i}]`, key);
    },
  ),
  fault(
    'a link that is no object',
    fc.record({ k: fc.nat(), v: fc.oneof(nonObject, fc.constant('wrap')) }),
    (box, { k, v }) => {
      const x = entry(box, 'links', k);
      if (!x) return null;
      x.all[x.i] = v === 'wrap' ? [x.e] : v;
      return `links[${x.i}]`;
    },
  ),
];

const docFaults: Array<fc.Arbitrary<Fault>> = [
  fault(
    'a wrong format',
    fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('tiaokuai/v2', 'TIAOKUAI/V1', ' tiaokuai/v1', 'tiaokuai/v1 ', 'tiaokuai/v1\u0000', '', null),
      nonString,
    ),
    (box, v) => {
      if (!isObj(box.doc)) return null;
      if (v === undefined) delete box.doc.format;
      else box.doc.format = v;
      return 'format';
    },
  ),
  fault(
    'an unknown top-level field',
    fc.record({ key: extraKey(TOP_LEVEL), v: fc.jsonValue({ maxDepth: 2 }) }),
    (box, { key, v }) => {
      if (!isObj(box.doc)) return null;
      define(box.doc, key, v);
      return fieldPath('$', key);
    },
  ),
  fault(
    'units or links that are no array',
    fc.record({
      f: fc.constantFrom('units', 'links'),
      v: fc.oneof(
        fc.constant(null),
        fc.string({ maxLength: 5 }),
        fc.integer(),
        fc.boolean(),
        fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
      ),
    }),
    (box, { f, v }) => {
      if (!isObj(box.doc)) return null;
      box.doc[f] = v;
      return f;
    },
  ),
  fault(
    'a file that is no object',
    fc.oneof(fc.constant('wrap'), fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant([])),
    (box, v) => {
      box.doc = v === 'wrap' ? [box.doc] : v;
      return '$';
    },
  ),
];

const anyFault = fc.oneof(
  { arbitrary: fc.oneof(...unitFaults), weight: 6 },
  { arbitrary: fc.oneof(...linkFaults), weight: 3 },
  { arbitrary: fc.oneof(...docFaults), weight: 1 },
);

/** Valid files to break: the small province, the demo scenario, and random ones. */
const baseDoc = fc.oneof(
  fc.constant(null).map(() => smallProvince()),
  fc.constant(null).map(() => clone(SCENARIO)),
  validDocArb({ minUnits: 2, maxUnits: 6, minLinks: 1, maxLinks: 6 }).filter((d) => d.links.length > 0),
);

// ---------------------------------------------------------------------------------------
// Checks

const run = (doc: unknown, dry: boolean) => h.run(IMPORT, { d: doc, dry });

/** The answer is a report (no GraphQL error), and a consistent one. */
function expectReport(r: GqlResult): any {
  if (r.errors?.length)
    throw new Error(`GraphQL errors instead of a report: ${JSON.stringify(r.errors).slice(0, 2000)}`);
  const rep = r.data!.importUnits;
  expect(rep.ok).toBe(rep.problems.length === 0);
  for (const p of rep.problems) {
    expect(typeof p.message === 'string' && p.message.length > 0).toBe(true);
    if (!PROBLEM_PATH.test(p.path)) throw new Error(`problem path is no JSON path: ${JSON.stringify(p)}`);
    expect(p.message.length).toBeLessThan(1000);
  }
  if (!rep.ok) {
    expect([rep.created, rep.updated, rep.unchanged]).toEqual([0, 0, 0]);
    expect(rep.changedCodes).toEqual([]);
  }
  return rep;
}

/** A file with the injected faults: refused, each fault located, nothing written (dry run or not). */
async function expectRefused(doc: unknown, dry: boolean, expected: string[], every: boolean) {
  const before = await dbState(h);
  const rep = expectReport(await run(doc, dry));
  expect(rep.ok).toBe(false);
  const paths: string[] = rep.problems.map((p: any) => p.path);
  const found = expected.filter((e) => paths.some((p) => related(p, e)));
  if (every ? found.length !== expected.length : found.length === 0) {
    throw new Error(
      `expected problems at ${JSON.stringify(expected)}, got ${JSON.stringify(rep.problems).slice(0, 3000)}`,
    );
  }
  expect(await dbState(h)).toBe(before);
}

// ---------------------------------------------------------------------------------------

describe('importUnits, properties', () => {
  beforeEach(async () => {
    await baseline.ensure();
  });

  it("a valid file with one fault is refused with a problem at the fault's path, and writes nothing (dry run or not)", async () => {
    // The bugs this property found, run first whatever the seed: each was a 500, a path that is
    // no JSON path, or accepted text that did not read back as written.
    const pinned = (label: string, apply: (doc: any) => string): Fault => ({ label, apply: (box) => apply(box.doc) });
    let nested: unknown = 'x';
    for (let i = 0; i < 30_000; i++) nested = [nested];
    const examples: Array<[any, Fault, boolean]> = [
      [
        smallProvince(),
        pinned('NUL in a name', (d) => {
          d.units[0].name = 'a\u0000b';
          return 'units[0].name';
        }),
        false,
      ],
      [
        smallProvince(),
        pinned('NUL in a reference', (d) => {
          d.links[0].from = 'a\u0000b';
          return 'links[0].from';
        }),
        true,
      ],
      [
        smallProvince(),
        pinned('a lone surrogate in a name', (d) => {
          d.units[2].name = 'x\uD800';
          return 'units[2].name';
        }),
        false,
      ],
      [
        smallProvince(),
        pinned('a BOM leading a basis', (d) => {
          d.links[6].basis = '\uFEFF条例';
          return 'links[6].basis';
        }),
        false,
      ],
      [
        smallProvince(),
        pinned('a kind nested 30,000 deep', (d) => {
          d.units[1].kind = nested;
          return 'units[1].kind';
        }),
        false,
      ],
      [
        smallProvince(),
        pinned('an empty unknown key', (d) => {
          d.units[0][''] = 1;
          return 'units[0][""]';
        }),
        true,
      ],
    ];
    await fc.assert(
      fc.asyncProperty(baseDoc, anyFault, fc.boolean(), async (doc, f, dry) => {
        const box = { doc: clone(doc) };
        const at = f.apply(box);
        fc.pre(at !== null);
        await expectRefused(box.doc, dry, [at!], true);
      }),
      { ...fcOptions(250), examples },
    );
  }, 120_000);

  it('a valid file with several faults is refused, lists a problem for them, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        baseDoc,
        fc.array(anyFault, { minLength: 2, maxLength: 5 }),
        fc.boolean(),
        async (doc, faults, dry) => {
          const box = { doc: clone(doc) };
          const at = faults.map((f) => f.apply(box)).filter((p): p is string => p !== null);
          fc.pre(at.length > 0);
          await expectRefused(box.doc, dry, at, false);
        },
      ),
      fcOptions(80),
    );
  }, 120_000);

  /** Plausible values for any field, so that random entries are sometimes valid (and imported). */
  const plausible = fc.oneof(
    fc.constantFrom(
      'ZY',
      'JS-SW',
      'JS-JGGW',
      'SZ-SWJ',
      'SZ-DW',
      'NEW-1',
      'NEW-2',
      'LEADERSHIP',
      'GUIDANCE',
      'AFFILIATION',
      'BUSINESS',
      'UNIFIED',
      'SPECIFIC',
      'BRANCH',
      'GRASSROOTS_UNIT',
      'COUNTY',
      'PROVINCIAL',
      'VERTICAL',
      'TERRITORIAL',
      '320000',
      '2000-01-01',
      '2020-06-15',
      '2026-02-30',
      '单位',
      null,
    ),
    day('1990-01-01', 365 * 40),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const fieldwise = (fields: string[]) =>
    fc.dictionary(fc.constantFrom(...fields, 'x'), plausible, { maxKeys: fields.length });
  const mayBreak: fc.Arbitrary<Fault> = fc.oneof(
    fault(
      'set any field',
      fc.record({
        list: fc.constantFrom<'units' | 'links'>('units', 'links'),
        k: fc.nat(),
        f: fc.constantFrom(...UNIT_FIELDS, ...LINK_FIELDS),
        v: plausible,
      }),
      (box, { list, k, f, v }) => {
        const x = entry(box, list, k);
        if (!x) return null;
        x.e[f] = v;
        return `${list}[${x.i}]`;
      },
    ),
    fault(
      'drop any field',
      fc.record({
        list: fc.constantFrom<'units' | 'links'>('units', 'links'),
        k: fc.nat(),
        f: fc.constantFrom(...UNIT_FIELDS, ...LINK_FIELDS),
      }),
      (box, { list, k, f }) => {
        const x = entry(box, list, k);
        if (!x) return null;
        delete x.e[f];
        return `${list}[${x.i}]`;
      },
    ),
    anyFault,
  );
  /** Edits that keep a file valid: odd but acceptable text, optional fields null or absent. */
  const benign: fc.Arbitrary<Fault> = fc.oneof(
    fault('rename a unit', fc.record({ k: fc.nat(), name: goodText(200) }), (box, { k, name }) => {
      const x = entry(box, 'units', k);
      if (!x) return null;
      x.e.name = name;
      return null;
    }),
    fault(
      'change a link basis',
      fc.record({ k: fc.nat(), basis: fc.option(goodText(500, 'MULTILINE'), { nil: undefined }) }),
      (box, { k, basis }) => {
        const x = entry(box, 'links', k);
        if (!x) return null;
        if (basis === undefined) delete x.e.basis;
        else x.e.basis = basis;
        return null;
      },
    ),
    fault('null optional link fields', fc.nat(), (box, k) => {
      const x = entry(box, 'links', k);
      if (!x) return null;
      for (const f of ['flavour', 'validTo', 'basis']) x.e[f] = null;
      return null;
    }),
    fault("drop a unit's facts", fc.nat(), (box, k) => {
      const x = entry(box, 'units', k);
      if (!x) return null;
      for (const f of ['versions', ...FACT_FIELDS]) delete x.e[f];
      return null;
    }),
  );
  const anyDocument = fc.oneof(
    fc.tuple(baseDoc, fc.array(benign, { minLength: 1, maxLength: 4 })).map(([doc, ops]) => {
      const box = { doc: clone(doc) };
      for (const op of ops) op.apply(box);
      return box.doc;
    }),
    fc.jsonValue({ maxDepth: 4 }),
    fc
      .anything({
        maxDepth: 3,
        withMap: true,
        withSet: true,
        withDate: true,
        withTypedArray: true,
        withSparseArray: true,
        withBoxedValues: true,
        withObjectString: true,
        withNullPrototype: true,
      })
      .map((v) => JSON.parse(JSON.stringify(v) ?? 'null')),
    fc.record(
      {
        format: fc.oneof(fc.constant(FORMAT), plausible),
        units: fc.array(fieldwise(UNIT_FIELDS), { maxLength: 4 }),
        links: fc.array(fieldwise(LINK_FIELDS), { maxLength: 4 }),
      },
      { requiredKeys: [] },
    ),
    fc.record({
      format: fc.constant(FORMAT),
      links: fc.array(fc.record({ from: plausible, to: plausible, kind: plausible, validFrom: plausible }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    fc.tuple(baseDoc, fc.array(mayBreak, { minLength: 1, maxLength: 4 })).map(([doc, ops]) => {
      const box = { doc: clone(doc) };
      for (const op of ops) op.apply(box);
      return box.doc;
    }),
  );

  const OPERATOR: Identity = { ...HUB_OPERATOR, requestId: 'prop' };
  /**
   * Who imports: mostly the operator; ADMINs import inside their jurisdiction (else FORBIDDEN); EDITOR and VIEWER may
   * not import.
   */
  const who = fc.oneof(
    { arbitrary: fc.constant(OPERATOR), weight: 3 },
    fc.constantFrom<Identity>(
      { subject: 'ad-gw', body: 'JS-JGGW', role: 'ADMIN', hubAdmin: false, requestId: 'prop-ad-gw' },
      { subject: 'ad-sw', body: 'JS-SW', role: 'ADMIN', hubAdmin: false, requestId: 'prop-ad-sw' },
      { subject: 'ed', body: 'JS-SW', role: 'EDITOR', hubAdmin: false, requestId: 'prop-ed' },
      { subject: 'vw', body: 'JS-SW', role: 'VIEWER', hubAdmin: false, requestId: 'prop-vw' },
    ),
  );

  it('any JSON, by anyone: a report or a client error, the dry run answers like the real import, a refusal writes nothing, an accepted file re-imports unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument, who, async (doc, identity) => {
        const before = await dbState(h);
        const attempt = async (dry: boolean) => {
          const r = await h.run(IMPORT, { d: doc, dry }, identity);
          const errors = expectClientErrors(r);
          if (errors.length === 0) return { report: expectReport(r) };
          expect(
            errors.every(
              (e) =>
                e.extensions!.code === 'FORBIDDEN' ||
                (doc === null && e.extensions!.code === 'BAD_USER_INPUT' && e.extensions!.field === 'd'),
            ),
          ).toBe(true);
          if (identity.hubAdmin) expect(doc).toBeNull(); // the operator gets a report for any document but null
          return { errors: errors.map((e) => ({ code: e.extensions!.code, field: e.extensions!.field })) };
        };
        const dry = await attempt(true);
        expect(await dbState(h)).toBe(before);
        const real = await attempt(false);
        if (!real.report) {
          expect(real).toEqual(dry);
          expect(await dbState(h)).toBe(before);
          return;
        }
        expect({ ...real.report, dryRun: true }).toEqual(dry.report);
        if (!real.report.ok) {
          expect(await dbState(h)).toBe(before);
          return;
        }
        const again = expectReport(await h.run(IMPORT, { d: doc }, identity));
        expect(again).toMatchObject({
          ok: true,
          created: 0,
          updated: 0,
          unchanged: real.report.created + real.report.updated + real.report.unchanged,
          changedCodes: [],
        });
        await baseline.restore();
      }),
      fcOptions(150),
    );
  }, 120_000);

  it('a document nested 100,000 levels deep in a required field is refused like any other bad value', async () => {
    let v: unknown = 'x';
    for (let i = 0; i < 100_000; i++) v = { k: v };
    const doc = smallProvince();
    doc.units[1].kind = v;
    doc.links[0].from = v;
    await expectRefused(doc, false, ['units[1].kind', 'links[0].from'], true);
  });

  it('a file naming 70,000 unknown units is refused (not an error: more codes than one SQL statement can carry parameters)', async () => {
    const links = Array.from({ length: 70_000 }, (_, i) => ({
      from: `X${i}`,
      to: 'ZY',
      kind: 'GUIDANCE',
      validFrom: '2000-01-01',
    }));
    const before = await dbState(h);
    const r = await h.run(`mutation($d: JSON!) { importUnits(document: $d) { ok created problems { path } } }`, {
      d: { format: FORMAT, links },
    });
    expectClientErrors(r);
    const rep = r.data!.importUnits;
    expect(rep.ok).toBe(false);
    expect(rep.problems).toHaveLength(70_000);
    expect([rep.problems[0].path, rep.problems[69_999].path]).toEqual(['links[0].from', 'links[69999].from']);
    expect(await dbState(h)).toBe(before);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------
// Round trip

/** A file's units and links in one comparable form: versions as they will be stored. */
function normalise(doc: any) {
  const facts = (o: any) => Object.fromEntries(FACT_FIELDS.filter((k) => o[k] != null).map((k) => [k, o[k]]));
  const units = [...doc.units]
    .map((u: any) => {
      const versions = Array.isArray(u.versions)
        ? u.versions.map((v: any) => ({ validFrom: v.validFrom, validTo: v.validTo ?? null, ...facts(v) }))
        : Object.keys(facts(u)).length
          ? [{ validFrom: u.validFrom, validTo: u.validTo ?? null, ...facts(u) }]
          : [];
      return {
        code: u.code,
        name: u.name,
        kind: u.kind,
        level: u.level,
        region: u.region,
        validFrom: u.validFrom,
        validTo: u.validTo ?? null,
        versions: versions.sort((a: any, b: any) => (a.validFrom < b.validFrom ? -1 : 1)),
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const links = [...doc.links]
    .map((l: any) => ({
      from: l.from,
      to: l.to,
      kind: l.kind,
      flavour: l.flavour ?? null,
      validFrom: l.validFrom,
      validTo: l.validTo ?? null,
      basis: l.basis ?? null,
    }))
    .sort((a, b) =>
      `${a.from}|${a.to}|${a.kind}|${a.validFrom}` < `${b.from}|${b.to}|${b.kind}|${b.validFrom}` ? -1 : 1,
    );
  return { units, links };
}

describe('importUnits, round trip', () => {
  it('a valid random file imports (the dry run says so first), re-imports unchanged, and export → import → export is stable', async () => {
    await fc.assert(
      fc.asyncProperty(validDocArb({ minUnits: 1, maxUnits: 8, minLinks: 0, maxLinks: 10 }), async (doc) => {
        await h.reset();
        const total = doc.units.length + doc.links.length;
        const dry = expectReport(await run(doc, true));
        expect(dry).toMatchObject({ ok: true, created: total, updated: 0, unchanged: 0 });
        const first = expectReport(await run(doc, false));
        expect({ ...first, dryRun: true }).toEqual(dry);
        expect(expectReport(await run(doc, false))).toMatchObject({
          ok: true,
          created: 0,
          updated: 0,
          unchanged: total,
        });
        const exported = (await h.ok(`{ exportUnits }`)).exportUnits;
        expect(normalise(exported)).toEqual(normalise(doc));
        expect(expectReport(await run(exported, false))).toMatchObject({
          ok: true,
          created: 0,
          updated: 0,
          unchanged: total,
        });
        expect((await h.ok(`{ exportUnits }`)).exportUnits).toEqual(exported);
      }),
      fcOptions(40),
    );
  }, 120_000);
});
