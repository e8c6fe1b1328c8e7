/**
 * Requests bound to their content (ARCHITECTURE.md, "Security"): every request the gateway sends
 * a subgraph, and every request one service sends another, carries an HTTP Message Signature
 * (RFC 9421) over the request itself:
 *
 *   Signature-Input: hub=("@method" "@path" "@query" "content-digest" "x-hub-identity" "x-request-id")
 *                    ;created=…;nonce="…";keyid="gateway";alg="hmac-sha256";tag="org"
 *   Signature:       hub=:<HMAC-SHA256 of the signature base>:
 *   Content-Digest:  sha-256=:<SHA-256 of the body bytes>:          (RFC 9530)
 *
 * `keyid` names the signer (`gateway`, or the calling service such as `tasks`) and so the
 * secret: the subgraph's SUBGRAPH_SECRET for the gateway, SERVICE_SECRET_<CALLER> for a service.
 * `tag` names the target subgraph, so a signature made for org is not one for tasks even if an
 * operator gave both the same secret. The receiving subgraph (subgraph.ts) refuses with 401 a
 * request whose signature does not verify, lacks a covered component, is older than
 * SIGNATURE_MAX_AGE_MS (10 s) or dated more than SIGNATURE_CLOCK_SKEW_MS (2 s) ahead, whose
 * body does not match its digest, or whose nonce it has already accepted.
 *
 * The format (the signature base, Signature-Input's parsing, the HMAC comparison) is the
 * `http-message-signatures` library's; only signing is done here synchronously, with the
 * library's own base builder, so the gateway's per-attempt hook stays synchronous (the output is
 * checked against the library's signMessage in signature.spec.ts).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createVerifier, httpbis, type Request as SignedRequest } from 'http-message-signatures';
import { decodeIdentity, encodeIdentity, IDENTITY_HEADER, type Identity } from './identity';

export const REQUEST_ID_HEADER = 'x-request-id';
/** The components every hub signature covers, in this order. */
export const COVERED_COMPONENTS = [
  '@method',
  '@path',
  '@query',
  'content-digest',
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
] as const;
/** The signature's label in Signature / Signature-Input. */
export const SIGNATURE_LABEL = 'hub';
export const SIGNATURE_ALG = 'hmac-sha256';
/**
 * Set (to `stale`) on a subgraph's 401 for a signature that was valid but too old by the time
 * the subgraph got to it (a process busy for seconds, requests queued): nothing ran, so the
 * signer may sign the same request afresh and send it again, a mutation included (a bounded
 * number of times: gateway/src/resign.ts, service.ts).
 */
export const STALE_SIGNATURE_HEADER = 'x-hub-signature-refused';

/** Whether an answer is a refusal as stale (nothing ran: the request may be signed afresh and sent again). */
export const refusedAsStale = (res: { status: number; headers: { get(name: string): string | null } }): boolean =>
  res.status === 401 && res.headers.get(STALE_SIGNATURE_HEADER) === 'stale';
/** The signer name of the gateway (any other keyid is a calling service). */
export const GATEWAY_KEYID = 'gateway';

/** RFC 9530 Content-Digest of a body: `sha-256=:<base64>:`. */
export function contentDigest(body: string | Uint8Array): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/**
 * The sha-256 member of a Content-Digest field (an RFC 8941 dictionary of byte sequences), as
 * base64; null when the field is malformed or has no sha-256 member. Other algorithms are
 * ignored (RFC 9530 §2: a recipient uses the ones it supports).
 */
export function sha256OfDigest(field: string | undefined): string | null {
  if (!field || field.length > 1024) return null;
  let found: string | null = null;
  for (const member of field.split(',')) {
    const m = /^\s*([a-z*][a-z0-9_.*-]*)=:([A-Za-z0-9+/]*={0,2}):(;[^,]*)?\s*$/.exec(member);
    if (!m) return null;
    if (m[1] === 'sha-256') found = m[2];
  }
  return found;
}

/** True when `field` holds a sha-256 digest equal to the body's. */
export function digestMatches(field: string | undefined, body: string | Uint8Array): boolean {
  const given = sha256OfDigest(field);
  return given !== null && given === createHash('sha256').update(body).digest('base64');
}

