/**
 * The tree's eslint.config.mjs on small texts: the rules it sets beyond the plugin's own (dist imports, line length,
 * `any`, unused names) and where it relaxes them. The files need not exist; their paths pick the config.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repo });

/** The rule ids reported for `code` as if it were the file `file` of the tree. */
async function rulesFor(file, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(repo, file) });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const long = (prefix, filler) => prefix + filler.repeat(130 - prefix.length);

describe('eslint.config.mjs', () => {
  it("refuses imports of a package's dist/", async () => {
    const deep = "import { db } from '@tiaokuai/platform/dist/db';\nexport { db };\n";
    assert.deepEqual(await rulesFor('subgraphs/org/src/units/unit.store.ts', deep), ['no-restricted-imports']);
    const relative = "import { db } from '../dist/db';\nexport { db };\n";
    assert.deepEqual(await rulesFor('subgraphs/org/src/units/unit.store.ts', relative), ['no-restricted-imports']);
    const fine = "import { db } from './distance';\nexport { db };\n";
    assert.deepEqual(await rulesFor('subgraphs/org/src/units/unit.store.ts', fine), []);
  });

  it('keeps lines to 120 columns, except those with a URL or a string', async () => {
    const file = 'packages/platform/src/sample.ts';
    assert.deepEqual(await rulesFor(file, `export const x = ${long('1', ' + 1')};\n`), ['@stylistic/max-len']);
    assert.deepEqual(await rulesFor(file, `// ${long('words', ' words')}\nexport {};\n`), ['@stylistic/max-len']);
    assert.deepEqual(await rulesFor(file, `// see https://example.com/${long('', 'a')}\nexport {};\n`), []);
    assert.deepEqual(await rulesFor(file, `export const x = '${long('', 'a')}';\n`), []);
  });

  it('allows `any` in specs, src/testing/, test/ and tools/ only', async () => {
    const code = 'export const f = (x: any) => x;\n';
    assert.deepEqual(await rulesFor('subgraphs/org/src/units/unit.service.ts', code), [
      '@typescript-eslint/no-explicit-any',
    ]);
    for (const file of [
      'subgraphs/org/src/units/unit.service.spec.ts',
      'subgraphs/org/src/testing/harness.ts',
      'test/src/gateway.e2e.spec.ts',
      'tools/src/bench.ts',
    ]) {
      assert.deepEqual(await rulesFor(file, code), [], file);
    }
  });

  it('allows unused names that start with an underscore', async () => {
    const file = 'gateway/src/sample.ts';
    assert.deepEqual(await rulesFor(file, 'export const f = (_a: number) => 1;\n'), []);
    assert.deepEqual(await rulesFor(file, 'export const f = (a: number) => 1;\n'), [
      '@typescript-eslint/no-unused-vars',
    ]);
    assert.deepEqual(
      await rulesFor(
        file,
        'try { f(); } catch (_e) { g(); }\ndeclare function f(): void;\n' + 'declare function g(): void;\n',
      ),
      [],
    );
    assert.deepEqual(await rulesFor('tools/eslint/sample.mjs', 'export const f = (_a, b) => b;\n'), []);
  });

  it('applies the import rules to TypeScript sources', async () => {
    const code = "import { unitsByIds } from './unit.store';\nexport { unitsByIds };\n";
    assert.deepEqual(await rulesFor('subgraphs/org/src/units/unit.resolver.ts', code), ['tiaokuai/layers']);
  });
});
