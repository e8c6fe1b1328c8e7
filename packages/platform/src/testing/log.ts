/**
 * For tests: the log lines a piece of code writes. One implementation of the stderr capture
 * that log specs used to copy.
 */
import type { Level } from '../log';

/**
 * Runs `fn` (sync or async) with LOG_LEVEL at `level` and stderr captured; resolves with the
 * lines written meanwhile (each with its newline). Restores both, whatever `fn` does.
 */
export async function stderrLines(level: Level, fn: () => unknown): Promise<string[]> {
  const lines: string[] = [];
  const write = process.stderr.write;
  const before = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = level;
  process.stderr.write = ((chunk: string) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    await fn();
  } finally {
    process.stderr.write = write;
    if (before === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = before;
  }
  return lines;
}
