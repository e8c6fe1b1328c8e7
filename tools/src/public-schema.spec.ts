import { buildSchema, isScalarType, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printPublicSchema, SCHEMA_DIR } from './composition';
import {
  enumLabels,
  enumValueLabel,
  INTERNAL_FIELDS,
  monolingual,
  undescribed,
  unlabelledEnumValues,
} from './public-schema';

const text = readFileSync(path.join(SCHEMA_DIR, 'public.graphql'), 'utf8');
const supergraph = readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
const schema: GraphQLSchema = buildSchema(text);

describe('schema/public.graphql (what clients see; `npm run compose` writes it, composition.spec.ts keeps it current)', () => {
  it('carries no join__ or link__ artefacts and no federation directive', () => {
    expect(text).not.toMatch(/join__|link__/);
    expect(text).not.toMatch(/@(key|shareable|inaccessible|link)\b/);
    expect(Object.keys(schema.getTypeMap()).filter((n) => /^(join|link)__/.test(n))).toEqual([]);
  });

  it.each(INTERNAL_FIELDS)('%s is internal: @inaccessible in the supergraph, absent here', (coordinate) => {
    const [type, field] = coordinate.split('.');
    expect(Object.keys((schema.getType(type) as any).getFields())).not.toContain(field);
    const line = supergraph.split('\n').find((l) => new RegExp(`^\\s+${field}[(:]`).test(l));
    expect(line).toMatch(/@inaccessible/);
  });

  it('types only the internal fields use are left out too', () => {
    for (const name of ['LeadershipTimeline', 'LeadershipPeriod', 'ActivityQuestionInput']) {
      expect(schema.getType(name)).toBeUndefined();
    }
  });

  it('describes every type, field, argument, input field and enum value', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('describes in Chinese and in English: a Han character and a Latin letter in every description', () => {
    expect(monolingual(schema)).toEqual([]);
  });

  it('describes every enum value as 中文术语：中文解释 (English gloss), the label before the first ：', () => {
    expect(unlabelledEnumValues(schema)).toEqual([]);
    const labels = enumLabels(schema);
    expect(Object.values(labels).flatMap((v) => Object.keys(v)).length).toBeGreaterThanOrEqual(101);
    expect(labels.AnomalyCode.DUPLICATE_LEADER).toBe('都管');
  });

  it('puts @specifiedBy on every custom scalar', () => {
    const custom = Object.values(schema.getTypeMap()).filter(
      (t) => isScalarType(t) && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name),
    );
    expect(custom.map((t) => t.name).sort()).toEqual(expect.arrayContaining(['Date', 'DateTimeISO', 'JSON']));
    expect(custom.filter((t) => !(t as { specifiedByURL?: string | null }).specifiedByURL).map((t) => t.name)).toEqual(
      [],
    );
    expect((schema.getType('Date') as { specifiedByURL?: string }).specifiedByURL).toMatch(/rfc3339/);
    expect((schema.getType('JSON') as { specifiedByURL?: string }).specifiedByURL).toMatch(/ecma-404/i);
  });

  it('is printed in a stable order: sorted, as printPublicSchema prints it', () => {
    expect(printPublicSchema(schema)).toBe(text);
  });
});

describe('the checks themselves', () => {
  const probe = buildSchema(`
    "都管：有" type Query { "x" a(n: Int): E, b: Int }
    enum E { "都管：两个单位都作为领导方 (both lead)" OK "no label (x)" BAD
      "都管，两个单位 (no colon)" COMMA "" EMPTY }
  `);

  it('undescribed lists every element without a description', () => {
    expect(undescribed(probe)).toEqual(['E', 'E.EMPTY', 'Query.a(n)', 'Query.b']);
  });

  it('monolingual lists every description without Chinese or without English', () => {
    expect(monolingual(probe)).toEqual(['E.BAD: "no label (x)"', 'Query.a: "x"', 'Query: "都管：有"']);
  });

  it('an enum label is the part before the first ：, only when the description follows the convention', () => {
    expect(enumValueLabel('都管：两个单位都作为领导方 (DUPLICATE_LEADER: two bodies both lead)')).toBe('都管');
    expect(enumValueLabel('都管：两个单位都作为领导方')).toBeUndefined();
    expect(enumValueLabel('Both lead：x (y)')).toBeUndefined();
    expect(unlabelledEnumValues(probe)).toEqual([
      'E.BAD: "no label (x)"',
      'E.COMMA: "都管，两个单位 (no colon)"',
      'E.EMPTY: ""',
    ]);
  });
});
