import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { log } from './log';

/**
 * How long a process may take to stop after SIGTERM (`SHUTDOWN_TIMEOUT_MS`, default 8 s: below
 * the launcher's SIGKILL, and below systemd's `TimeoutStopSec` in deploy/; keep it below the
 * orchestrator's grace period, e.g. Kubernetes' 30 s). It is one budget for the whole stop,
 * draining and closing together, enforced by `onShutdown` (ARCHITECTURE.md, "Shutdown").
 */
export function shutdownTimeoutMs(): number {
  const v = Number(process.env.SHUTDOWN_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 8_000;
}

/** When the stop in progress must be over (epoch ms); unset while the process runs. */
let deadlineAt: number | undefined;

/** Milliseconds left of the shutdown budget: all of it while no stop has begun. */
export function shutdownRemainingMs(): number {
  return deadlineAt === undefined ? shutdownTimeoutMs() : Math.max(0, deadlineAt - Date.now());
}

/**
 * How long requests in flight may still run: the budget left minus a reserve for what comes
 * after the drain (Apollo's stop, the database pool's end, PGlite's close), a quarter of the
 * budget and at most 2 s. Draining used to take the whole budget and the pool's end another
 * 5 s on top, so a process with a slow request took 10–11 s against 8.
 */
export function drainTimeoutMs(): number {
  const reserve = Math.min(2_000, shutdownTimeoutMs() / 4);
  return Math.max(0, shutdownRemainingMs() - reserve);
}

/**
 * What a closing step that waits (a pool's end, a warmer's last run) may still take, in
 * milliseconds: the budget left minus a small margin for exiting, never less than 100 ms.
 */
export function closeTimeoutMs(): number {
  return Math.max(100, shutdownRemainingMs() - 250);
}

export interface Drainer {
  /** True once `close` began. */
  readonly draining: boolean;
  /**
   * Stops accepting connections, closes idle keep-alive connections at once, lets every
   * request in flight finish (its answer carries `Connection: close`, and its connection is
   * closed behind it), and resolves when no connection is left. After `timeoutMs` whatever
   * is still open is destroyed; `cut` counts the requests that were still unanswered then.
   * `timeoutMs` defaults to `drainTimeoutMs()`, what the shutdown budget leaves for draining.
   */
  close(timeoutMs?: number): Promise<{ cut: number }>;
}

/**
 * Graceful draining for a node:http server. `server.close()` alone stops listening and (Node
 * ≥ 19) closes the connections idle at that moment, but a connection whose request is still in
 * flight is answered `Connection: keep-alive` and then idles until `keepAliveTimeout` (65 s on
 * the subgraphs) before `close` resolves, and a client may keep sending requests on it.
 */
export function drainable(server: Server): Drainer {
  /** Unanswered requests per connection. */
  const inflight = new Map<Socket, Set<ServerResponse>>();
  let draining = false;
  const finished = (socket: Socket, res: ServerResponse) => {
    const open = inflight.get(socket);
    if (!open) return;
    open.delete(res);
    if (open.size > 0) return;
    inflight.delete(socket);
    // Answers whose headers left before the drain began said keep-alive: close behind them.
    if (draining && !socket.destroyed) socket.end();
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    let open = inflight.get(socket);
    if (!open) inflight.set(socket, (open = new Set()));
    open.add(res);
    // A request that arrived on an already open connection while draining is served (it may
    // be a mutation: refusing it would lose it), and that connection ends after the answer.
    if (draining && !res.headersSent) res.setHeader('connection', 'close');
    res.once('close', () => finished(socket, res));
  });
  return {
    get draining() {
      return draining;
    },
    close: async (timeoutMs = drainTimeoutMs()) => {
      draining = true;
      for (const open of inflight.values()) {
        for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
      }
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let cut = 0;
      const timer = setTimeout(() => {
        for (const open of inflight.values()) cut += open.size;
        server.closeAllConnections();
      }, timeoutMs);
      try {
        await closed;
      } finally {
        clearTimeout(timer);
      }
      return { cut };
    },
  };
}

export interface ShutdownOptions {
  /** The hard deadline after the signal (default `shutdownTimeoutMs()`). */
  timeoutMs?: number;
}

/**
 * Stops a process cleanly on SIGTERM/SIGINT (in-flight requests finish in `close`), and, when
 * it was started by the hub's launcher (HUB_SUPERVISED=1, stdin a pipe), also when the
 * launcher goes away, even by SIGKILL: the pipe closes and the process does not live on as an
 * orphan holding its port. Kept free of heavy imports so the gateway can load it alone.
 *
 * The stop has one budget, `SHUTDOWN_TIMEOUT_MS` from the signal: `drainTimeoutMs()` and
 * `closeTimeoutMs()` give each step what is left of it, and a hard deadline at the budget's end
 * exits 1 with an error line naming the overrun, whatever step is still waiting. The outcome is
 * always one JSON line: `shut down` (info, with `ms`) or `shutdown failed` / `shutdown overran
 * its deadline` (error). Exits 0 after a clean `close`, else 1.
 * Further signals while stopping are ignored (Ctrl+C reaches the launcher and its children).
 */
export function onShutdown(close: () => Promise<void>, opts: ShutdownOptions = {}): void {
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    const timeoutMs = opts.timeoutMs ?? shutdownTimeoutMs();
    const started = Date.now();
    deadlineAt = started + timeoutMs;
    log.info('shutting down', { reason, timeoutMs });
    // Not unref'd: the deadline must fire even when nothing else keeps the loop alive.
    setTimeout(() => {
      log.error('shutdown overran its deadline; exiting', { reason, timeoutMs, ms: Date.now() - started });
      process.exit(1);
    }, timeoutMs);
    let code = 0;
    try {
      await close();
      log.info('shut down', { reason, timeoutMs, ms: Date.now() - started });
    } catch (e) {
      code = 1;
      log.error('shutdown failed', {
        reason,
        timeoutMs,
        ms: Date.now() - started,
        error: (e as Error)?.stack ?? String(e),
      });
    } finally {
      process.exit(code);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  if (process.env.HUB_SUPERVISED === '1') {
    process.stdin.on('end', () => void stop('launcher gone'));
    process.stdin.on('error', () => void stop('launcher gone'));
    process.stdin.resume();
  }
}
