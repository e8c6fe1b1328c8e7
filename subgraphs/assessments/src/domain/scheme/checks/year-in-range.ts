import type { Problem } from '../scheme';

/**
 * A scheme's year is a whole year from 2000 to next year: a scheme is issued ahead for at most
 * the coming year (DOMAIN.md "Assessments (考核评价)"), and the hub holds nothing older.
 */
export function yearInRange(year: unknown, currentYear: number): Problem[] {
  if (!Number.isInteger(year)) return [{ path: 'year', message: '应为整数年份' }];
  if ((year as number) > currentYear + 1)
    return [{ path: 'year', message: `考核年度 ${year} 超过明年（${currentYear + 1}）` }];
  if ((year as number) < 2000) return [{ path: 'year', message: `考核年度 ${year} 早于 2000 年` }];
  return [];
}
