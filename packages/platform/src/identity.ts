/**
 * Who is calling, as the gateway (or a calling service) vouches for it to a subgraph.
 *
 * The gateway verifies the caller's bearer JWT, then sends each subgraph the verified claims in
 * `x-hub-identity` (base64url JSON). That header is one of the components the request's HTTP
 * Message Signature covers (signature.ts, RFC 9421), with the method, the path, the body's
 * digest and the request id, under the secret that subgraph shares with the signer: nobody can
 * claim an identity by setting a header, nor replay a captured one with another body.
 *
 * A call between services (service.ts) carries the END USER's identity, plus the calling service
 * (`service`) and the grant it reads under (`grant`, SERVICE_GRANTS below): never the hub's
 * operator (ARCHITECTURE.md, "Security").
 */
import { randomBytes } from 'node:crypto';

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
   * of the calling service. Such calls may only read, and only the fields of their grant.
   */
  service?: string;
  /** With `service`: the read-only grant the call is made under (SERVICE_GRANTS). */
  grant?: ServiceGrant;
}

/**
 * What a service may read from another, by name (ARCHITECTURE.md, "Security"). A service call
 * names exactly one grant; the target runs it only if it is a query whose every field (schema
 * coordinate `Type.field`, `__typename` aside) is listed here, and only for the services named.
 * `wide`: the grant reads beyond the end user's jurisdiction (only these fields, never writes,
 * never the audit log); otherwise the target applies the user's own visibility.
 */
export const SERVICE_GRANTS = {
  /** The end user's own jurisdiction, as org decides it (for row-level scoping in tasks and assessments). */
  jurisdiction: { target: 'org', services: ['tasks', 'assessments'], wide: false, fields: ['Query.visibleUnitIds'] },
  /**
   * Units by code or id (code, name, kind) and who led and guided them: authority depends on
   * bodies the user may not see (the central line leading a provincial unit, an issuer's name).
   */
  'leadership-facts': {
    target: 'org',
    services: ['tasks', 'assessments'],
    wide: true,
    fields: [
      'Query.unitsByCode',
      'Query._entities',
      'Query.leadershipTimelineTable',
      'Unit.id',
      'Unit.code',
      'Unit.name',
      'Unit.kind',
    ],
  },
  /**
   * `node(id)` (assessments holds Query.node; docs/api.md "Ids"): whether org still finds an anomaly by its global
   * id, in the user's own sight.
   */
  'anomaly-nodes': {
    target: 'org',
    services: ['assessments'],
    wide: false,
    fields: ['Query._entities', 'Anomaly.id'],
  },
  /** The same for a task finding, asked of tasks. */
  'task-finding-nodes': {
    target: 'tasks',
    services: ['assessments'],
    wide: false,
    fields: ['Query._entities', 'TaskConflict.id'],
  },
  /** How many assignments a body gave a unit (assessments' EVALUATION_ONLY finding), over any pair of units. */
  'assignment-activity': {
    target: 'tasks',
    services: ['assessments'],
    wide: true,
    fields: ['Query.assignmentActivity'],
  },
} as const satisfies Record<
  string,
  { target: string; services: readonly string[]; wide: boolean; fields: readonly string[] }
>;

export type ServiceGrant = keyof typeof SERVICE_GRANTS;

/** True when this identity may read beyond its own jurisdiction: the operator, or a service call under a wide grant. */
export function readsEverything(identity: Identity): boolean {
  return (
    identity.hubAdmin ||
    (identity.service !== undefined && identity.grant !== undefined && SERVICE_GRANTS[identity.grant]?.wide === true)
  );
}

export const IDENTITY_HEADER = 'x-hub-identity';

/** A fresh random secret (base64url, 256 bits) for a subgraph. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The x-hub-identity value: the identity as base64url JSON. */
export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify(identity)).toString('base64url');
}

/** The identity in an x-hub-identity value, if well-formed; null otherwise (the caller answers 401). */
export function decodeIdentity(value: string | undefined): Identity | null {
  if (!value || value.length > 8192) return null;
  let env: Partial<Identity>;
  try {
    env = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Identity>;
  } catch {
    return null;
  }
  if (typeof env !== 'object' || env === null) return null;
  if (typeof env.subject !== 'string' || typeof env.hubAdmin !== 'boolean' || !ROLES.includes(env.role as Role))
    return null;
  if (env.body !== null && typeof env.body !== 'string') return null;
  if (!env.hubAdmin && !env.body) return null;
  if (env.service !== undefined && typeof env.service !== 'string') return null;
  if (
    env.grant !== undefined &&
    (typeof env.grant !== 'string' || !Object.hasOwn(SERVICE_GRANTS, env.grant) || env.service === undefined)
  )
    return null;
  return {
    subject: env.subject,
    body: env.body ?? null,
    role: env.role as Role,
    hubAdmin: env.hubAdmin,
    ...(typeof env.requestId === 'string' ? { requestId: env.requestId } : {}),
    ...(typeof env.service === 'string' ? { service: env.service } : {}),
    ...(typeof env.grant === 'string' ? { grant: env.grant as ServiceGrant } : {}),
  };
}

/** The operator identity for in-process tools and tests that act as the hub itself. */
export const HUB_OPERATOR: Identity = { subject: 'hub-operator', body: null, role: 'ADMIN', hubAdmin: true };
