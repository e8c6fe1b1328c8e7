/**
 * Who is calling, as the gateway vouches for it to a subgraph.
 *
 * The gateway verifies the caller's bearer JWT, then sends each subgraph the verified claims
 * in `x-hub-identity` (base64url JSON) with `x-hub-signature`, an HMAC-SHA256 over the
 * subgraph's name and those claims under that subgraph's own secret. A subgraph accepts a
 * request only with a valid, unexpired signature (compared in constant time): anyone who can
 * reach it directly, without the secret, gets 401, and nobody can claim an identity by
 * setting a header. Secrets are per subgraph, so one leaked secret does not open the others.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  /** The person or system (JWT `sub`), for the audit trail. */
  subject: string;
  /** The body (unit code) the caller acts for; null for the hub's operator. */
  body: string | null;
  role: Role;
  /** The hub's operator: sees and manages everything. */
  hubAdmin: boolean;
  /** Request id, carried from the gateway for logs and the audit trail. */
  requestId?: string;
  /**
   * Set when another subgraph calls this one directly (service.ts), not the gateway: the name
   * of the calling service. Such calls may only read (subgraph.ts refuses anything else).
   */
  service?: string;
}

export const IDENTITY_HEADER = 'x-hub-identity';
export const SIGNATURE_HEADER = 'x-hub-signature';
/** How long a signed envelope is accepted: long enough for clock skew, short for replay. */
const ENVELOPE_TTL_MS = 60_000;

interface Envelope extends Identity {
  exp: number;
}

/** A fresh random secret (base64url, 256 bits) for a subgraph. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function mac(secret: string, subgraph: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${subgraph}.${payload}`).digest();
}

/** The two headers the gateway sends to `subgraph` for this caller. */
export function signIdentity(secret: string, subgraph: string, identity: Identity, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ ...identity, exp: now + ENVELOPE_TTL_MS } satisfies Envelope)).toString('base64url');
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: mac(secret, subgraph, payload).toString('base64url') };
}

/**
 * The identity in a request's headers if, and only if, its signature is valid for this
 * subgraph's secret and it has not expired; otherwise null (the caller answers 401).
 */
export function verifyIdentity(
  secret: string,
  subgraph: string,
  payload: string | undefined,
  signature: string | undefined,
  now = Date.now(),
): Identity | null {
  if (!payload || !signature || payload.length > 8192) return null;
  const expected = mac(secret, subgraph, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let env: Partial<Envelope>;
  try {
    env = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Envelope>;
  } catch {
    return null;
  }
  if (typeof env.exp !== 'number' || env.exp < now) return null;
  if (typeof env.subject !== 'string' || typeof env.hubAdmin !== 'boolean' || !ROLES.includes(env.role as Role)) return null;
  if (env.body !== null && typeof env.body !== 'string') return null;
  if (!env.hubAdmin && !env.body) return null;
  return {
    subject: env.subject, body: env.body ?? null, role: env.role as Role, hubAdmin: env.hubAdmin,
    ...(typeof env.requestId === 'string' ? { requestId: env.requestId } : {}),
    ...(typeof env.service === 'string' ? { service: env.service } : {}),
  };
}

/** The operator identity for in-process tools and tests that act as the hub itself. */
export const HUB_OPERATOR: Identity = { subject: 'hub-operator', body: null, role: 'ADMIN', hubAdmin: true };
