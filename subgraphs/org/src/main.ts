import { log } from '@tiaokuai/common';
import path from 'node:path';
import { startOrgSubgraph } from './index';

async function main() {
  const port = Number(process.env.PORT ?? 4001);
  const dataRoot = process.env.DATA_DIR ?? path.resolve(process.cwd(), 'data');
  const server = await startOrgSubgraph({
    port,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: dataRoot.startsWith('memory://') ? dataRoot : path.join(dataRoot, 'org'),
  });
  log.info('org subgraph ready', { url: server.url });
  const stop = async () => { await server.close(); process.exit(0); };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  log.error('org subgraph failed to start', { error: (e as Error).stack });
  process.exit(1);
});
