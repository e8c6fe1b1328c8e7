/**
 * Abuse limits at the gateway, checked before any subgraph is called: operation depth, aliases,
 * directives and tokens (GraphQL Armor's envelop plugins), the cost with list sizes counted
 * (cost.ts), and the request body size (checked on the HTTP layer in index.ts). Page sizes are
 * capped by the subgraphs themselves (`units(first)` at most 500). Every limit is a setting;
 * the defaults leave room for every query of the tour (README, docs/tour.md) and the contract tests.
 *
 * A refusal is a GraphQL error with code QUERY_TOO_COMPLEX naming the limit's setting and its
 * value: `extensions: { code, limit: "LIMIT_MAX_DEPTH", max: 12, found: 14 }`.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { costLimitPlugin, DEFAULT_LIST_ESTIMATE, LIMIT_CODE, LIST_ESTIMATES } from './cost';

export { LIMIT_CODE };

export interface Limits {
  /** Deepest selection nesting. */
  maxDepth: number;
  /** The cost of cost.ts: 1 per field, a list's subtree times its page or its estimate. */
  maxCost: number;
  /** The estimate of a list of objects without paging arguments and not in cost.ts's table. */
  defaultListEstimate: number;
  /**
   * The largest answer, in bytes of JSON, counted on what the subgraphs send for one request
   * (response-size.ts); over it the answer is RESPONSE_TOO_LARGE.
   */
  maxResponseBytes: number;
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
  maxCost: 100_000,
  defaultListEstimate: DEFAULT_LIST_ESTIMATE,
  maxResponseBytes: 10_000_000,
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
    if (!Number.isSafeInteger(v) || v < 1)
      throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
    if (v > max) throw new Error(`${name} must be at most ${max}, got ${v}`);
    return v;
  };
  return {
    maxDepth: n('LIMIT_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
    maxCost: n('LIMIT_MAX_COST', DEFAULT_LIMITS.maxCost),
    defaultListEstimate: n('LIMIT_DEFAULT_LIST_ESTIMATE', DEFAULT_LIMITS.defaultListEstimate),
    maxResponseBytes: n('LIMIT_MAX_RESPONSE_BYTES', DEFAULT_LIMITS.maxResponseBytes),
    maxAliases: n('LIMIT_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
    maxDirectives: n('LIMIT_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
    maxTokens: n('LIMIT_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
    maxBodyBytes: n('LIMIT_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, YOGA_MAX_BODY_BYTES),
  };
}

/** Envelop plugins enforcing the limits; a refusal is a GraphQL error with LIMIT_CODE. */
export function limitPlugins(limits: Limits) {
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    costLimit: { enabled: false }, // ours counts list sizes (cost.ts)
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
    // Suggestions ("did you mean …") would map the schema for a caller who may not see it.
    blockFieldSuggestion: { enabled: true },
  });
  return [
    ...armor.protect().plugins,
    costLimitPlugin({
      maxCost: limits.maxCost,
      listEstimates: LIST_ESTIMATES,
      defaultListEstimate: limits.defaultListEstimate,
    }),
  ];
}

/** Armor's refusals ("Syntax Error: Query depth limit of 6 exceeded, found 8."), by limit. */
const ARMOR_LIMITS: Array<[RegExp, string, string]> = [
  [/Query depth limit of (\d+) exceeded, found (\d+)/, 'LIMIT_MAX_DEPTH', '查询嵌套深度'],
  [/Aliases limit of (\d+) exceeded, found (\d+)/, 'LIMIT_MAX_ALIASES', '别名数'],
  [/Directives limit of (\d+) exceeded, found (\d+)/, 'LIMIT_MAX_DIRECTIVES', '指令数'],
  [/Token limit of (\d+) exceeded/, 'LIMIT_MAX_TOKENS', '查询词法单元数'],
];

/**
 * Armor reports refusals as "Syntax Error: …" without a code: the same refusal as a
 * QUERY_TOO_COMPLEX error naming the limit's setting and value; undefined for other errors.
 */
export function limitError(error: GraphQLError): GraphQLError | undefined {
  for (const [re, limit, what] of ARMOR_LIMITS) {
    const m = re.exec(error.message);
    if (!m) continue;
    const max = Number(m[1]);
    const found = m[2] === undefined ? undefined : Number(m[2]);
    const message =
      found === undefined ? `${what}超过上限 ${limit} = ${max}` : `${what} ${found} 超过上限 ${limit} = ${max}`;
    return new GraphQLError(message, {
      nodes: error.nodes,
      extensions: { code: LIMIT_CODE, limit, max, ...(found === undefined ? {} : { found }) },
    });
  }
  return undefined;
}
