import { within, type Day } from '@tiaokuai/leadership';
import type { FactVersion, LinkRecord, LinkKind } from './types';

/** The fact version in force on `day`, if any (versions never overlap: import and mutations refuse it). */
export function factsAt(versions: readonly FactVersion[], day: Day): FactVersion | null {
  return versions.find((v) => within(day, v.validFrom, v.validTo)) ?? null;
}

export function linksAt(links: readonly LinkRecord[], day: Day, kind?: LinkKind): LinkRecord[] {
  return links.filter((l) => (kind === undefined || l.kind === kind) && within(day, l.validFrom, l.validTo));
}
