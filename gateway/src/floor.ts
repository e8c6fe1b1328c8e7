/**
 * What the gateway costs before anything of ours, for `npm run bench` (BENCHMARKS.md, the target
 * "gateway adds under 2 ms at p50"): two stand-ins run as their own processes beside the hub.
 *
 * - `bare`: Hive Gateway's runtime over the same supergraph and Rust planner, with nothing of
 *   ours but the signed identity every subgraph requires (no authentication, limits, request
 *   ids, metrics, error masking or downloads).
 * - `proxy`: a plain Node HTTP forwarder to the org subgraph, keep-alive, bytes passed as they
 *   are: the floor of one more HTTP hop on the machine, for any gateway written for Node.
 *
 * Not part of the hub: neither checks a token, so neither may listen anywhere but loopback.
 * Run as `node gateway/dist/floor.js bare|proxy` with PORT, ORG_SUBGRAPH_URL and
 * SUBGRAPH_SECRET_ORG (and the other subgraphs' URLs and secrets for `bare`).
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import http from '@graphql-mesh/transport-http';
import { readFileSync } from 'node:fs';
import { createServer, request, Agent, type Server } from 'node:http';
import { HUB_OPERATOR } from '@tiaokuai/platform/identity';
import { GATEWAY_KEYID, signRequest } from '@tiaokuai/platform/signature';
import { resignWhenStale } from './resign';
import { DEFAULT_SUPERGRAPH, subgraphSecretsFromEnv, subgraphUrlsFromEnv, withSubgraphUrls } from './index';

function bare(secrets: Record<string, string>, urls: Record<string, string>): Server {
  const { unifiedGraphHandler } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@graphql-hive/router-runtime') as typeof import('@graphql-hive/router-runtime');
  const runtime = createGatewayRuntime({
    supergraph: withSubgraphUrls(readFileSync(DEFAULT_SUPERGRAPH, 'utf8'), urls),
    unifiedGraphHandler,
    transports: { http },
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    healthCheckEndpoint: '/healthz',
    logging: 'error',
    plugins: () => [
      {
        onFetch: ({ url, executionRequest, options, setOptions, fetchFn, setFetchFn }) => {
          const name = executionRequest?.subgraphName;
          if (name && secrets[name] && typeof (options.body ?? '') === 'string') {
            const sign = () =>
              signRequest(
                { method: options.method ?? 'GET', url, body: (options.body as string | undefined) ?? '' },
                { keyid: GATEWAY_KEYID, secret: secrets[name], target: name, identity: HUB_OPERATOR },
              );
            setOptions({ ...options, headers: { ...options.headers, ...sign() } });
            // As the hub's gateway does (resign.ts), so that the two compare on the same work.
            setFetchFn(resignWhenStale(fetchFn, sign));
          }
        },
      },
    ],
  });
  return createServer(runtime);
}

function proxy(secret: string, orgUrl: string): Server {
  const target = new URL(orgUrl);
  const agent = new Agent({ keepAlive: true });
  return createServer((req, res) => {
    if (req.url?.startsWith('/healthz')) {
      res.end('ok');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const up = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            ...signRequest(
              { method: 'POST', url: orgUrl, body },
              { keyid: GATEWAY_KEYID, secret, target: 'org', identity: HUB_OPERATOR },
            ),
          },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, {
            'content-type': answer.headers['content-type'] ?? 'application/json',
          });
          answer.pipe(res);
        },
      );
      up.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      up.end(body);
    });
  });
}

if (require.main === module) {
  const kind = process.argv[2];
  const secrets = subgraphSecretsFromEnv();
  const urls = subgraphUrlsFromEnv();
  const server = kind === 'bare' ? bare(secrets, urls) : kind === 'proxy' ? proxy(secrets.org, urls.org) : undefined;
  if (!server) {
    console.error('usage: floor.js bare|proxy');
    process.exit(2);
  }
  server.listen(Number(process.env.PORT), '127.0.0.1');
  // A stand-in for benchmarks: nothing to drain; keep-alive clients would hold close() open.
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
