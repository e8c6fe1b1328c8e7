/**
 * Values computed from a subgraph's data, kept while its database's revision stands (a
 * one-row counter that triggers bump in the same transaction as every write to the tables the
 * values come from: org migration 0001). Checking costs one cheap statement per use; any write
 * empties the cache. Several processes over one database each keep their own and stay correct.
 * (Tasks keeps its scan's view differently: brought up to date by the rows each write stamps,
 * not emptied; tasks modules/finding/scan-cache.ts `ScanCache`.)
 *
 * The revision is read before a value is loaded, so a value can only be newer than its
 * revision, never older: a write committed while it loads bumps the counter, and the next use
 * drops the value.
 *
 * A value is shared while it loads: requests that miss at the same time wait for one load
 * instead of each running their own (RELIABILITY.md: under writes at 50 clients that halved
 * throughput). A failed load is not kept, so the next request tries again. At most `capacity`
 * keys are held, the least recently used dropped first.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './db';

/** A reader of one revision counter table (`schema.revision`, one row with id 1). */
export function revisionOf(table: 'org.revision'): (db: Db) => Promise<string> {
  const from = sql.raw(table);
  return async (db) => {
    const [row] = await rowsOf<{ n: string | number }>(db, sql`select n from ${from} where id = 1`);
    return String(row?.n ?? 'none');
  };
}

export class RevisionCache<T> {
  private revision?: string;
  private readonly entries = new Map<string, Promise<T>>();
  /** The keys held when the revision last moved (what warmer.ts loads again). */
  private dropped: string[] = [];
  private loadCount = 0;

  constructor(
    private readonly currentRevision: (db: Db) => Promise<string>,
    private readonly capacity: number,
  ) {}

  /** How many loads this cache has started (for tests). */
  get loads(): number {
    return this.loadCount;
  }

  /** The value for `key` at the current revision, loaded by `load` when not held. */
  async get(db: Db, key: string, load: () => Promise<T>): Promise<T> {
    // After the one await, looking up and starting the load happen in one synchronous step,
    // so requests resuming together still share a load.
    const held = this.held(await this.currentRevision(db), key);
    if (held) return held;
    this.loadCount++;
    const entry = load();
    this.entries.set(key, entry);
    entry.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  /** The value for `key` if it is held (or loading) at the current revision; nothing is loaded. */
  async peek(db: Db, key: string): Promise<T | undefined> {
    return this.held(await this.currentRevision(db), key);
  }

  /** The keys held now, or when the revision last moved if nothing was asked since: what is worth loading again. */
  keys(): string[] {
    return this.entries.size > 0 ? [...this.entries.keys()] : [...this.dropped];
  }

  private held(revision: string, key: string): Promise<T> | undefined {
    if (revision !== this.revision) {
      if (this.entries.size > 0) this.dropped = [...this.entries.keys()];
      this.entries.clear();
      this.revision = revision;
      return undefined;
    }
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    } // most recently used
    return entry;
  }
}
