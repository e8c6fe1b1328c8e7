import { formatLine, logProcessWarnings } from '@tiaokuai/platform/log';
import { onShutdown } from '@tiaokuai/platform/shutdown';
import { authSettingsFromEnv, createAuthenticator } from './auth';
import { startGateway, subgraphSecretsFromEnv, subgraphUrlsFromEnv } from './index';
import { corsSettingsFromEnv } from './cors';
import { limitsFromEnv } from './limits';
import { trustedDocumentsFromEnv } from './trusted-documents';

// Node's warnings as JSON lines, not its text on stderr (platform's log.ts).
logProcessWarnings();

createAuthenticator(authSettingsFromEnv())
  .then((authenticator) =>
    startGateway({
      authenticator,
      subgraphSecrets: subgraphSecretsFromEnv(),
      port: Number(process.env.PORT ?? 4000),
      host: process.env.HOST ?? '127.0.0.1',
      subgraphUrls: subgraphUrlsFromEnv(),
      upstreamTimeoutMs: process.env.UPSTREAM_TIMEOUT_MS ? Number(process.env.UPSTREAM_TIMEOUT_MS) : undefined,
      explorer: process.env.EXPLORER !== 'false',
      introspection: process.env.INTROSPECTION !== 'false',
      limits: limitsFromEnv(),
      queryPlanner: process.env.GATEWAY_QUERY_PLANNER === 'js' ? 'js' : 'rust',
      trustedDocuments: trustedDocumentsFromEnv(),
      cors: corsSettingsFromEnv(),
    }).then((gw) => ({ gw, authenticator })),
  )
  .then(({ gw, authenticator }) => {
    // Written whatever LOG_LEVEL says (the launcher waits for it), capped like every line.
    process.stderr.write(
      formatLine({
        time: new Date().toISOString(),
        level: 'info',
        msg: 'gateway ready',
        url: gw.url,
        auth: authenticator.source,
      }) + '\n',
    );
    onShutdown(() => gw.close());
  })
  .catch((e) => {
    process.stderr.write(
      formatLine({
        time: new Date().toISOString(),
        level: 'error',
        msg: 'gateway failed to start',
        error: String(e?.stack ?? e),
      }) + '\n',
    );
    process.exit(1);
  });
