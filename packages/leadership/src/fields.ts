/**
 * Unknown fields of the interchange file (docs/interchange.md "Unknown fields are refused"): every
 * object of a `tiaokuai/v1` file is checked against the fields the format knows for its kind, so a
 * misspelt or invented field is refused with its path instead of being dropped. Each subgraph keeps
 * the known fields of its own record kinds in its domain; the top level is the format's, shared.
 */
import type { Problem } from './problem';

/** The top-level fields of a `tiaokuai/v1` file: its format tag and the sections of the three subgraphs. */
export const DOCUMENT_FIELDS: readonly string[] = ['format', 'units', 'links', 'requiredItems', 'tasks', 'assessments'];

/**
 * The path of a field: `units[3].kind`, or with a key that is no plain name (empty, with a dot, a
 * bracket or a space), `units[3]["a.b"]`, so that the path stays one unambiguous JSON path.
 */
export function fieldPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A key as a message shows it: short (a megabyte key is not echoed whole). */
const shown = (key: string): string => (key.length > 80 ? `${key.slice(0, 80)}…（共 ${key.length} 字符）` : key);

/**
 * The fields of `obj` (the object at `path`; `$` for the file itself) that are not `known`, one
 * problem each: `requiredItems[3].ownr`, "未知字段：ownr".
 */
export function unknownFields(obj: Record<string, unknown>, known: ReadonlySet<string>, path: string): Problem[] {
  return Object.keys(obj)
    .filter((k) => !known.has(k))
    .map((k) => ({ path: fieldPath(path, k), message: `未知字段：${shown(k)}` }));
}
