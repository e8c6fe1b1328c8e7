import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgSchema, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  ANOMALY_CODES,
  LEADERSHIP_FLAVOURS,
  LINK_KINDS,
  MANAGEMENT_MODES,
  UNIT_KINDS,
  UNIT_LEVELS,
} from '../domain/types';

/** The org subgraph owns this PostgreSQL schema; no other service reads it. */
export const org = pgSchema('org');

export const unitKind = org.enum('unit_kind', UNIT_KINDS);
export const unitLevel = org.enum('unit_level', UNIT_LEVELS);
export const managementMode = org.enum('management_mode', MANAGEMENT_MODES);
export const linkKind = org.enum('link_kind', LINK_KINDS);
export const leadershipFlavour = org.enum('leadership_flavour', LEADERSHIP_FLAVOURS);
export const anomalyCode = org.enum('anomaly_code', ANOMALY_CODES);

export const units = org.table(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: unitKind('kind').notNull(),
    level: unitLevel('level').notNull(),
    region: varchar('region', { length: 6 }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_kind_idx').on(t.kind),
    index('units_region_idx').on(t.region),
    check('units_interval', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Versioned facts: one row per version, intervals of one unit never overlap (checked on write). */
export const unitFacts = org.table(
  'unit_facts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    partyRelationMode: managementMode('party_relation_mode'),
    businessMode: managementMode('business_mode'),
    competentDepartmentId: integer('competent_department_id').references(() => units.id),
    localityId: integer('locality_id').references(() => units.id),
  },
  (t) => [
    index('unit_facts_unit_idx').on(t.unitId, t.validFrom),
    index('unit_facts_locality_idx').on(t.localityId),
    index('unit_facts_dept_idx').on(t.competentDepartmentId),
    check('unit_facts_interval', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Typed, directed (from = superior), time-valid links. */
export const links = org.table(
  'links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fromId: integer('from_id')
      .notNull()
      .references(() => units.id),
    toId: integer('to_id')
      .notNull()
      .references(() => units.id),
    kind: linkKind('kind').notNull(),
    flavour: leadershipFlavour('flavour'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    basis: text('basis'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('links_to_idx').on(t.toId, t.kind),
    index('links_from_idx').on(t.fromId, t.kind),
    uniqueIndex('links_identity_key').on(t.fromId, t.toId, t.kind, t.validFrom),
    check('links_not_self', sql`${t.fromId} <> ${t.toId}`),
    check('links_interval', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('links_flavour_only_leadership', sql`${t.flavour} is null or ${t.kind} = 'LEADERSHIP'`),
  ],
);
