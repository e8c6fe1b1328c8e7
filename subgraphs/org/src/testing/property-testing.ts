/**
 * Helpers for the property-based specs (fast-check): the database's whole state to compare
 * before and after a refused request, the check that every error is a client error, and
 * arbitraries for valid and for malformed values.
 *
 * Runs are reproducible: every property uses the seed below (FC_SEED overrides it; a failure
 * prints the seed and the counterexample's path). FC_RUNS scales every property's number of
 * runs (FC_RUNS=10 for a longer local search).
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@tiaokuai/platform';
import { addDays, isDay } from '@tiaokuai/leadership';
import { smallProvince } from './fixtures';
import { LEADERSHIP_FLAVOURS, LINK_KINDS, MANAGEMENT_MODES, UNIT_KINDS, UNIT_LEVELS } from '../domain/types';
import { CODE_RE } from '../domain/interchange/format';
import type { GqlResult, OrgHarness } from './index';

export const SEED = Number(process.env.FC_SEED ?? 20261115);
const SCALE = Number(process.env.FC_RUNS ?? 1);

/** fast-check options for a property of `numRuns` runs (scaled by FC_RUNS), with the fixed seed. */
export function fcOptions(numRuns: number): fc.Parameters<unknown> {
  return { numRuns: Math.max(1, Math.round(numRuns * SCALE)), seed: SEED };
}

export const IMPORT = `mutation($d: JSON!, $dry: Boolean) { importUnits(document: $d, dryRun: $dry) {
  ok dryRun created updated unchanged problems { path message } units { created updated unchanged } links { created updated unchanged } changedCodes } }`;

// ---------------------------------------------------------------------------------------
// The database's state

/**
 * Everything a request could have written, as one string: the full content of every table
 * of the `org` schema (the revision counter included), and the audit log's row count and
 * highest id (it is append-only: triggers refuse UPDATE and DELETE, so those two see any
 * write). Tables are found in the catalogue, so a table added later is covered too. Read as
 * the schema's owner (the test databases' superuser), past the row-level security that
 * hides audit entries from the application's role.
 */
export async function dbState(h: OrgHarness): Promise<string> {
  return h.database.asOwner(async (db) => {
    const tables = await rowsOf<{ t: string }>(
      db,
      sql`select tablename as t from pg_tables where schemaname = 'org' and tablename not in ('audit_log', '__migrations') order by tablename`,
    );
    const parts = tables.map(
      ({ t }) => `'${t}', (select coalesce(json_agg(x order by x::text), '[]'::json) from "org"."${t}" x)`,
    );
    parts.push(`'audit_log', (select json_build_array(count(*), coalesce(max(id), 0)) from org.audit_log)`);
    const [row] = await rowsOf<{ s: string }>(db, sql.raw(`select json_build_object(${parts.join(', ')})::text as s`));
    return row.s;
  });
}

/** Number of audit entries (each successful mutation writes exactly one). */
export async function auditCount(h: OrgHarness): Promise<number> {
  const [row] = await h.database.asOwner((db) =>
    rowsOf<{ n: number }>(db, sql`select count(*)::int as n from org.audit_log`),
  );
  return Number(row.n);
}

/**
 * The state every run starts from: the small province loaded. `restore()` brings it back
 * after a run that wrote (a request that succeeded), `state` is its dbState.
 */
export class Baseline {
  state = '';
  constructor(
    private readonly h: OrgHarness,
    private readonly load: () => Promise<void> = () => loadSmallProvince(h),
  ) {}
  async restore(): Promise<void> {
    await this.h.reset();
    await this.load();
    this.state = await dbState(this.h);
  }
  /** Restores unless the database is still in the baseline state. */
  async ensure(): Promise<void> {
    if (!this.state || (await dbState(this.h)) !== this.state) await this.restore();
  }
}

export async function loadSmallProvince(h: OrgHarness): Promise<void> {
  const r = await h.run(IMPORT, { d: smallProvince() });
  if (!r.data?.importUnits?.ok) throw new Error(`baseline import failed: ${JSON.stringify(r)}`);
}

// ---------------------------------------------------------------------------------------
// Errors

/** The codes a client may see for a request it got wrong. */
export const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
]);

/** Is one path inside the other (or the same)? `units[3]` ~ `units[3].kind`, `input` ~ `input.facts.locality`. */
export function related(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return inside(a, b) || inside(b, a);
}

/**
 * Every error of a result is a client error: a known code, a message, no stack trace, and
 * for BAD_USER_INPUT the offending field (a non-empty string). Returns the errors.
 */
