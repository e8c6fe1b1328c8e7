/**
 * Helpers of the stores: reading rows as records (ids as strings, days as 'YYYY-MM-DD') and
 * passing id lists to one statement.
 */

/** Ids as an int[] literal; anything that is not an int4 id (too large, not a number) is simply unknown. */
export const idList = (ids: readonly string[]): string =>
  `{${ids
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647)
    .join(',')}}`;

/** A date column as 'YYYY-MM-DD' (drivers give a Date or the text). */
export const day = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

/** A jsonb column (drivers give it parsed or as text). */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A row as the statements return it (snake_case columns). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns read by name, each converted where it is used
export type Row = Record<string, any>;
