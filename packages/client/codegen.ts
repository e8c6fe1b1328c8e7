/**
 * graphql-codegen's client preset for the hub's public schema: copy this file into your own
 * project, point `documents` at your own operations, and run `npx graphql-codegen` (install
 * `@graphql-codegen/cli` and `@graphql-codegen/client-preset`). Inside this package,
 * `npm run codegen` reads this same file (scripts/generate.cjs) for the tour's operations.
 *
 * In your project `schema` is `node_modules/@tiaokuai/client/schema/public.graphql`, the
 * schema of the hub version you installed (or the hub's own `schema/public.graphql`).
 */
import type { Types } from '@graphql-codegen/plugin-helpers';

const config: Types.Config = {
  schema: '../../schema/public.graphql',
  documents: ['src/operations/*.graphql'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // The hub's scalars: Date is "YYYY-MM-DD", DateTimeISO an ISO 8601 instant, JSON any value.
        scalars: {
          Date: { input: 'string', output: 'string' },
          DateTimeISO: { input: 'string', output: 'string' },
          JSON: { input: 'unknown', output: 'unknown' },
        },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        // Relative imports end in .js, so that the ES module build runs in Node as it is.
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
