/**
 * The hub's custom scalars as TypeScript sees them, and small helpers. The generated documents
 * (codegen.ts, `scalars`) map each one to the same type; `SCALARS` lists them so a test can
 * check that every scalar of schema/public.graphql has an entry here.
 */

/** 日期 (Date): a calendar day, `YYYY-MM-DD`, with no time and no zone (the hub counts days in Beijing time). */
export type DateString = string;
/** 时刻 (DateTimeISO): an instant, ISO 8601 at UTC, e.g. `2026-12-07T08:00:00.000Z`. */
export type DateTimeString = string;
/** JSON: any JSON value (exports, compact tables). */
export type JsonValue = unknown;

/** Every custom scalar of the public schema → the TypeScript type the generated documents use. */
export const SCALARS = {
  Date: 'string',
  DateTimeISO: 'string',
  JSON: 'unknown',
} as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar day written `YYYY-MM-DD` (2023-02-30 is not). */
export function isDateString(s: string): s is DateString {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The day a moment falls on in Beijing time (UTC+8, no daylight saving), as the hub's `asOf` default does. */
export function beijingDay(at: Date): DateString {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
