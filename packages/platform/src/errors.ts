import { GraphQLError } from 'graphql';

/**
 * One error type per meaning, each mapped to a fixed `extensions.code` in one place.
 * Clients (committees' own frontends) branch on `extensions.code`; for bad input,
 * `extensions.field` names the offending input field (a dotted path such as
 * `input.validTo` or an import path such as `units[3].kind`).
 */
export type HubErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'SERVICE_UNAVAILABLE';

export class HubError extends GraphQLError {
  constructor(code: HubErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
  get code(): HubErrorCode {
    return this.extensions.code as HubErrorCode;
  }
}

export class BadInputError extends HubError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, { field, ...extra });
  }
}

export class NotFoundError extends HubError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super('NOT_FOUND', message, { field, ...extra });
  }
}

export class ConflictError extends HubError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super('CONFLICT', message, { field, ...extra });
  }
}

export class ForbiddenError extends HubError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, extra);
  }
}

export function isHubError(e: unknown): e is HubError {
  return e instanceof HubError;
}

/**
 * graphql-js's message for a value in `variables` the schema refuses:
 * `Variable "$k" got invalid value "X" at "k[0]"; ...`, or a required variable left out.
 * Group 1 is the variable, group 2 (when present) the path inside it.
 */
export const BAD_VARIABLE =
  /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" (?:got invalid value .*?(?: at "([^"]+)")?;|of required type|of non-null type)/s;

/** The variable path a coercion message names (`k[0]`, `input.validTo`), if it names one. */
export function badVariableField(message: string): string | undefined {
  const m = BAD_VARIABLE.exec(message);
  return m ? (m[2] ?? m[1]) : undefined;
}
