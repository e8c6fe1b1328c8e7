/**
 * Structured JSON logs on stderr, one object per line. Quiet in tests unless LOG_LEVEL says
 * otherwise.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields every log line written while handling one request carries (its request id above all). */
export const requestScope = new AsyncLocalStorage<Record<string, unknown>>();

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const env = process.env.LOG_LEVEL as Level | undefined;
  if (env && env in ORDER) return ORDER[env];
  return process.env.JEST_WORKER_ID ? ORDER.error + 1 : ORDER.info;
}

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < threshold()) return;
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...requestScope.getStore(), ...fields }) + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
