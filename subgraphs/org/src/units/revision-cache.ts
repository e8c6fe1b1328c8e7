/**
 * Values computed from the whole organisation, kept while the database's revision stands
 * (org.revision, bumped by triggers in the same transaction as every write to units, fact
 * versions or links: migration 0001). Checking costs one cheap statement per use; any write
 * empties the cache. Several org processes over one database each keep their own and stay
 * correct.
 *
 * A value is shared while it loads: requests that miss at the same time wait for one load
 * instead of each running their own (RELIABILITY.md: under writes at 50 clients that halved
 * throughput). A failed load is not kept, so the next request tries again. At most `capacity`
 * keys are held, the least recently used dropped first.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@tiaokuai/common';

export async function currentRevision(db: Db): Promise<string> {
  const [row] = await rowsOf<{ n: string | number }>(db, sql`select n from org.revision where id = 1`);
  return String(row?.n ?? 'none');
}

export class RevisionCache<T> {
  private revision?: string;
  private readonly entries = new Map<string, Promise<T>>();
  private loadCount = 0;

  constructor(private readonly capacity: number) {}

  /** How many loads this cache has started (for tests). */
  get loads(): number {
    return this.loadCount;
  }

  /** The value for `key` at the current revision, loaded by `load` when not held. */
  async get(db: Db, key: string, load: () => Promise<T>): Promise<T> {
    // After the one await, looking up and starting the load happen in one synchronous step,
    // so requests resuming together still share a load.
    const held = this.held(await currentRevision(db), key);
    if (held) return held;
    this.loadCount++;
    const entry = load();
    this.entries.set(key, entry);
    entry.catch(() => { if (this.entries.get(key) === entry) this.entries.delete(key); });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  /** The value for `key` if it is held (or loading) at the current revision; nothing is loaded. */
  async peek(db: Db, key: string): Promise<T | undefined> {
    return this.held(await currentRevision(db), key);
  }

  private held(revision: string, key: string): Promise<T> | undefined {
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
      return undefined;
    }
    const entry = this.entries.get(key);
    if (entry) { this.entries.delete(key); this.entries.set(key, entry); } // most recently used
    return entry;
  }
}
