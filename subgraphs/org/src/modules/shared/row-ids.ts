/**
 * The row ids in a list of ids as the API carries them (strings): a string that is no positive
 * int4 names no row and is left out, so a statement never fails on a malformed id.
 */
export const ints = (ids: readonly string[]): number[] =>
  ids.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31);
