/**
 * npm run compose            writes schema/<subgraph>.graphql, schema/supergraph.graphql and schema/public.graphql
 *                            (the API schema clients see: no join__/link__, no @inaccessible fields)
 * npm run compose -- --check exits 1 when the checked-in files differ from a fresh composition
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compose, SCHEMA_DIR, staleFiles } from './composition';

async function main() {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length) {
      console.error(`schema/ is out of date: ${stale.join(', ')}. Run: npm run compose`);
      process.exit(1);
    }
    console.log('schema/ matches a fresh composition');
    return;
  }
  const { files } = await compose();
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(SCHEMA_DIR, name), content);
  console.log(
    `wrote ${Object.keys(files)
      .map((f) => `schema/${f}`)
      .join(', ')}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
