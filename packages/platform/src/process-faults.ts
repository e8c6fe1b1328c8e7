import { isConnectionLost } from './db';
import { log } from './log';

/** The two ways an error reaches the process with nobody to handle it. */
export type FaultKind = 'uncaughtException' | 'unhandledRejection';

export interface FaultVerdict {
  /** Exit (code 1, the supervisor restarts the process) or log and carry on. */
  fatal: boolean;
  /** Why, in words for the log line. */
  reason: string;
}

/**
 * postgres.js 3.4.x's uncaught `TypeError` at `nextWrite`: it wrote to a connection whose socket
 * was already gone (porsager/postgres#1199, #1208). Recognised only to name it in the log.
 */
export function isDriverWriteAfterClose(e: unknown): boolean {
  const stack = (e as Error)?.stack ?? '';
  return e instanceof TypeError && /\bnextWrite\b/.test(stack) && /[\\/]postgres[\\/]/.test(stack);
}

/**
 * What a subgraph process does with an error nobody caught (pure; table-tested in
 * process-faults.spec.ts):
 *
 * - A rejection nobody awaited whose error is a lost database connection (a terminated backend,
 *   a restarted server: `isConnectionLost`) is not fatal: nothing in the process is left half
 *   done, and postgres.js connects again for the next statement. Logged as a warning.
 * - Every uncaught exception is fatal, lost connections included: an exception that unwound
 *   past every handler leaves state nobody can vouch for. postgres.js's `nextWrite` TypeError
 *   is the proof: after it that connection never writes again (its write timer is left set),
 *   and every statement the pool gives it hangs, so a restart is the only repair. The causes
 *   are fixed where they start instead (`guardTransactions`, the migration lock in
 *   `migrateLocked`: db.ts), so a lost backend does not reach this handler.
 * - Any other unhandled rejection is fatal, as it is by Node's default (`--unhandled-rejections=throw`).
 */
export function processFaultVerdict(kind: FaultKind, e: unknown): FaultVerdict {
  if (kind === 'unhandledRejection' && isConnectionLost(e)) {
    return {
      fatal: false,
      reason: 'a database connection was lost under a promise nobody awaited; the driver reconnects',
    };
  }
  if (isDriverWriteAfterClose(e)) {
    return {
      fatal: true,
      reason:
        'postgres.js wrote to a connection whose backend is gone (porsager/postgres#1208); that connection cannot recover',
    };
  }
  return {
    fatal: true,
    reason:
      kind === 'uncaughtException'
        ? 'an exception reached the top of the process'
        : 'a promise was rejected and nobody handled it',
  };
}

export interface FaultHandlingDeps {
  exit: (code: number) => void;
  warn: (msg: string, fields: Record<string, unknown>) => void;
  error: (msg: string, fields: Record<string, unknown>) => void;
}

const realDeps: FaultHandlingDeps = { exit: (code) => process.exit(code), warn: log.warn, error: log.error };

/** Handles one fault by its verdict: one JSON log line, then exit 1 if it is fatal. */
export function handleProcessFault(
  name: string,
  kind: FaultKind,
  e: unknown,
  deps: FaultHandlingDeps = realDeps,
): FaultVerdict {
  const verdict = processFaultVerdict(kind, e);
  const fields = { process: name, kind, reason: verdict.reason, error: (e as Error)?.stack ?? String(e) };
  if (!verdict.fatal) {
    deps.warn(`${name}: survived ${kind}`, fields);
    return verdict;
  }
  deps.error(`${name}: fatal ${kind}; exiting`, fields);
  deps.exit(1);
  return verdict;
}

/**
 * Installs the process-level handlers of a subgraph process (`runServiceMain`): instead of Node's
 * default (a stack on stderr that is not JSON, then exit 1 for any of them), each fault is one
 * JSON line, and only the fatal ones (`processFaultVerdict`) end the process. Returns a
 * function that removes them again.
 */
export function installProcessFaultHandlers(name: string, deps: FaultHandlingDeps = realDeps): () => void {
  const onException = (e: unknown) => {
    handleProcessFault(name, 'uncaughtException', e, deps);
  };
  const onRejection = (e: unknown) => {
    handleProcessFault(name, 'unhandledRejection', e, deps);
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
