/** Ids as SQL parameters: every store reads batches with one int[] parameter, whatever its size. */
import { sql } from 'drizzle-orm';

/** Ids that can name a row (PostgreSQL integers); anything else names nothing. */
export const ints = (ids: readonly string[]) =>
  [...new Set(ids)].map(Number).filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31);
export const intArray = (ids: readonly string[]) => sql.raw(`'{${ints(ids).join(',')}}'::int[]`);
