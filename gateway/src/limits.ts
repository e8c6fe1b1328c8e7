/**
 * Abuse limits at the gateway, checked before any subgraph is called: operation depth, cost,
 * aliases, directives and tokens (GraphQL Armor's envelop plugins), and the request body size
 * (checked on the HTTP layer in index.ts). Page sizes are capped by the subgraphs themselves
 * (`units(first)` at most 500). Every limit is a setting; the defaults leave room for every
 * query in the README and the contract tests, with a wide margin.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';

export interface Limits {
  /** Deepest selection nesting. */
  maxDepth: number;
  /** GraphQL Armor's cost: 2 per object, 1 per scalar, ×1.5 per level of depth. */
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in the query text (variables do not count: an import travels in them). */
  maxTokens: number;
  /**
   * Largest request body: a whole province's import file fits (20,000 units ≈ 8 MB). At most
   * YOGA_MAX_BODY_BYTES: the gateway runtime's graphql-yoga enforces its own default there
   * and the runtime offers no way to raise it.
   */
  maxBodyBytes: number;
}

/** graphql-yoga's request body limit (not configurable through the Hive gateway runtime). */
export const YOGA_MAX_BODY_BYTES = 25_000_000;

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxCost: 5000,
  maxAliases: 30,
  maxDirectives: 30,
  maxTokens: 5000,
  maxBodyBytes: YOGA_MAX_BODY_BYTES,
};

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Limits {
  const n = (name: string, def: number, max = Number.MAX_SAFE_INTEGER) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const v = Number(raw);
    if (!Number.isSafeInteger(v) || v < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
    if (v > max) throw new Error(`${name} must be at most ${max}, got ${v}`);
    return v;
  };
  return {
    maxDepth: n('LIMIT_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
    maxCost: n('LIMIT_MAX_COST', DEFAULT_LIMITS.maxCost),
    maxAliases: n('LIMIT_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
    maxDirectives: n('LIMIT_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
    maxTokens: n('LIMIT_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
    maxBodyBytes: n('LIMIT_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, YOGA_MAX_BODY_BYTES),
  };
}

/** The code a client sees when an operation is refused for its size or shape. */
export const LIMIT_CODE = 'QUERY_TOO_COMPLEX';

/** Envelop plugins enforcing the limits; a refusal is a GraphQL error with LIMIT_CODE. */
export function limitPlugins(limits: Limits) {
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
    // Suggestions ("did you mean …") would map the schema for a caller who may not see it.
    blockFieldSuggestion: { enabled: true },
  });
  return armor.protect().plugins;
}

/** Armor reports refusals as plain GraphQL errors; give them a stable code for clients. */
export function isLimitError(error: GraphQLError): boolean {
  return /limit of \d+ (exceeded|reached)|Query Cost limit|Token limit|Max tokens|depth limit|aliases limit|directives limit/i.test(error.message);
}
