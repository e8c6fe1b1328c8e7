/**
 * Checks on the public schema (schema/public.graphql, what clients see): every element
 * described, enum values labelled in the hub's convention, and the labels read back as data.
 *
 * The convention (docs/api.md): an enum value's description is `中文术语：中文解释 (English gloss)`;
 * the label is the part before the first full-width colon `：`. Nothing here is hand-written
 * per value: the labels come from the descriptions the subgraphs publish.
 */
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';

/** Fields only the services call each other with: `@inaccessible` in the supergraph, absent from the public schema. */
export const INTERNAL_FIELDS = [
  'Query.leadershipTimeline',
  'Query.leadershipTimelineTable',
  'Query.visibleUnitIds',
  'Query.assignmentActivity',
] as const;

const described = (d: string | null | undefined): boolean => !!d && d.trim().length > 0;

/**
 * Every type, field, argument, input field, enum value and custom directive (with its
 * arguments) without a description, as `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`,
 * `@directive(arg)`; empty when all are described.
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (!described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    if (!described(directive.description)) missing.push(`@${directive.name}`);
    for (const arg of directive.args) {
      if (!described(arg.description)) missing.push(`@${directive.name}(${arg.name})`);
    }
  }
  return missing.sort();
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * Every described element whose description is not bilingual: no Chinese (a Han character) or
 * no English (a Latin letter), listed like `undescribed`.
 */
export function monolingual(schema: GraphQLSchema): string[] {
  const bad: string[] = [];
  const check = (coordinate: string, d: string | null | undefined) => {
    if (described(d) && (!HAN.test(d!) || !LATIN.test(d!))) bad.push(`${coordinate}: ${JSON.stringify(d)}`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : [])
          check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return bad.sort();
}

/** `中文术语：中文解释 (English gloss)`: a Chinese label, a full-width colon, an explanation, a gloss in brackets. */
const ENUM_VALUE_DESCRIPTION = /^([^：\s][^：]*)：\S[\s\S]* \([^()]*\S[^()]*\)$/;

/**
 * The label of an enum value's description (the part before the first `：`); undefined when the
 * description does not follow the convention.
 */
export function enumValueLabel(description: string | null | undefined): string | undefined {
  const m = description?.trim().match(ENUM_VALUE_DESCRIPTION);
  return m && HAN.test(m[1]) ? m[1].trim() : undefined;
}

/** Each enum's values and their Chinese labels, read from the descriptions (what an SDK generates its labels from). */
export function enumLabels(schema: GraphQLSchema): Record<string, Record<string, string | undefined>> {
  const out: Record<string, Record<string, string | undefined>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type) || isIntrospectionType(type)) continue;
    out[type.name] = Object.fromEntries(type.getValues().map((v) => [v.name, enumValueLabel(v.description)]));
  }
  return out;
}

/** Enum values whose description does not follow `中文术语：中文解释 (English gloss)`, as `Enum.VALUE: description`. */
export function unlabelledEnumValues(schema: GraphQLSchema): string[] {
  const bad: string[] = [];
  for (const [name, values] of Object.entries(enumLabels(schema))) {
    for (const [value, label] of Object.entries(values)) {
      if (label === undefined) {
        const d = (schema.getType(name) as { getValue(v: string): { description?: string | null } }).getValue(value);
        bad.push(`${name}.${value}: ${JSON.stringify(d.description ?? null)}`);
      }
    }
  }
  return bad.sort();
}
