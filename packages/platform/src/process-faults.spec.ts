import {
  FaultHandlingDeps,
  FaultKind,
  handleProcessFault,
  installProcessFaultHandlers,
  isDriverWriteAfterClose,
  processFaultVerdict,
} from './process-faults';

const lost = (code: string) => Object.assign(new Error(`lost (${code})`), { code });
/** Drizzle wraps the driver's error as its cause. */
const wrapped = (cause: Error) => new Error('Failed query: select 1', { cause });
/** The error postgres.js 3.4.9 throws from a setImmediate callback (its stack as seen in the run). */
function driverWriteAfterClose(): TypeError {
  const e = new TypeError("Cannot read properties of null (reading 'write')");
  e.stack = `${e.message}\n    at Immediate.nextWrite (/srv/hub/node_modules/postgres/cjs/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:483:21)`;
  return e;
}

describe('processFaultVerdict', () => {
  const cases: Array<[string, FaultKind, unknown, boolean]> = [
    // description, kind, error, fatal
    ['a rejection: terminated backend (57P01) through drizzle', 'unhandledRejection', wrapped(lost('57P01')), false],
    ['a rejection: postgres.js CONNECTION_CLOSED', 'unhandledRejection', lost('CONNECTION_CLOSED'), false],
    ['a rejection: socket reset', 'unhandledRejection', lost('ECONNRESET'), false],
    ['a rejection: unique violation', 'unhandledRejection', wrapped(lost('23505')), true],
    ['a rejection: a plain error', 'unhandledRejection', new Error('boom'), true],
    ['a rejection: not an error at all', 'unhandledRejection', undefined, true],
    ["an exception: the driver's nextWrite TypeError", 'uncaughtException', driverWriteAfterClose(), true],
    ['an exception: a lost connection thrown past every handler', 'uncaughtException', lost('CONNECTION_CLOSED'), true],
    ['an exception: a TypeError of our own', 'uncaughtException', new TypeError('x is not a function'), true],
  ];
  it.each(cases.map(([what, kind, error, fatal]) => [what, kind, fatal, error] as const))(
    '%s (%s) → fatal %s',
    (_what, kind, fatal, error) => {
      expect(processFaultVerdict(kind, error).fatal).toBe(fatal);
    },
  );

  it("names the driver's write after close, and only that", () => {
    expect(isDriverWriteAfterClose(driverWriteAfterClose())).toBe(true);
    expect(processFaultVerdict('uncaughtException', driverWriteAfterClose()).reason).toMatch(/postgres#1208/);
    expect(isDriverWriteAfterClose(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false);
    expect(isDriverWriteAfterClose(new Error('nextWrite in /postgres/'))).toBe(false);
  });
});

describe('handleProcessFault', () => {
  const recorder = () => {
    const seen = {
      exits: [] as number[],
      warn: [] as Array<[string, Record<string, unknown>]>,
      error: [] as Array<[string, Record<string, unknown>]>,
    };
    const deps: FaultHandlingDeps = {
      exit: (code) => {
        seen.exits.push(code);
      },
      warn: (msg, fields) => {
        seen.warn.push([msg, fields]);
      },
      error: (msg, fields) => {
        seen.error.push([msg, fields]);
      },
    };
    return { seen, deps };
  };

  it('logs a survivable fault as a warning and does not exit', () => {
    const { seen, deps } = recorder();
    handleProcessFault('tasks subgraph', 'unhandledRejection', wrapped(lost('57P01')), deps);
    expect(seen.exits).toEqual([]);
    expect(seen.error).toEqual([]);
    expect(seen.warn).toHaveLength(1);
    expect(seen.warn[0][0]).toBe('tasks subgraph: survived unhandledRejection');
    expect(seen.warn[0][1]).toMatchObject({ process: 'tasks subgraph', kind: 'unhandledRejection' });
    expect(String(seen.warn[0][1].error)).toContain('Failed query');
  });

  it('logs a fatal fault as an error with its stack, then exits 1', () => {
    const { seen, deps } = recorder();
    handleProcessFault('tasks subgraph', 'uncaughtException', driverWriteAfterClose(), deps);
    expect(seen.warn).toEqual([]);
    expect(seen.error).toHaveLength(1);
    expect(seen.error[0][0]).toBe('tasks subgraph: fatal uncaughtException; exiting');
    expect(String(seen.error[0][1].error)).toContain('nextWrite');
    expect(seen.exits).toEqual([1]);
  });

  it("is what the installed handlers do with the process's events, until removed", () => {
    const { seen, deps } = recorder();
    const remove = installProcessFaultHandlers('probe', deps);
    try {
      process.emit('unhandledRejection', lost('CONNECTION_CLOSED'), Promise.resolve());
      process.emit('uncaughtException', new Error('boom'));
    } finally {
      remove();
    }
    process.emit('unhandledRejection', lost('CONNECTION_CLOSED'), Promise.resolve()); // after removal: not seen
    expect(seen.warn.map(([msg]) => msg)).toEqual(['probe: survived unhandledRejection']);
    expect(seen.error.map(([msg]) => msg)).toEqual(['probe: fatal uncaughtException; exiting']);
    expect(seen.exits).toEqual([1]);
  });
});
