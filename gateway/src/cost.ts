/**
 * The cost limit: how much an operation may ask for, counted before any subgraph is called, with
 * list sizes in it (ARCHITECTURE.md, "The edge"). A pure function of the schema, the document and
 * the variables, keyed on arguments and types only, so it holds for any schema: lists paged with
 * `first`/`last` and Relay connections alike.
 *
 * The count:
 * - every field selected costs 1 (`__typename` nothing); a leaf costs 1 even when it is a list
 *   of scalars (those travel as one compact value);
 * - a field with a `first` or `last` argument multiplies what it selects by the page asked for
 *   (the argument's value, a variable's value, the variable's default, else the argument's
 *   default in the schema; the larger of the two when both are given);
 * - a list of objects directly inside a paged field that is not a list itself (a connection's
 *   `edges`, `nodes`) is that page: counted once, not multiplied again;
 * - any other list of objects multiplies what it selects by its declared estimate:
 *   `listEstimates["Type.field"]`, else `defaultListEstimate`;
 * - fragments count where they are spread; the branches for different types all count (an
 *   over-estimate, never an under-estimate).
 */
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export interface CostSettings {
  /** The most an operation may cost (LIMIT_MAX_COST). */
  maxCost: number;
  /** "Type.field" → the number of items a list of objects without paging arguments is counted as. */
  listEstimates: Record<string, number>;
  /** The estimate of any list of objects without paging arguments and not in listEstimates. */
  defaultListEstimate: number;
}

/** The arguments that size a page. */
export const PAGE_ARGUMENTS = ['first', 'last'] as const;

/**
 * Lists without paging arguments that grow with a scope or with time: a scope's findings, a
 * year's schemes. Counted as this many items (a province holds tens of thousands; these are
 * the sizes past which a query should page instead). Lists not named here count as
 * DEFAULT_LIST_ESTIMATE (a unit's leaders, a task's targets: a handful each).
 */
export const LIST_ESTIMATES: Record<string, number> = {
  'Query.taskConflicts': 1000,
  'Query.leadershipAnomalies': 1000,
  'Query.assessmentFindings': 1000,
  'Query.leadershipTimeline': 1000,
  'Query.sharedUnits': 500,
  'Query.unitsByCode': 100,
  'Query.schemes': 20,
  'Query.requiredItems': 100,
};
export const DEFAULT_LIST_ESTIMATE = 5;

type Variables = Record<string, unknown> | null | undefined;

/**
 * The page a field asks for, or undefined when it has no paging argument. `read.variables` is set when a variable was
 * consulted.
 */
function pageSize(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Variables,
  op: OperationDefinitionNode,
  read: { variables: boolean },
): number | undefined {
  let size: number | undefined;
  for (const name of PAGE_ARGUMENTS) {
    const def = field.args.find((a) => a.name === name);
    if (!def) continue;
    const given = node.arguments?.find((a) => a.name.value === name);
    let value: unknown;
    if (!given) value = def.defaultValue;
    else if (given.value.kind === Kind.VARIABLE) {
      read.variables = true;
      const v = given.value.name.value;
      if (variables && v in variables) value = variables[v];
      else {
        const declared = op.variableDefinitions?.find((d) => d.variable.name.value === v)?.defaultValue;
        value = declared ? valueFromAST(declared as ValueNode, def.type) : def.defaultValue;
      }
    } else {
      // A literal (a list or object literal could hold a variable: counted as read).
      if (given.value.kind === Kind.LIST || given.value.kind === Kind.OBJECT) read.variables = true;
      value = valueFromAST(given.value, def.type, variables ?? undefined);
    }
    if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, Math.max(0, value));
  }
  return size;
}

/** What a cost is counted with: the operation, its variables, and the sizes of lists without a page argument. */
export interface CostOptions {
  operationName?: string | null;
  variables?: Variables;
  listEstimates?: Record<string, number>;
  defaultListEstimate?: number;
}

/**
 * The cost of the operation named `operationName` (else the only one) in `document`. Throws
 * nothing on documents the schema refuses: unknown fields count 1 (validation reports them).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, opts: CostOptions = {}): number {
  return countCost(schema, document, opts).cost;
}

/** The cost, and whether it read a variable (when not, it holds for any variables: costLimitPlugin keeps it). */
function countCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  opts: CostOptions,
): { cost: number; readVariables: boolean } {
  const read = { variables: false };
  return { cost: walkCost(schema, document, opts, read), readVariables: read.variables };
}

function walkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  opts: CostOptions,
  read: { variables: boolean },
): number {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = opts.operationName ? ops.find((o) => o.name?.value === opts.operationName) : ops[0];
  if (!op) return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const estimates = opts.listEstimates ?? LIST_ESTIMATES;
  const defaultEstimate = opts.defaultListEstimate ?? DEFAULT_LIST_ESTIMATE;
  const root = schema.getRootType(op.operation);
  if (!root) return 0;

  const selectionCost = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    inPage: boolean,
    spreading: Set<string>,
  ): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        total += selectionCost(sel.selectionSet, isCompositeType(on) ? on : type, inPage, spreading);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || spreading.has(frag.name.value)) continue; // unknown or cyclic: validation refuses it
        const on = schema.getType(frag.typeCondition.name.value);
        spreading.add(frag.name.value);
        total += selectionCost(frag.selectionSet, isCompositeType(on) ? on : type, inPage, spreading);
        spreading.delete(frag.name.value);
      } else {
        total += fieldCost(sel, type, inPage, spreading);
      }
    }
    return total;
  };

  const fieldCost = (
    node: FieldNode,
    parent: GraphQLCompositeType,
    inPage: boolean,
    spreading: Set<string>,
  ): number => {
    if (node.name.value === '__typename') return 0;
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    if (!field || !node.selectionSet) return 1;
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return 1;
    const page = pageSize(field, node, opts.variables, op, read);
    const isList = isListType(getNullableType(field.type));
    let times = 1;
    if (page !== undefined) times = page;
    else if (isList && !inPage) times = estimates[`${parent.name}.${field.name}`] ?? defaultEstimate;
    // A paged field that is not itself a list is a connection: its own lists of objects are its
    // page (edges, nodes), not multiplied again. A paged list's items are the page already.
    return 1 + times * selectionCost(node.selectionSet, named, page !== undefined && !isList, spreading);
  };

  return selectionCost(op.selectionSet, root, false, new Set());
}

/** The code a client sees when an operation is refused for its size or shape. */
export const LIMIT_CODE = 'QUERY_TOO_COMPLEX';

/**
 * An envelop plugin refusing, before execution (so before any subgraph is called), an
 * operation whose cost is over `settings.maxCost`. At execution because only there are the
 * variables known: `first: $n` counts as the page asked for.
 */
export function costLimitPlugin(settings: CostSettings): GatewayPlugin {
  // Schema → parsed document → operation name → cost, for costs that read no variable: the
  // runtime hands every request of the same query text the same parsed document (its parser
  // cache), so a client repeating a query is counted once, not once per request. A cost that
  // reads a variable (`first: $n`) is counted every time. Weak keys: gone with the document.
  const known = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let bySchema = known.get(args.schema);
      if (!bySchema) known.set(args.schema, (bySchema = new WeakMap()));
      let byName = bySchema.get(args.document);
      const name = args.operationName ?? '';
      let cost = byName?.get(name);
      if (cost === undefined) {
        const counted = countCost(args.schema, args.document, {
          operationName: args.operationName,
          variables: args.variableValues as Variables,
          listEstimates: settings.listEstimates,
          defaultListEstimate: settings.defaultListEstimate,
        });
        cost = counted.cost;
        if (!counted.readVariables) {
          if (!byName) bySchema.set(args.document, (byName = new Map()));
          if (byName.size < 100) byName.set(name, cost);
        }
      }
      // The cost in the answer's extensions, so a client sees how near the limit a query is before it is refused.
      const extension = { requested: cost, limit: settings.maxCost };
      if (cost > settings.maxCost) {
        setResultAndStopExecution({ errors: [costError(cost, settings.maxCost)], extensions: { cost: extension } });
        return undefined;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return; // a stream (subscription, @defer): limited above, no extension
          setResult({ ...result, extensions: { ...result.extensions, cost: extension } });
        },
      };
    },
  };
}

export function costError(cost: number, max: number): GraphQLError {
  return new GraphQLError(
    `查询代价 ${cost} 超过上限 LIMIT_MAX_COST = ${max}（列表按所取页数或估计条数计；请分页或减少字段）`,
    {
      extensions: { code: LIMIT_CODE, limit: 'LIMIT_MAX_COST', max, found: cost },
    },
  );
}