export interface SignOptions {
  /** Who signs: `gateway` or the calling service's name. */
  keyid: string;
  /** The secret the signer shares with the target for this keyid. */
  secret: string;
  /** The target subgraph's name (the signature's `tag`). */
  target: string;
  identity: Identity;
  /** The request id sent as x-request-id (signed); the identity's, else a fresh one. */
  requestId?: string;
  /** For tests: the signing time (ms) and the nonce. */
  now?: number;
  nonce?: string;
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * The headers that sign a request to `url` with this method and body: x-hub-identity,
 * x-request-id, content-digest, signature-input, signature. A fresh nonce every call: sign each
 * attempt of a retried request again.
 */
export function signRequest(
  request: { method: string; url: string; body: string | Uint8Array },
  opts: SignOptions,
): Record<string, string> {
  if (!NAME.test(opts.keyid) || !NAME.test(opts.target))
    throw new Error(`signRequest: keyid and target must be lowercase names (${opts.keyid}, ${opts.target})`);
  const requestId = opts.requestId ?? opts.identity.requestId ?? randomBytes(12).toString('base64url');
  const headers: Record<string, string> = {
    [IDENTITY_HEADER]: encodeIdentity(opts.identity),
    [REQUEST_ID_HEADER]: requestId,
    'content-digest': contentDigest(request.body),
  };
  const created = Math.floor((opts.now ?? Date.now()) / 1000);
  const nonce = opts.nonce ?? randomBytes(16).toString('base64url');
  if (!/^[\w-]{8,64}$/.test(nonce)) throw new Error('signRequest: a nonce is 8 to 64 base64url characters');
  // Every value here is a plain token (checked above), so the serialisation needs no escaping.
  const input = `(${COVERED_COMPONENTS.map((c) => `"${c}"`).join(' ')});created=${created};nonce="${nonce}";keyid="${opts.keyid}";alg="${SIGNATURE_ALG}";tag="${opts.target}"`;
  const base = httpbis.formatSignatureBase([
    ...httpbis.createSignatureBase(
      { fields: [...COVERED_COMPONENTS] },
      { method: request.method, url: request.url, headers },
    ),
    ['"@signature-params"', [input]],
  ]);
  const signature = createHmac('sha256', opts.secret).update(base).digest('base64');
  return {
    ...headers,
    'signature-input': `${SIGNATURE_LABEL}=${input}`,
    signature: `${SIGNATURE_LABEL}=:${signature}:`,
  };
}

/**
 * Nonces a subgraph has accepted, each kept for the window in which its signature could still
 * be accepted (SIGNATURE_MAX_AGE_MS + SIGNATURE_CLOCK_SKEW_MS after it was first seen: by then
 * the same signature is refused as stale anyway). Bounded: past `max` live entries it refuses
 * new ones (the caller answers 503) rather than forget a live nonce, which would let a replay in.
 * Only requests with a valid signature reach it, so only a holder of a secret can fill it.
 */
export class NonceCache {
  // Insertion order is expiry order (every entry lives the same window from `now`).
  private readonly entries = new Map<string, number>();

  constructor(
    readonly windowMs: number,
    readonly max = 100_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** 'ok' (first use, now remembered), 'replayed' (seen within the window) or 'full'. */
  claim(nonce: string, now = Date.now()): 'ok' | 'replayed' | 'full' {
    for (const [key, expires] of this.entries) {
      if (expires > now) break;
      this.entries.delete(key);
    }
    if (this.entries.has(nonce)) return 'replayed';
    if (this.entries.size >= this.max) return 'full';
    this.entries.set(nonce, now + this.windowMs);
    return 'ok';
  }
}

export type Refusal =
  | 'unsigned'
  | 'malformed signature'
  | 'unknown key'
  | 'bad signature'
  | 'missing component'
  | 'stale'
  | 'from the future'
  | 'wrong target'
  | 'bad identity'
  | 'digest mismatch'
  | 'replayed nonce'
  | 'nonce cache full';

export interface VerifiedHeaders {
  identity: Identity;
  /** The signer: `gateway` or a service name. */
  keyid: string;
  nonce: string;
  digest: string | undefined;
}

export interface VerifierOptions {
  /** This subgraph's name: signatures must carry it as `tag`. */
  target: string;
  /** keyid → secret: `gateway` → SUBGRAPH_SECRET, each calling service → its SERVICE_SECRET_<NAME>. */
  keys: Record<string, string>;
  /** Oldest accepted signature (ms; SIGNATURE_MAX_AGE_MS, default 10 000). */
  maxAgeMs?: number;
  /** How far ahead of this clock a signature may be dated (ms; SIGNATURE_CLOCK_SKEW_MS, default 2 000). */
  skewMs?: number;
  /** Largest number of live nonces (SIGNATURE_NONCE_CACHE_MAX, default 100 000). */
  maxNonces?: number;
  /**
   * Signatures created before this time (ms) are refused as stale: a subgraph passes the time
   * its process started. The nonces are kept in memory, so a process that restarts within the
   * window has forgotten those its predecessor accepted; without this, a request captured shortly
   * before a crash could be replayed once to the new process (the hostile run did, 7 times, once
   * org came back in 1.7 s). `created` counts whole seconds (RFC 9421), so the start is taken up
   * to the next whole second: a signature of the start's own second may have been made before
   * the start, and is refused too. The subgraph therefore opens its port only once that second
   * has come (`RequestVerifier.opensAt`), so every request it serves was signed afterwards. A
   * signer's retry of a refused one is signed afresh and passes. Left: a signer whose clock runs
   * ahead of this one's, by up to SIGNATURE_CLOCK_SKEW_MS.
   */
  notBefore?: number;
}

class Refused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason);
  }
}

/**
 * Checks a subgraph's incoming requests in two steps: the headers (signature, time, signer and
 * identity) before the body is read, so an unsigned request costs no body; then the body against
 * its digest, and the nonce, which is claimed only once everything else holds.
 */
export class RequestVerifier {
  readonly maxAgeMs: number;
  readonly skewMs: number;
  readonly nonces: NonceCache;

