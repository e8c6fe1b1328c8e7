/**
 * npm start: the whole hub on the embedded database (or DATABASE_URL), with the demo loaded.
 * PORT sets the gateway port (default 4000); DATA_DIR the PGlite folder (default ./data).
 * Supervised: a process that dies is started again with backoff (launcher.ts, README
 * "Two commands"); SUPERVISE=off turns that off.
 */
import { onShutdown, shutdownTimeoutMs } from '@tiaokuai/platform/shutdown';
import path from 'node:path';
import { loadDemoIfEmpty } from './demo';
import { startHub, supervisionFromEnv } from './launcher';

async function main() {
  const port = Number(process.env.PORT ?? 4000);
  const dataDir = process.env.DATA_DIR ?? path.resolve(__dirname, '..', '..', 'data');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  console.log(
    `Starting Tiaokuai Hub on ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database (${dataDir})`}…`,
  );
  const supervise = process.env.SUPERVISE === 'off' ? false : supervisionFromEnv();
  const hub = await startHub({ port, dataDir, databaseUrl, inheritOutput: true, supervise });
  const demo = await loadDemoIfEmpty(hub.gatewayUrl, hub.operatorToken);
  if (demo.loaded) {
    const parts = [
      ['units', demo.units],
      ['links', demo.links],
      ['responsibility-list items', demo.requiredItems],
      ['tasks', demo.tasks],
      ['progress reports', demo.progressReports],
      ['assessment schemes', demo.schemes],
      ['assessments', demo.submissions],
      ['inspections', demo.inspections],
    ]
      .filter(([, n]) => n !== undefined)
      .map(([what, n]) => `${n} ${what}`);
    console.log(`Demo scenario loaded: ${parts.join(', ')}.`);
  }
  console.log(`
Tiaokuai Hub is running.

  Gateway and explorer:  ${hub.gatewayUrl}

Every request needs a bearer token. The hub operator's token for this demo (valid 12 hours; npm run token -- --hub-admin makes another):

  ${hub.operatorToken}

In the explorer, open "Headers" and paste:  {"Authorization": "Bearer <the token above>"}
Tokens for a committee or a department: npm run token -- --as SC-JGGW --role EDITOR

A first query (paste it into the explorer, or run the curl line):

  { unit(by: { code: "SC-DZJ" }) { name partyBuilding { rule leaders { name } guides { name } explanation anomalies { code message } } } }

  curl -s ${hub.gatewayUrl} -H 'content-type: application/json' \\
    -H 'authorization: Bearer ${hub.operatorToken}' \\
    -d '{"query":"{ leadershipAnomalies(first: 20) { totalCount summary { byCode { code count } } nodes { code unit { code name } message } } }"}'

Press Ctrl+C to stop.`);
  // The gateway stops first, then the subgraphs together, each within SHUTDOWN_TIMEOUT_MS
  // (and SIGKILLed 2 s after it): the launcher's own deadline covers both in turn.
  onShutdown(() => hub.stop(), { timeoutMs: 2 * (shutdownTimeoutMs() + 2_000) + 1_000 });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
