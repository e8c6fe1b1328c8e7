/**
 * npm run codegen (in packages/client, or `npm run codegen` at the root):
 *   src/gql/*       typed documents of src/operations/*.graphql, graphql-codegen's client preset,
 *                   configured by codegen.ts (read here, so the file teams copy is the one we run)
 *   src/labels.ts   each enum's labels, from the descriptions of its values in the schema
 * `--check` writes nothing and exits 1 when a checked-in file differs from a fresh generation.
 *
 * Run through @graphql-codegen/core rather than the CLI: the CLI's dependencies declare Node 22.
 */
'use strict';
const { readFileSync, writeFileSync, mkdirSync, readdirSync } = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { buildSchema, parse, printSchema } = require('graphql');
const { labelsSource } = require('./labels.cjs');
const { codegen } = require('@graphql-codegen/core');
const { preset } = require('@graphql-codegen/client-preset');

const PACKAGE = path.resolve(__dirname, '..');

/** codegen.ts, compiled in memory (a type-only import and one object). */
function loadConfig() {
  const source = readFileSync(path.join(PACKAGE, 'codegen.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', js)(mod, mod.exports, require);
  return mod.exports.default;
}

/** Every generated file: path relative to the package → content. */
async function generate() {
  const config = loadConfig();
  const schemaPath = path.resolve(PACKAGE, config.schema);
  const schemaAst = buildSchema(readFileSync(schemaPath, 'utf8'));
  const schema = parse(printSchema(schemaAst));
  const dir = path.join(PACKAGE, 'src', 'operations');
  const documents = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => {
      const location = `src/operations/${f}`;
      return {
        location,
        document: parse(readFileSync(path.join(dir, f), 'utf8')),
        rawSDL: readFileSync(path.join(dir, f), 'utf8'),
      };
    });
  const [outDir, target] = Object.entries(config.generates)[0];
  const sections = await preset.buildGeneratesSection({
    baseOutputDir: outDir,
    schema,
    schemaAst,
    documents,
    config: target.config,
    presetConfig: target.presetConfig ?? {},
    plugins: [],
    pluginMap: {},
    documentTransforms: [],
  });
  const files = {};
  for (const section of sections)
    files[section.filename] = await codegen({ ...section, schemaAst: section.schemaAst ?? schemaAst });
  // index.ts only re-exports: ESLint reports its `eslint-disable` as unused.
  files['src/gql/index.ts'] = files['src/gql/index.ts'].replace('/* eslint-disable */\n', '');
  files['src/labels.ts'] = labelsSource(schemaAst);
  // Formatted as the tree is (npm run lint checks it with Prettier).
  const prettier = require('prettier');
  for (const [name, content] of Object.entries(files)) {
    const filepath = path.join(PACKAGE, name);
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    files[name] = await prettier.format(content, { ...options, filepath });
  }
  return files;
}

/** Files whose checked-in content differs from a fresh generation. */
async function staleFiles() {
  const files = await generate();
  return Object.entries(files)
    .filter(([name, content]) => {
      try {
        return readFileSync(path.join(PACKAGE, name), 'utf8') !== content;
      } catch {
        return true;
      }
    })
    .map(([name]) => name);
}

async function main() {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length) {
      console.error(`out of date: ${stale.join(', ')}. Run: npm run codegen`);
      process.exit(1);
    }
    console.log('packages/client: generated files are current');
    return;
  }
  const files = await generate();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(PACKAGE, name)), { recursive: true });
    writeFileSync(path.join(PACKAGE, name), content);
  }
  console.log(`wrote ${Object.keys(files).join(', ')}`);
}

module.exports = { generate, staleFiles, loadConfig };
if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
