/**
 * The `tiaokuai/v1` interchange file (CONTRACT.md): its format tag, the shape of a code, and
 * the plans its entries become once checked (the units and links an import applies).
 */
import { type Day } from '@tiaokuai/leadership';
import type { LeadershipFlavour, LinkKind, ManagementMode, UnitRecord } from '../types';

export const FORMAT = 'tiaokuai/v1';
export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const MAX_NAME = 200;
export const MAX_BASIS = 500;

export interface Problem {
  path: string;
  message: string;
}

export interface VersionPlan {
  validFrom: Day;
  validTo: Day | null;
  partyRelationMode: ManagementMode | null;
  businessMode: ManagementMode | null;
  competentDepartment: string | null;
  locality: string | null;
  /** Where the version came from in the file (for problem paths). */
  path?: string;
}

/** A unit as the file states it: its record (without the hub's id) and its whole fact history. */
export interface UnitPlan extends Omit<UnitRecord, 'id'> {
  path: string;
  versions: VersionPlan[];
}

export interface LinkPlan {
  path: string;
  from: string;
  to: string;
  kind: LinkKind;
  flavour: LeadershipFlavour | null;
  validFrom: Day;
  validTo: Day | null;
  basis: string | null;
}

/** The fact fields of a unit entry and of each of its versions. */
export const FACT_FIELDS = ['partyRelationMode', 'businessMode', 'competentDepartment', 'locality'] as const;
