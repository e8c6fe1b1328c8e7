import { EventEmitter } from 'node:events';
import { formatLine, log, logProcessWarnings, MAX_LINE_BYTES, throttledLog } from './log';

/** The lines `fn` writes to stderr at LOG_LEVEL=debug. */
function captured(fn: () => void): string[] {
  const lines: string[] = [];
  const write = process.stderr.write;
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'debug';
  process.stderr.write = ((chunk: string) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    fn();
  } finally {
    process.stderr.write = write;
    if (level === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = level;
  }
  return lines;
}

describe('line length cap', () => {
  it('a short line is written as it is', () => {
    const [line] = captured(() => log.info('short', { n: 1 }));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ level: 'info', msg: 'short', n: 1 });
    expect(JSON.parse(line).truncated).toBeUndefined();
  });

  it.each([
    ['ASCII', 'x'.repeat(20_000)],
    ['Chinese (3 bytes a character)', '单位'.repeat(10_000)],
    ['quotes and control characters (escaped twice)', '"\n\\\u0001'.repeat(5_000)],
  ])('%s: a line over the cap is cut to the cap, stays JSON and says so', (_name, big) => {
    const [line] = captured(() =>
      log.error('subgraph failed '.repeat(100), { requestId: 'rid-1', error: big, other: 1 }),
    );
    expect(Buffer.byteLength(line) - 1).toBeLessThanOrEqual(MAX_LINE_BYTES);
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({ level: 'error', requestId: 'rid-1', truncated: true });
    expect(parsed.bytes).toBeGreaterThan(MAX_LINE_BYTES);
    expect(typeof parsed.head).toBe('string');
    expect(parsed.head.length).toBeGreaterThan(100); // as much as fits is kept, not nothing
    expect(Buffer.byteLength(parsed.msg)).toBeLessThanOrEqual(512);
  });

  it('formatLine honours any cap and survives values JSON cannot encode', () => {
    expect(Buffer.byteLength(formatLine({ msg: 'm', v: 'y'.repeat(1000) }, 300))).toBeLessThanOrEqual(300);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(JSON.parse(formatLine({ level: 'warn', msg: 'cyclic', cyclic }))).toMatchObject({
      msg: 'cyclic',
      logError: expect.any(String),
    });
  });
});

describe('throttled log', () => {
  it('writes one line per interval and counts what it dropped', () => {
    let t = 0;
    const out: Array<Record<string, unknown>> = [];
    const refused = throttledLog('warn', 'token refused', {
      intervalMs: 10_000,
      now: () => t,
      sink: (f) => out.push(f),
    });
    expect(refused({ reason: 'ERR_JWT_EXPIRED' })).toBe(true);
    for (let i = 0; i < 999; i++) {
      t += 5;
      expect(refused({ reason: 'x' })).toBe(false);
    }
    t = 10_000;
    expect(refused({ reason: 'ERR_JWS_INVALID' })).toBe(true);
    expect(out).toEqual([{ reason: 'ERR_JWT_EXPIRED' }, { reason: 'ERR_JWS_INVALID', suppressed: 999 }]);
  });

  it('writes through the capped logger by default', () => {
    const refused = throttledLog('warn', 'token refused', { intervalMs: 60_000 });
    const lines = captured(() => {
      for (let i = 0; i < 50; i++) refused({ reason: 'r' });
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', msg: 'token refused', reason: 'r' });
  });
});

describe('process warnings as log lines', () => {
  /** A stand-in for `process` with Node's own printer on it (the real one writes text to stderr). */
  function fakeProcess() {
    const proc = new EventEmitter();
    let printed = 0;
    proc.on('warning', () => {
      printed++;
    });
    return { proc, printed: () => printed };
  }
  const warning = (name: string, message: string, code?: string) =>
    Object.assign(new Error(message), { name, ...(code ? { code } : {}) });

  it("takes Node's printer off and writes each warning as one JSON line with its name, code, message and first frames", () => {
    const { proc, printed } = fakeProcess();
    logProcessWarnings(proc);
    const lines = captured(() => {
      proc.emit(
        'warning',
        warning(
          'MaxListenersExceededWarning',
          'Possible EventTarget memory leak detected. 11 abort listeners added to [AbortSignal].',
        ),
      );
      proc.emit('warning', warning('DeprecationWarning', 'Buffer() is deprecated', 'DEP0005'));
    });
    expect(printed()).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'process warning',
        name: 'MaxListenersExceededWarning',
        message: expect.stringContaining('11 abort listeners'),
        stack: expect.stringContaining('log.spec'),
      }),
      expect.objectContaining({
        level: 'warn',
        msg: 'process warning',
        name: 'DeprecationWarning',
        code: 'DEP0005',
        message: 'Buffer() is deprecated',
      }),
    ]);
  });

  it('a flood of one kind writes one line per interval; a long message is cut, the line stays short', () => {
    const { proc } = fakeProcess();
    logProcessWarnings(proc, 60_000);
    const lines = captured(() => {
      for (let i = 0; i < 100; i++) proc.emit('warning', warning('MaxListenersExceededWarning', 'x'.repeat(20_000)));
      proc.emit('warning', warning('ExperimentalWarning', 'something new'));
    });
    expect(lines.map((l) => JSON.parse(l).name)).toEqual(['MaxListenersExceededWarning', 'ExperimentalWarning']);
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThan(2048);
  });

  it('installs once: called again, it neither doubles the lines nor drops its own listener', () => {
    const { proc } = fakeProcess();
    logProcessWarnings(proc);
    logProcessWarnings(proc);
    expect(proc.listenerCount('warning')).toBe(1);
    const lines = captured(() => {
      proc.emit('warning', warning('Warning', 'once'));
    });
    expect(lines).toHaveLength(1);
  });
});
