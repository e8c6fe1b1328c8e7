/**
 * The lingering close on a bare node:http server: how each kind of client ends it, and the
 * bounds (small ones here, so a test does not wait for the real 2 s).
 */
import http from 'node:http';
import net, { type Socket } from 'node:net';
import { refuseLingering, type LingerEnd } from './linger';

const MAX_BYTES = 256 * 1024;
const MAX_MS = 300;

let server: http.Server;
let port: number;
let ends: Array<{ end: LingerEnd; discarded: number }> = [];
let ended: () => void = () => undefined;
/** The next refused connection's end. */
const nextEnd = () =>
  new Promise<{ end: LingerEnd; discarded: number }>((r) => {
    ended = () => r(ends[ends.length - 1]);
  });

beforeAll(async () => {
  server = http.createServer((req, res) =>
    refuseLingering(req, res, 401, { 'content-type': 'application/json' }, '{"errors":[]}', {
      maxBytes: MAX_BYTES,
      maxMs: MAX_MS,
      onClose: (end, discarded) => {
        ends.push({ end, discarded });
        ended();
      },
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  ends = [];
});

/** Sends a request declaring `declared` bytes, then `send` of them; `then` decides what the client does next. */
async function client(
  declared: number,
  send: number,
  then: 'read and close' | 'wait' | 'half-close',
): Promise<{ text: string; end: LingerEnd; discarded: number }> {
  // 'wait': a client that does not close its side when the server ends its own.
  const sock: Socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: then === 'wait' });
  let text = '';
  sock.on('data', (d) => {
    text += d;
  });
  sock.on('error', () => undefined);
  const closed = new Promise<void>((r) => sock.once('close', () => r()));
  const serverEnded = new Promise<void>((r) => sock.once('end', () => r()));
  await new Promise<void>((r) => sock.once('connect', () => r()));
  const end = nextEnd();
  sock.write(`POST / HTTP/1.1\r\nhost: x\r\ncontent-length: ${declared}\r\n\r\n`);
  if (send > 0) sock.write(Buffer.alloc(send, 0x20));
  if (then === 'half-close') sock.end();
  if (then === 'read and close') sock.once('end', () => sock.end());
  const result = await end;
  if (then === 'wait') {
    await Promise.race([serverEnded, closed]);
    sock.destroy();
  }
  await closed;
  return { text, ...result };
}

describe('refuseLingering', () => {
  it.each([
    ['the whole (small) body arrives: closed once it is read', 1000, 1000, 'wait', 'body read', 1000],
    [
      'the client reads the answer and closes: closed then',
      10 * MAX_BYTES,
      1000,
      'read and close',
      'client closed',
      1000,
    ],
    [
      'the client half-closes after part of its body: closed then',
      10 * MAX_BYTES,
      1000,
      'half-close',
      'client closed',
      1000,
    ],
    ['the client neither sends nor closes: the time bound', 10 * MAX_BYTES, 0, 'wait', 'time', 0],
  ] as const)('%s', async (_name, declared, send, then, end, discarded) => {
    const r = await client(declared, send, then);
    expect(r.text).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
    expect(r.text.toLowerCase()).toContain('connection: close');
    expect(r.text.endsWith('{"errors":[]}')).toBe(true);
    expect({ end: r.end, discarded: r.discarded }).toEqual({ end, discarded });
  });

  it('a client that sends past the byte bound: reading stops there, the time bound closes it', async () => {
    const r = await client(10 * MAX_BYTES, 4 * MAX_BYTES, 'wait');
    expect(r.end).toBe('bytes');
    expect(r.discarded).toBeGreaterThanOrEqual(MAX_BYTES);
    expect(r.discarded).toBeLessThanOrEqual(MAX_BYTES + 64 * 1024); // at most one chunk past it
    expect(r.text).toMatch(/^HTTP\/1\.1 401/);
  });
});
