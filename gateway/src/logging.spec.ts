import { HubLogWriter, sanitize } from './logging';

describe("the runtime's log records, made safe", () => {
  it('drops bodies, variables, query text and headers at any depth, keeps the error code', () => {
    const record = {
      subgraph: 'org',
      error: {
        message: 'Internal Server Error',
        extensions: {
          code: 'DOWNSTREAM_SERVICE_ERROR',
          request: { body: '{"query":"…","variables":{"secret":1}}' },
          response: { body: 'x' },
        },
        stack: 'Error: at …',
      },
      nested: { deeper: { variables: { a: 1 }, headers: { authorization: 'Bearer t' }, kept: 'yes' } },
      query: '{ everything }',
    };
    expect(sanitize(record)).toEqual({
      subgraph: 'org',
      error: { message: 'Internal Server Error', code: 'DOWNSTREAM_SERVICE_ERROR' },
      nested: { deeper: { kept: 'yes' } },
    });
  });

  it('cuts long strings, long arrays and deep nesting', () => {
    const out = sanitize({
      s: 'x'.repeat(1000),
      a: Array.from({ length: 20 }, (_, i) => i),
      d: { e: { f: { g: 1 } } },
    }) as Record<string, any>;
    expect(out.s).toHaveLength(301);
    expect(out.a).toEqual([0, 1, 2, 3, 4, '…15 more']);
    expect(out.d).toEqual({ e: { f: '[…]' } });
  });

  it("writes one capped JSON line per record, at the hub's levels", () => {
    const lines: string[] = [];
    const write = process.stderr.write;
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'warn';
    process.stderr.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const w = new HubLogWriter();
      w.write('info', { a: 1 }, 'not at warn');
      w.write(
        'error',
        { error: { message: 'boom', extensions: { request: { body: 'B'.repeat(100_000) } } } },
        'Failed to fetch',
      );
    } finally {
      process.stderr.write = write;
      if (level === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = level;
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'error',
      msg: 'gateway runtime: Failed to fetch',
      error: { message: 'boom' },
    });
    expect(lines[0]).not.toContain('BBBB');
  });
});
