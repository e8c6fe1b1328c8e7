/**
 * Structured JSON logs on stderr, one object per line, for every process of the hub (the
 * gateway routes Hive Gateway's own logger here too: gateway/src/logging.ts). Quiet in tests
 * unless LOG_LEVEL says otherwise.
 *
 * Every line is at most MAX_LINE_BYTES (UTF-8, newline excluded): a longer one is replaced by a
 * line keeping `time`, `level`, the start of `msg`, the request scope's fields, `truncated: true`,
 * the original size in `bytes` and as much of the remaining fields (as JSON text, in `head`) as
 * fits. A log line is never a carrier for bulk data (ARCHITECTURE.md, "The edge").
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields every log line written while handling one request carries (its request id above all). */
export const requestScope = new AsyncLocalStorage<Record<string, unknown>>();

/** The longest line any process writes, in bytes. */
export const MAX_LINE_BYTES = 4096;

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const env = process.env.LOG_LEVEL as Level | undefined;
  if (env && env in ORDER) return ORDER[env];
  return process.env.JEST_WORKER_ID ? ORDER.error + 1 : ORDER.info;
}

/** True when a line of this level would be written. */
export const enabled = (level: Level): boolean => ORDER[level] >= threshold();

/** Cuts `text` to at most `bytes` UTF-8 bytes, never inside a character. */
function cutToBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  const buf = Buffer.from(text).subarray(0, Math.max(0, bytes));
  // A cut multi-byte character decodes to U+FFFD at the end: drop it.
  return buf.toString('utf8').replace(/\uFFFD+$/, '');
}

/**
 * One log line (no newline) of at most `max` bytes. Exported for the tests and for writers that
 * format their own records.
 */
export function formatLine(record: Record<string, unknown>, max = MAX_LINE_BYTES): string {
  let line: string;
  try {
    line = JSON.stringify(record);
  } catch (e) {
    line = JSON.stringify({
      time: record.time,
      level: record.level,
      msg: String(record.msg),
      logError: String((e as Error)?.message ?? e),
    });
  }
  const bytes = Buffer.byteLength(line);
  if (bytes <= max) return line;
  const { time, level, msg, requestId, subgraph, ...rest } = record;
  const base: Record<string, unknown> = {
    time,
    level,
    msg: cutToBytes(String(msg ?? ''), 512),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(subgraph !== undefined ? { subgraph } : {}),
    truncated: true,
    bytes,
  };
  let restJson: string;
  try {
    restJson = JSON.stringify(rest);
  } catch {
    restJson = '';
  }
  // `head` is escaped once more inside the line: leave room for the escapes, then check.
  let budget = max - Buffer.byteLength(JSON.stringify({ ...base, head: '' }));
  for (;;) {
    const out = JSON.stringify({ ...base, head: cutToBytes(restJson, Math.max(0, budget)) });
    if (Buffer.byteLength(out) <= max || budget <= 0) return out;
    budget -= Math.max(16, Buffer.byteLength(out) - max);
  }
}

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (!enabled(level)) return;
  process.stderr.write(
    formatLine({ time: new Date().toISOString(), level, msg, ...requestScope.getStore(), ...fields }) + '\n',
  );
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};

/**
 * A log line that floods cannot multiply: at most one line per `intervalMs`; the next line
 * written carries `suppressed`, the number of calls dropped since the previous one. For events
 * an attacker controls the rate of (a refused token: ARCHITECTURE.md, "The edge").
 */
export function throttledLog(
  level: Level,
  msg: string,
  opts: { intervalMs: number; now?: () => number; sink?: (fields: Record<string, unknown>) => void },
) {
  const now = opts.now ?? Date.now;
  const sink = opts.sink ?? ((fields: Record<string, unknown>) => write(level, msg, fields));
  let last = -Infinity;
  let suppressed = 0;
  return (fields?: Record<string, unknown>): boolean => {
    const t = now();
    if (t - last < opts.intervalMs) {
      suppressed++;
      return false;
    }
    last = t;
    sink({ ...fields, ...(suppressed ? { suppressed } : {}) });
    suppressed = 0;
    return true;
  };
}

/** How often one kind of process warning may write a line (the next counts those in between). */
export const PROCESS_WARNING_LOG_INTERVAL_MS = 60_000;

const WARNINGS_LOGGED = Symbol.for('tiaokuai.processWarningsLogged');

/**
 * Process warnings (Node's `warning` event: MaxListenersExceededWarning, DeprecationWarning,
 * ExperimentalWarning, ...) as our JSON lines: `{"level":"warn","msg":"process warning",
 * "name":…,"code":…,"message":…,"stack":…}` (the stack's first frames, to find the cause), at
 * most one line per name and `intervalMs` (throttledLog), instead of Node's two lines of text
 * on stderr, which broke "JSON lines from every process" (RELIABILITY.md). Node prints through a
 * `warning` listener of its own installed at start-up; the listeners present when this is
 * called are removed, so call it first thing in a process's main. Once per process.
 */
export function logProcessWarnings(
  proc: NodeJS.EventEmitter = process,
  intervalMs = PROCESS_WARNING_LOG_INTERVAL_MS,
): void {
  const flagged = proc as NodeJS.EventEmitter & { [WARNINGS_LOGGED]?: boolean };
  if (flagged[WARNINGS_LOGGED]) return;
  flagged[WARNINGS_LOGGED] = true;
  proc.removeAllListeners('warning');
  const byName = new Map<string, ReturnType<typeof throttledLog>>();
  proc.on('warning', (w: Error & { code?: string }) => {
    // Names are few (Node's own); anything past 32 shares one throttle.
    const name = String(w?.name ?? 'Warning').slice(0, 64);
    const key = byName.has(name) || byName.size < 32 ? name : '(other)';
    let line = byName.get(key);
    if (!line) byName.set(key, (line = throttledLog('warn', 'process warning', { intervalMs })));
    const frames = String(w?.stack ?? '')
      .split('\n')
      .slice(1, 8)
      .map((f) => f.trim())
      .join(' | ');
    line({
      name,
      ...(w?.code ? { code: String(w.code).slice(0, 64) } : {}),
      message: cutToBytes(String(w?.message ?? w), 512),
      ...(frames ? { stack: cutToBytes(frames, 1024) } : {}),
    });
  });
}