  constructor(private readonly opts: VerifierOptions) {
    this.maxAgeMs = opts.maxAgeMs ?? 10_000;
    this.skewMs = opts.skewMs ?? 2_000;
    this.nonces = new NonceCache(this.maxAgeMs + this.skewMs, opts.maxNonces ?? 100_000);
    this.notBefore = opts.notBefore === undefined ? -Infinity : Math.ceil(opts.notBefore / 1000) * 1000;
  }

  /**
   * Signatures created before this whole second are refused as stale (VerifierOptions.notBefore):
   * the first whole second after the start. A server should accept requests only from then on.
   */
  readonly notBefore: number;

  async verifyHeaders(
    request: { method: string; url: string; headers: Record<string, string | string[] | undefined> },
    now = Date.now(),
  ): Promise<{ ok: true; verified: VerifiedHeaders } | { ok: false; reason: Refusal }> {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(request.headers)) if (v !== undefined) headers[k.toLowerCase()] = v;
    if (!headers.signature || !headers['signature-input']) return { ok: false, reason: 'unsigned' };
    const seen: Array<Record<string, unknown>> = [];
    let result: boolean | null;
    try {
      result = await httpbis.verifyMessage(
        {
          // Time is checked in keyLookup against `now` (testable); the library's own clock is not used.
          notAfter: Number.MAX_SAFE_INTEGER,
          requiredParams: ['created', 'nonce', 'keyid', 'alg', 'tag'],
          requiredFields: [...COVERED_COMPONENTS],
          keyLookup: async (params) => {
            seen.push(params);
            if (seen.length > 1) throw new Refused('malformed signature'); // one signature, one signer
            const keyid = params.keyid;
            const secret =
              typeof keyid === 'string' && Object.hasOwn(this.opts.keys, keyid) ? this.opts.keys[keyid] : undefined;
            if (!secret) throw new Refused('unknown key');
            if (params.alg !== SIGNATURE_ALG) throw new Refused('malformed signature');
            if (params.tag !== this.opts.target) throw new Refused('wrong target');
            const created = params.created instanceof Date ? params.created.getTime() : NaN;
            if (!Number.isFinite(created)) throw new Refused('malformed signature');
            if (now - created > this.maxAgeMs || created < this.notBefore) throw new Refused('stale');
            if (created - now > this.skewMs) throw new Refused('from the future');
            return { id: keyid as string, algs: [SIGNATURE_ALG], verify: createVerifier(secret, SIGNATURE_ALG) };
          },
        },
        { method: request.method, url: request.url, headers } satisfies SignedRequest,
      );
    } catch (e) {
      if (e instanceof Refused) return { ok: false, reason: e.reason };
      const name = (e as Error)?.name ?? '';
      const message = String((e as Error)?.message ?? '');
      // The library names a missing header ("No header … found") or a missing covered component.
      if (/No header|Missing required signed fields|Missing required signature parameters/.test(message))
        return { ok: false, reason: 'missing component' };
      if (name === 'ExpiredError') return { ok: false, reason: 'stale' };
      return { ok: false, reason: 'malformed signature' };
    }
    if (result !== true || seen.length !== 1) return { ok: false, reason: 'bad signature' };
    const params = seen[0];
    const keyid = params.keyid as string;
    const identity = decodeIdentity(first(headers[IDENTITY_HEADER]));
    if (!identity) return { ok: false, reason: 'bad identity' };
    // The gateway vouches for end users only; a service names itself, and only itself.
    if (
      keyid === GATEWAY_KEYID
        ? identity.service !== undefined || identity.grant !== undefined
        : identity.service !== keyid
    ) {
      return { ok: false, reason: 'bad identity' };
    }
    const requestId = first(headers[REQUEST_ID_HEADER]);
    if (requestId && !identity.requestId) identity.requestId = requestId;
    return {
      ok: true,
      verified: {
        identity,
        keyid,
        nonce: `${keyid}:${String(params.nonce)}`,
        digest: first(headers['content-digest']),
      },
    };
  }

  /** The body's digest, then the nonce (claimed last: a request refused for its body leaves it unclaimed). */
  verifyBody(verified: VerifiedHeaders, body: string | Uint8Array, now = Date.now()): Refusal | null {
    if (!digestMatches(verified.digest, body)) return 'digest mismatch';
    const claim = this.nonces.claim(verified.nonce, now);
    return claim === 'ok' ? null : claim === 'replayed' ? 'replayed nonce' : 'nonce cache full';
  }

  /** Both steps at once (tests and tools). */
  async verify(
    request: {
      method: string;
      url: string;
      headers: Record<string, string | string[] | undefined>;
      body: string | Uint8Array;
    },
    now = Date.now(),
  ): Promise<{ ok: true; identity: Identity; keyid: string } | { ok: false; reason: Refusal }> {
    const h = await this.verifyHeaders(request, now);
    if (!h.ok) return h;
    const refusal = this.verifyBody(h.verified, request.body, now);
    return refusal
      ? { ok: false, reason: refusal }
      : { ok: true, identity: h.verified.identity, keyid: h.verified.keyid };
  }
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
