/**
 * Stops a process cleanly on SIGTERM/SIGINT (in-flight requests finish in `close`), and, when
 * it was started by the hub's launcher (HUB_SUPERVISED=1, stdin a pipe), also when the
 * launcher goes away, even by SIGKILL: the pipe closes and the process does not live on as an
 * orphan holding its port. Kept free of heavy imports so the gateway can load it alone.
 */
export function onShutdown(close: () => Promise<void>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.env.HUB_SUPERVISED === '1') {
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }
}
