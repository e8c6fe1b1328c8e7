/**
 * Lingering close: how the gateway ends a connection it refuses before reading the body (a
 * missing or bad token, a body over the limit), so that the client can read the refusal.
 *
 * Closing at once loses the answer: the client is still sending its body, the gateway's kernel
 * answers the bytes that arrive after the close with a reset, and the client's kernel then drops
 * whatever it had received but not yet read, the answer included (ECONNRESET, no status: about
 * half of the 20 MB bodies of the hostile runs, RELIABILITY.md). So, like a web server's
 * lingering close: the answer is written with `Connection: close`, the write side is shut once
 * it is flushed (the client reads the answer, then the end of the stream), and the gateway
 * keeps reading and dropping what the client still sends, at most LINGER_MAX_BYTES; past that
 * it stops reading (the kernel's window closes, the client's writes stall) but keeps the
 * connection, so nothing is reset while the client has its answer still unread. The socket is
 * destroyed at the first of
 *
 * - the client closing its side, or the declared body having been read in full (nothing is
 *   left to reset);
 * - LINGER_MAX_MS since the refusal (a client that neither stops sending nor closes; by then
 *   a client that reads what it receives has read its answer).
 *
 * Why not stop at the byte bound: when the answer comes, what the client has already handed to
 * its kernel (its send buffer, up to 4 MB on Linux, and the gateway's receive buffer) is still
 * on its way, typically 3 to 4 MB for a client sending as fast as it can; a reset before the
 * client has read the answer loses it, however much was read before.
 *
 * Memory stays bounded (each chunk is counted and dropped), and so do the bytes read (at most
 * LINGER_MAX_BYTES after the refusal, against the 25 MB the body limit lets a client announce)
 * and the time a refused connection stays open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The most bytes of a refused request's body read (and dropped) after the refusal. */
export const LINGER_MAX_BYTES = 1024 * 1024;
/** The longest a refused connection stays open after the refusal, in milliseconds. */
export const LINGER_MAX_MS = 2_000;

/**
 * Why a lingering connection was closed: the client closed its side, the body was read in full,
 * the time bound (`bytes`: having stopped reading at the byte bound; `time`: without), or an
 * error on the socket.
 */
export type LingerEnd = 'client closed' | 'body read' | 'bytes' | 'time' | 'error';

export interface LingerOptions {
  maxBytes?: number;
  maxMs?: number;
  /** Called once, when the socket is closed: why, and the body bytes dropped after the refusal. */
  onClose?: (end: LingerEnd, discarded: number) => void;
}

/**
 * Answers `req` with `status`, `headers` and `text`, then closes the connection lingering (see
 * the module comment). The body is never buffered: chunks are counted and dropped.
 */
export function refuseLingering(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string,
  opts: LingerOptions = {},
): void {
  const maxBytes = opts.maxBytes ?? LINGER_MAX_BYTES;
  const socket = req.socket;
  let discarded = 0;
  let flushed = false; // the answer has been handed to the kernel and the write side shut
  let closed = false;
  let pending: LingerEnd | undefined; // a reason to close, held until the answer is flushed
  /** Closes now if `now` or the answer is flushed; else once it is. */
  const close = (end: LingerEnd, now = false) => {
    if (closed) return;
    if (!flushed && !now) {
      pending ??= end;
      return;
    }
    closed = true;
    clearTimeout(timer);
    req.off('data', discard);
    socket.destroy();
    opts.onClose?.(end, discarded);
  };
  const discard = (chunk: Buffer) => {
    discarded += chunk.length;
    // No more reading: the kernel's window closes, the client's writes stall, nothing is reset.
    if (discarded >= maxBytes) req.pause();
  };
  const timer = setTimeout(() => close(discarded >= maxBytes ? 'bytes' : 'time', true), opts.maxMs ?? LINGER_MAX_MS);
  timer.unref();
  // Reading from now on (so the server never dumps the body unread, uncounted).
  req.on('data', discard);
  req.once('end', () => close('body read'));
  socket.once('end', () => close('client closed'));
  socket.once('error', () => close('error', true));
  socket.once('close', () => close('client closed', true));
  // node:http ends a connection after its last answer (`Connection: close`) with destroySoon():
  // shut the write side, then destroy once that is flushed, which resets a client still
  // sending. This connection shuts its write side and lingers instead.
  socket.destroySoon = () => {
    flushed = true;
    if (socket.writable) socket.end();
    if (pending) close(pending);
  };
  res.shouldKeepAlive = false;
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(text)), connection: 'close' });
  res.end(text);
}
