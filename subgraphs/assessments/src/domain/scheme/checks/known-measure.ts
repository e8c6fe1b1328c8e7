import { MEASURES, type Measure, type Problem } from '../scheme';

/** An indicator is QUANTITATIVE (定量, the default when absent) or QUALITATIVE (定性): nothing else. */
export function knownMeasure(measure: unknown, at: string): Problem[] {
  if (MEASURES.includes((measure ?? 'QUANTITATIVE') as Measure)) return [];
  return [{ path: `${at}.measure`, message: `应为 QUANTITATIVE（定量）或 QUALITATIVE（定性）：${String(measure)}` }];
}
