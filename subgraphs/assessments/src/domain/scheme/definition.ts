/**
 * What a stored scheme's `definition` holds (the rest of a Scheme is in columns), and when a
 * scheme given again is the stored one (DOMAIN.md "Assessments (考核评价)": a scheme is never
 * rewritten; defining the same one again changes nothing).
 */
import { canonicalJson } from '@tiaokuai/leadership';
import type { Combination, EvaluatorGroup, GradeBand, Indicator, Scheme } from './scheme';

export interface SchemeDefinition {
  indicators: Indicator[];
  evaluatorGroups: EvaluatorGroup[];
  gradeBands: GradeBand[];
  combination: Combination;
  opinionWeight: number;
}

/** JSON with sorted keys: two definitions are the same scheme when these are equal. */
export const canonical = canonicalJson;

/** What a scheme row's `definition` holds. */
export const definitionOf = (s: Scheme): SchemeDefinition => ({
  indicators: s.indicators,
  evaluatorGroups: s.evaluatorGroups,
  gradeBands: s.gradeBands,
  combination: s.combination,
  opinionWeight: s.opinionWeight,
});

/** A scheme as stored: its columns, the definition as the row holds it (JSON text or parsed). */
export interface StoredScheme {
  year: unknown;
  name: unknown;
  definition: unknown;
}

/** A stored scheme row is `scheme` (same year, name and definition): defining it again changes nothing. */
export const sameScheme = (stored: StoredScheme, scheme: Scheme): boolean =>
  Number(stored.year) === scheme.year &&
  stored.name === scheme.name &&
  canonical(typeof stored.definition === 'string' ? JSON.parse(stored.definition) : stored.definition) ===
    canonical(definitionOf(scheme));
