/**
 * Metrics in Prometheus' text format at `/metrics` on every process (gateway and subgraphs):
 * the Node.js process metrics, and per-process HTTP request counts and durations by outcome.
 * One registry per process; `METRICS=false` turns the endpoint off.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface HubMetrics {
  registry: Registry;
  /** Call when a request ends: route (`graphql`, `healthz`...), HTTP status, seconds taken. */
  observe(route: string, status: number, seconds: number): void;
  /**
   * For an HTTP server's handler: times the request (observed when the response finishes),
   * and answers it when it asks for `/metrics`. True when it answered.
   */
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  enabled: boolean;
  /** A counter of this process's own, in its registry (name prefixed `tiaokuai_`, as every metric here). */
  counter<L extends string = never>(name: string, help: string, labelNames?: readonly L[]): Counter<L>;
}

export function createMetrics(service: string, enabled = process.env.METRICS !== 'false'): HubMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (enabled) collectDefaultMetrics({ register: registry, prefix: 'tiaokuai_' });
  const requests = new Counter({
    name: 'tiaokuai_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tiaokuai_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['route'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const observe = (route: string, status: number, seconds: number) => {
    if (!enabled) return;
    requests.inc({ route, status: String(status) });
    duration.observe({ route }, seconds);
  };
  return {
    registry,
    enabled,
    observe,
    counter: (name, help, labelNames = []) => new Counter({ name, help, labelNames, registers: [registry] }),
    async serve(req, res) {
      const started = process.hrtime.bigint();
      const route = routeOf(req.url);
      res.once('finish', () => observe(route, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
      if (route !== '/metrics' || !enabled) return false;
      res.setHeader('content-type', registry.contentType);
      res.end(await registry.metrics());
      return true;
    },
  };
}

const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

/** The route label of a request URL: a known path, or `other` (labels must stay a small set). */
export function routeOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0];
  if (path === '/') return '/graphql';
  return ROUTES.has(path) ? path : 'other';
}