export function expectClientErrors(r: GqlResult): NonNullable<GqlResult['errors']> {
  const errors = r.errors ?? [];
  for (const e of errors) {
    const code = e.extensions?.code;
    if (!CLIENT_CODES.has(code)) throw new Error(`not a client error: ${JSON.stringify(e).slice(0, 2000)}`);
    if (typeof e.message !== 'string' || e.message === '')
      throw new Error(`error without a message: ${JSON.stringify(e)}`);
    if (e.extensions?.stacktrace !== undefined)
      throw new Error(`error with a stack trace: ${JSON.stringify(e).slice(0, 2000)}`);
    if (code === 'BAD_USER_INPUT' && (typeof e.extensions?.field !== 'string' || e.extensions.field === '')) {
      throw new Error(`BAD_USER_INPUT without its field: ${JSON.stringify(e).slice(0, 2000)}`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------
// Values

export const day = (from = '1950-01-01', span = 365 * 80) =>
  fc.integer({ min: 0, max: span }).map((n) => addDays(from, n));

/**
 * Text the hub stores as given: any well-formed string, not blank, not starting with a BOM, and
 * free of the controls its kind refuses (leadership's text.ts, restated here rather than called: a
 * name (`LINE`) holds no C0 or C1 control, DEL, U+2028 or U+2029; free text (`MULTILINE`, a
 * link's basis) may also hold LF and TAB).
 */
export const goodText = (max: number, kind: 'LINE' | 'MULTILINE' = 'LINE') =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
      fc.constantFrom(
        '江苏省应急管理厅党组',
        '名称\t带制表符',
        '第一行\n第二行',
        '"引号" \\ 反斜杠',
        '\u0001\u001f\u007f',
        '😀👨‍👩‍👧',
        '\u2028\u2029',
        '零宽\uFEFF',
        '\uFFFF\uFFFE',
        '\u00A0不换行空格',
      ),
    )
    .filter(
      (s) =>
        s.trim() !== '' &&
        !(
          kind === 'LINE'
            ? /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/
            : /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/
        ).test(s) &&
        !s.startsWith('\uFEFF') &&
        isWellFormed(s) &&
        s.length <= max,
    );

export function isWellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

export const goodCode = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,9}$/);
export const region = fc.stringMatching(/^[1-8]\d{5}$/);

/** A value nested `depth` levels deep in arrays or objects (deep enough to overflow a recursive JSON.stringify). */
export const deep = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 20_000, max: 60_000 })),
    asArray: fc.boolean(),
  })
  .map(({ depth, asArray }) => {
    let v: unknown = 'x';
    for (let i = 0; i < depth; i++) v = asArray ? [v] : { k: v };
    return v;
  });

/** JSON that is not a string. */
export const nonString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  deep,
);

/** Strings that are no real YYYY-MM-DD day. */
export const badDayString = fc.oneof(
  fc.constantFrom(
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-01-00',
    '0000-01-01',
    '0099-12-31',
    '20260101',
    '2026-1-1',
    '2026-01-1',
    '2026/01/01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026-01-01\n',
    '',
    '２０２６-01-01',
    'yesterday',
    '+02026-01-01',
    '-2026-01-01',
    '99999-01-01',
    'null',
  ),
  fc.string({ maxLength: 12 }).filter((s) => !isDay(s)),
);
export const badDay = fc.oneof(badDayString, nonString);

/** Strings that are no unit code (CODE_RE). */
export const badCodeString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '-A',
    '_A',
    '.A',
    'A B',
    'A\u0000B',
    '\u0000',
    'A\nB',
    'ＡＢ',
    '中文',
    'A'.repeat(65),
    'A/B',
    'A:B',
    "A'B",
    'A"B',
    'A\uD800',
    'A%',
    'A*',
  ),
  fc.string({ maxLength: 20 }).filter((s) => !CODE_RE.test(s)),
  fc.integer({ min: 65, max: 200_000 }).map((n) => 'X'.repeat(n)),
);

/** Strings that are no acceptable free text of at most `max` characters. */
export const badTextString = (max: number) =>
  fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '   ',
      '\t\n',
      ' \n\t ',
      'a\u0000b',
      '\u0000',
      'a\uD800b',
      '\uDC00',
      'x\uDBFF',
      '\uFEFF名称',
      'a\u001bb',
      'a\u0007',
      'a\rb',
      'a\u0085b',
      'a\u007fb',
    ),
    fc.integer({ min: max + 1, max: max + 5 }).map((n) => '长'.repeat(n)),
    fc.integer({ min: max + 1, max: 200_000 }).map((n) => 'x'.repeat(n)),
  );

export const badRegionString = fc.oneof(
  fc.constantFrom(
    '',
    '32000',
    '3200000',
    '32000a',
    '３２００００',
    ' 320000',
    '320000 ',
    '320000\n',
    '32-000',
    '+32000',
    '0x3200',
  ),
  fc.string({ maxLength: 8 }).filter((s) => !/^\d{6}$/.test(s)),
);

/** Strings outside an enum's values (close misses first). */
export const badEnumString = (values: readonly string[]) =>
  fc
    .oneof(
      fc.constantFrom(
        '',
        'null',
        'MINISTRY',
        ' ',
        ...values.map((v) => v.toLowerCase()),
        ...values.map((v) => `${v} `),
        ...values.map((v) => v.slice(1)),
      ),
      fc.string({ maxLength: 12 }),
    )
    .filter((s) => !values.includes(s));

export const ENUMS = {
  kind: UNIT_KINDS,
  level: UNIT_LEVELS,
  mode: MANAGEMENT_MODES,
  linkKind: LINK_KINDS,
  flavour: LEADERSHIP_FLAVOURS,
};

/** One step of a path: `.name`, `[3]`, or `["any key"]` (a JSON string). */
const STEP = String.raw`(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])`;
/**
 * A JSON path of an import problem: `$`, `$.key`, `$["a b"]`, `format`, `units`, `links[3].from`,
 * `units[0].versions[1].validTo`.
 */
export const PROBLEM_PATH = new RegExp(
  String.raw`^(?:\$${STEP}*|format|units|links|(?:units|links)\[\d+\]${STEP}*)$`,
  's',
);
