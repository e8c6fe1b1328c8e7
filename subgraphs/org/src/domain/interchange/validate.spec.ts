/**
 * The interchange checks, table by table: each entry check (unit-entry.ts, link-entry.ts) and
 * the whole document's (document.ts) report every problem with its JSON path.
 */
import { newChecker, fieldPath } from './checker';
import { externalReferences, parseDocument } from './document';
import { FORMAT } from './format';
import { checkLink } from './link-entry';
import { checkUnit } from './unit-entry';

const unit = (over: Record<string, unknown> = {}) => ({
  code: 'U1',
  name: '单位一',
  kind: 'GRASSROOTS_UNIT',
  level: 'COUNTY',
  region: '320100',
  validFrom: '2020-01-01',
  ...over,
});
const link = (over: Record<string, unknown> = {}) => ({
  from: 'A',
  to: 'B',
  kind: 'LEADERSHIP',
  validFrom: '2020-01-01',
  ...over,
});

/** The problems' paths of one entry check. */
function pathsOf(check: typeof checkUnit | typeof checkLink, raw: unknown): string[] {
  const c = newChecker();
  check(c, raw, 'x');
  return c.problems.map((p) => p.path);
}

describe('a unit entry', () => {
  it.each<[string, unknown, string[]]>([
    ['a valid unit', unit(), []],
    ['not an object', 'U1', ['x']],
    ['an unknown field', unit({ colour: 'red' }), ['x.colour']],
    ['an invalid code', unit({ code: '-x' }), ['x.code']],
    ['a missing name', unit({ name: undefined }), ['x.name']],
    ['an unknown kind', unit({ kind: 'CLUB' }), ['x.kind']],
    ['a region that is no 6-digit code', unit({ region: '32' }), ['x.region']],
    ['a day that does not exist', unit({ validFrom: '2020-02-30' }), ['x.validFrom']],
    ['an end before the start', unit({ validTo: '2019-12-31' }), ['x.validTo']],
    [
      'a version before the unit',
      unit({ versions: [{ validFrom: '2019-01-01', locality: 'GW' }] }),
      ['x.versions[0].validFrom'],
    ],
    [
      'overlapping versions',
      unit({
        versions: [
          { validFrom: '2020-01-01', locality: 'GW' },
          { validFrom: '2021-01-01', locality: 'GW' },
        ],
      }),
      ['x.versions'],
    ],
    [
      'top-level facts that disagree with the latest version',
      unit({ locality: 'A', versions: [{ validFrom: '2020-01-01', locality: 'B' }] }),
      ['x.locality'],
    ],
  ])('%s', (_, raw, paths) => {
    expect(pathsOf(checkUnit, raw)).toEqual(paths);
  });

  it("top-level facts are one version over the unit's whole life", () => {
    const plan = checkUnit(newChecker(), unit({ locality: 'GW', validTo: '2024-12-31' }), 'x');
    expect(plan?.versions).toEqual([
      {
        validFrom: '2020-01-01',
        validTo: '2024-12-31',
        partyRelationMode: null,
        businessMode: null,
        competentDepartment: null,
        locality: 'GW',
        path: 'x',
      },
    ]);
  });
});

describe('a link entry', () => {
  it.each<[string, unknown, string[]]>([
    ['a valid link', link({ flavour: 'UNIFIED', basis: '文件' }), []],
    ['to itself', link({ to: 'A' }), ['x.to']],
    ['a flavour on a link that is no LEADERSHIP', link({ kind: 'GUIDANCE', flavour: 'UNIFIED' }), ['x.flavour']],
    ['an unknown kind', link({ kind: 'FRIENDSHIP' }), ['x.kind']],
    ['a missing start', link({ validFrom: undefined }), ['x.validFrom']],
    ['an empty basis', link({ basis: '  ' }), ['x.basis']],
  ])('%s', (_, raw, paths) => {
    expect(pathsOf(checkLink, raw)).toEqual(paths);
  });
});

describe('a document', () => {
  it.each<[string, unknown, ReadonlySet<string>, string[]]>([
    [
      'a valid document',
      { format: FORMAT, units: [unit()], links: [link({ from: 'GW', to: 'U1' })] },
      new Set(['GW']),
      [],
    ],
    ['not an object', [], new Set(), ['$']],
    ['another format', { format: 'v0', units: [] }, new Set(), ['format']],
    ['an unknown top-level field', { format: FORMAT, extra: 1 }, new Set(), ['$.extra']],
    ['a code twice', { format: FORMAT, units: [unit(), unit()] }, new Set(), ['units[1].code']],
    [
      'an unknown reference',
      { format: FORMAT, units: [unit({ locality: 'NOWHERE' })] },
      new Set(),
      ['units[0].locality'],
    ],
    [
      'a unit its own locality',
      { format: FORMAT, units: [unit({ locality: 'U1' })] },
      new Set(),
      ['units[0].locality'],
    ],
    ['a link twice', { format: FORMAT, links: [link(), link()] }, new Set(['A', 'B']), ['links[1]']],
    ['a link to an unknown unit', { format: FORMAT, links: [link()] }, new Set(['A']), ['links[0].to']],
  ])('%s', (_, doc, existing, paths) => {
    expect(parseDocument(doc, existing).problems.map((p) => p.path)).toEqual(paths);
  });

  it('names the codes it references without defining them', () => {
    expect(
      externalReferences({ units: [unit({ locality: 'GW' })], links: [link({ from: 'U1', to: 'X' })] }).sort(),
    ).toEqual(['GW', 'X']);
  });
});

describe('unknown fields are refused at every level, each with its path', () => {
  it.each<[string, unknown, string]>([
    ['the top level', { format: FORMAT, extra: 1 }, '$.extra'],
    ['a unit', { format: FORMAT, units: [unit({ colour: 'red' })] }, 'units[0].colour'],
    [
      "a unit's version",
      { format: FORMAT, units: [unit({ versions: [{ validFrom: '2020-01-01', localty: 'GW' }] })] },
      'units[0].versions[0].localty',
    ],
    [
      'a link',
      { format: FORMAT, units: [unit(), unit({ code: 'U2' })], links: [link({ from: 'U1', to: 'U2', bsis: 'x' })] },
      'links[0].bsis',
    ],
  ])('%s', (_, doc, path) => {
    const { problems } = parseDocument(doc, new Set());
    expect(problems).toContainEqual({ path, message: `未知字段：${path.split('.').pop()}` });
    expect(problems.filter((p) => p.message.startsWith('未知字段'))).toHaveLength(1);
  });

  it('an unknown field is reported with every other problem', () => {
    const { problems } = parseDocument({ format: 'v0', units: [unit({ ownr: 'x', kind: 'CLUB' })] }, new Set());
    expect(problems.map((p) => p.path)).toEqual(['format', 'units[0].ownr', 'units[0].kind']);
  });
});

describe('a field path', () => {
  it.each([
    ['units[3]', 'kind', 'units[3].kind'],
    ['units[3]', 'a.b', 'units[3]["a.b"]'],
    ['$', '', '$[""]'],
  ])('%s + %j', (path, key, expected) => {
    expect(fieldPath(path, key)).toBe(expected);
  });
});
