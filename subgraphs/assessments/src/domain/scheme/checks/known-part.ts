import { PARTS, type Part, type Problem } from '../scheme';

/**
 * An indicator belongs to a known part of the party-building score: RESULTS (实绩考核, scored
 * directly) or SATISFACTION (满意度评价, rated by evaluator groups); scoring depends on it.
 */
export function knownPart(part: unknown, at: string): Problem[] {
  if (PARTS.includes(part as Part)) return [];
  return [
    { path: `${at}.part`, message: `未知的考核部分：${String(part)}（RESULTS 实绩考核 或 SATISFACTION 满意度评价）` },
  ];
}
