/**
 * ESLint's RuleTester on node:test, parsing TypeScript like the tree's config does. The rules judge a file by its
 * path, so every case names its `filename` (absolute, under an imaginary or a temporary tree).
 */
import { after, describe, it } from 'node:test';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.afterAll = after;

export const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
});
