import { execFile } from 'node:child_process';
import { buildSchema, isScalarType, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { SCALARS } from './scalars';

// The generators are plain CommonJS (scripts/), run by `npm run codegen`. The codegen one runs
// in a child process: graphql-codegen loads ES modules through require, which Node 20 does and jest does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const labels = require('../scripts/labels.cjs') as { labelsSource(schema: GraphQLSchema): string };
const PACKAGE = path.resolve(__dirname, '..');

const PUBLIC = path.resolve(__dirname, '..', '..', '..', 'schema', 'public.graphql');

it('src/gql and src/labels.ts are what codegen.ts makes of schema/public.graphql now (npm run codegen)', async () => {
  const check = await promisify(execFile)(process.execPath, ['scripts/generate.cjs', '--check'], { cwd: PACKAGE }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
  expect(check).toEqual({ code: 0, out: 'packages/client: generated files are current\n' });
}, 60_000);

describe('labels', () => {
  const SMALL = buildSchema(`
    type Query { a: Mode }
    """一种方式"""
    enum Mode {
      """都管：两个单位都作为领导方 (both lead)"""
      BOTH
      """都不管：没有单位领导：也没有单位指导 (nobody leads)"""
      NEITHER
      """no colon here (a gloss only)"""
      PLAIN
      UNDESCRIBED
      """：an empty label"""
      EMPTY
      """half-width: is not the separator"""
      ASCII
    }
    enum Other { X }
  `);
  const source = labels.labelsSource(SMALL);

  it('takes the part before the first full-width colon, else the value name', () => {
    expect(source).toContain('export const ModeLabel: Record<Mode, string> = {');
    expect(source).toMatch(/BOTH: "都管",/);
    expect(source).toMatch(/NEITHER: "都不管",/);
    expect(source).toMatch(/PLAIN: "PLAIN",/);
    expect(source).toMatch(/UNDESCRIBED: "UNDESCRIBED",/);
    expect(source).toMatch(/EMPTY: "EMPTY",/);
    expect(source).toMatch(/ASCII: "ASCII",/);
  });

  it('writes a table for every enum, in name order, with its type', () => {
    expect(source).toContain(`type Mode = "BOTH" | "NEITHER" | "PLAIN" | "UNDESCRIBED" | "EMPTY" | "ASCII";`);
    expect(source.indexOf('ModeLabel')).toBeLessThan(source.indexOf('OtherLabel'));
    expect(source).toContain('export const OtherLabel: Record<Other, string> = {\n  X: "X",\n};');
  });

  it('the generated module evaluates to the tables', () => {
    // Strip the type syntax and run it: the labels are data, not only types.
    const js = source
      .replace(/^type .*$/gm, '')
      .replace(/: Record<\w+, string>/g, '')
      .replace(/export const (\w+)/g, 'exports.$1');
    const exports: Record<string, Record<string, string>> = {};
    new Function('exports', js)(exports);
    expect(exports.ModeLabel).toEqual({
      BOTH: '都管',
      NEITHER: '都不管',
      PLAIN: 'PLAIN',
      UNDESCRIBED: 'UNDESCRIBED',
      EMPTY: 'EMPTY',
      ASCII: 'ASCII',
    });
  });
});

it('every custom scalar of the public schema has a type in scalars.ts and in codegen.ts', () => {
  const schema = buildSchema(readFileSync(PUBLIC, 'utf8'));
  const custom = Object.values(schema.getTypeMap())
    .filter((t) => isScalarType(t) && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name))
    .map((t) => t.name)
    .sort();
  expect(custom.length).toBeGreaterThan(0);
  expect(Object.keys(SCALARS).sort()).toEqual(custom);
  // codegen.ts's scalars, read as the generator reads it.
  const js = ts.transpileModule(readFileSync(path.join(PACKAGE, 'codegen.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS },
  }).outputText;
  const mod: { exports: { default?: { generates: Record<string, { config: { scalars: object } }> } } } = {
    exports: {},
  };
  new Function('module', 'exports', 'require', js)(mod, mod.exports, require);
  expect(Object.keys(Object.values(mod.exports.default!.generates)[0].config.scalars).sort()).toEqual(custom);
});
