import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkpointIfWalGrown, walSinceCheckpoint } from './db';

// PGlite only (PostgreSQL has its own checkpointer): a folder on disk, as a subgraph's.
describe('PGlite: a checkpoint once the WAL since the last one has grown', () => {
  it('checkpoints past the limit, not below it, and the application role survives', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tk-ckpt-'));
    const pg = await PGlite.create(dir);
    try {
      await pg.exec(
        'create role app_t nologin; create table t (id serial primary key, v text); grant all on t to app_t; grant usage on sequence t_id_seq to app_t',
      );
      await pg.exec('set role app_t');
      const since = () =>
        pg.transaction(async (tx) => {
          await tx.query('set local role none');
          return walSinceCheckpoint(tx);
        });
      await pg.exec(`insert into t (v) select repeat('x', 200) from generate_series(1, 20000)`);
      const grown = await since();
      expect(grown).toBeGreaterThan(1 * 2 ** 20);
      const ran = [
        await checkpointIfWalGrown(pg, grown * 10),
        await checkpointIfWalGrown(pg, 1 * 2 ** 20),
        await checkpointIfWalGrown(pg, 1 * 2 ** 20),
      ];
      expect(ran).toEqual([false, true, false]);
      expect(await since()).toBeLessThan(grown);
      expect((await pg.query<{ u: string }>('select current_user as u')).rows[0].u).toBe('app_t');
    } finally {
      await pg.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
