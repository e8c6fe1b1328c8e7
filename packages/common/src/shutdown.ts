import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { log } from './log';

/**
 * How long a stopping process lets in-flight requests run before it cuts them
 * (`SHUTDOWN_TIMEOUT_MS`, default 8 s: below the launcher's 10 s SIGKILL; keep it below the
 * orchestrator's grace period, e.g. Kubernetes' 30 s).
 */
export function shutdownTimeoutMs(): number {
  const v = Number(process.env.SHUTDOWN_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 8_000;
}

export interface Drainer {
  /** True once `close` began. */
  readonly draining: boolean;
  /**
   * Stops accepting connections, closes idle keep-alive connections at once, lets every
   * request in flight finish (its answer carries `Connection: close`, and its connection is
   * closed behind it), and resolves when no connection is left. After `timeoutMs` whatever
   * is still open is destroyed; `cut` counts the requests that were still unanswered then.
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
    get draining() { return draining; },
    close: async (timeoutMs = shutdownTimeoutMs()) => {
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

/**
 * Stops a process cleanly on SIGTERM/SIGINT (in-flight requests finish in `close`), and, when
 * it was started by the hub's launcher (HUB_SUPERVISED=1, stdin a pipe), also when the
 * launcher goes away, even by SIGKILL: the pipe closes and the process does not live on as an
 * orphan holding its port. Kept free of heavy imports so the gateway can load it alone.
 * Exits 0 once `close` resolved; 1 if it failed, or if it has not finished
 * `SHUTDOWN_TIMEOUT_MS` + 5 s after the signal (a backstop: `close` is bounded itself).
 * Further signals while stopping are ignored (Ctrl+C reaches the launcher and its children).
 */
export function onShutdown(close: () => Promise<void>): void {
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { reason });
    setTimeout(() => {
      log.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, shutdownTimeoutMs() + 5_000).unref();
    let code = 0;
    try {
      await close();
    } catch (e) {
      code = 1;
      log.error('shutdown failed', { error: (e as Error)?.stack ?? String(e) });
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
