import { BadInputError } from '@tiaokuai/platform';

/** A year a question may be about (BAD_USER_INPUT naming `year` otherwise). */
export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadInputError('year', `年度无效：${year}`);
}
