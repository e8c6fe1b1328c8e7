/**
 * Hive Gateway's runtime logs through its own logger (@graphql-hive/logger), by default as
 * coloured multi-line blocks, and with whatever it was handed: a failed subgraph call logs the
 * error with `extensions.request.body`, the whole upstream request (a 14 MB line with user
 * data). Here its records become the hub's JSON lines (platform's log.ts: capped at 4 KB), with
 * only what is safe to keep (ARCHITECTURE.md, "The edge"):
 * - no request or response body, variables, query text, headers or parameters, at any depth
 *   (the keys in DROPPED are removed wherever they occur);
 * - strings cut to MAX_VALUE_CHARS, arrays to MAX_ITEMS entries, nesting to MAX_DEPTH levels.
 */
import { Logger, type LogLevel, type LogWriter } from '@graphql-hive/logger';
import { enabled, log, type Level } from '@tiaokuai/platform/log';

const DROPPED = new Set([
  'body',
  'variables',
  'query',
  'document',
  'documentNode',
  'request',
  'response',
  'headers',
  'params',
  'data',
  'extensions',
  'stack',
  'stacktrace',
  'authorization',
  'token',
  'cookie',
]);
const MAX_VALUE_CHARS = 300;
const MAX_ITEMS = 5;
const MAX_DEPTH = 3;

/** A copy of `value` with what DROPPED names removed, strings and arrays cut. */
export function sanitize(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  if (typeof value !== 'object') return String(value).slice(0, MAX_VALUE_CHARS);
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => sanitize(v, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `…${value.length - MAX_ITEMS} more`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (DROPPED.has(k)) continue;
    out[k] = sanitize(v, depth + 1);
  }
  // An error's code stays (it is how an operator greps): lifted out of the dropped extensions.
  const code = (value as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code === 'string') out.code = code.slice(0, 64);
  return out;
}

const LEVELS: Record<LogLevel, Level> = { trace: 'debug', debug: 'debug', info: 'info', warn: 'warn', error: 'error' };

/** Writes the runtime's records as the hub's JSON lines. */
export class HubLogWriter implements LogWriter {
  write(level: LogLevel, attrs: unknown, msg: string | null | undefined): void {
    const ours = LEVELS[level] ?? 'info';
    if (!enabled(ours)) return;
    const fields = attrs === null || attrs === undefined ? {} : sanitize(attrs);
    const text = sanitize(msg ?? '') as string;
    log[ours](
      `gateway runtime: ${text}`.trim(),
      Array.isArray(fields) ? { attrs: fields } : (fields as Record<string, unknown>),
    );
  }
}

/**
 * The runtime's logger: our writer, at `warn` unless LOG_LEVEL asks for more (the runtime's
 * info lines are per-request noise).
 */
export function runtimeLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  const level: LogLevel = env.LOG_LEVEL === 'debug' ? 'debug' : env.LOG_LEVEL === 'error' ? 'error' : 'warn';
  return new Logger({ level, writers: [new HubLogWriter()] });
}
