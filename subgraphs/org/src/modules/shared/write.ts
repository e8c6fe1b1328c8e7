/**
 * What every single write (units, fact versions, links) shares: its transaction, scoped and
 * locked; its refusals; and the first of its input's problems as the error.
 */
import { BadInputError, NotFoundError, outOfReach, type Db } from '@tiaokuai/platform';
import type { Access } from '../access/access';
import { scopedTransaction } from '../access/rls';
import { lockForWrite } from './write-locks.store';

/** The first problem as BAD_USER_INPUT naming its field, every problem in its extensions. */
export function throwFirst(problems: Array<{ path: string; message: string }>): void {
  if (problems.length === 0) return;
  const [first] = problems;
  throw new BadInputError(first.path, `${first.path}：${first.message}`, { problems });
}

/**
 * Missing (operator: NOT_FOUND) or out of reach (anyone else: FORBIDDEN, the same either way,
 * platform's `outOfReach`). The operator sees everything, so only it gets the precise answer.
 */
export function refusal(access: Access, field: string, notFound: string, what: string): Error {
  if (access.identity.hubAdmin) return new NotFoundError(field, notFound);
  return outOfReach(access.identity, field, what);
}

/**
 * A write's transaction: the caller's scope declared for row-level security (access/rls.ts),
 * then the write's lock on its unit or link (write-locks.store.ts), then `fn`.
 */
export function writeTransaction<T>(
  db: Db,
  access: Access,
  what: 'unit' | 'link',
  key: string,
  fn: (tx: Db) => Promise<T>,
): Promise<T> {
  return scopedTransaction(db, access, async (tx) => {
    await lockForWrite(tx, what, key);
    return fn(tx);
  });
}
