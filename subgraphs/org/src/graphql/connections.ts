/**
 * The connections org serves (Relay cursor connections of @tiaokuai/platform's paging.types.ts)
 * and the summaries beside them: figures about the whole list, so that a dashboard needs no
 * full list (ARCHITECTURE.md, "Bounded answers").
 */
import 'reflect-metadata';
import { connectionType } from '@tiaokuai/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import type { AnomalyCode, LinkKind } from '../domain/types';
import type { HistoryEntry } from '../domain/history';
import { AuditEntryType } from './audit.type';
import { AnomalyCodeEnum, HistoryEventKindEnum, LinkKindEnum } from './enums';
import { Anomaly, HistoryEvent, Link, Unit } from './types';

@ObjectType({ description: 'How many anomalies of one code' })
export class AnomalyCodeCount {
  @Field(() => AnomalyCodeEnum) code!: AnomalyCode;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The whole list of anomalies in figures, whatever the page' })
export class AnomalySummary {
  @Field(() => Int, { description: 'Anomalies in the list' }) total!: number;
  @Field(() => [AnomalyCodeCount], { description: 'Per code present, in code order' }) byCode!: AnomalyCodeCount[];
}

@ObjectType({ description: 'How many links of one kind' })
export class LinkKindCount {
  @Field(() => LinkKindEnum) kind!: LinkKind;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The whole list of links in figures, whatever the page' })
export class LinkSummary {
  @Field(() => Int, { description: 'Links in the list' }) total!: number;
  @Field(() => [LinkKindCount], { description: 'Per kind present, in kind order' }) byKind!: LinkKindCount[];
}

@ObjectType({ description: 'How many history events of one kind' })
export class HistoryEventKindCount {
  @Field(() => HistoryEventKindEnum) kind!: HistoryEntry['kind'];
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The whole history in figures, whatever the page' })
export class HistoryEventSummary {
  @Field(() => Int, { description: 'Events in the history' }) total!: number;
  @Field(() => [HistoryEventKindCount], { description: 'Per kind present, in kind order' }) byKind!: HistoryEventKindCount[];
}

export const UnitConnection = connectionType('Unit', Unit);
export type UnitConnection = InstanceType<typeof UnitConnection>;
export const AnomalyConnection = connectionType('Anomaly', Anomaly, { summary: AnomalySummary });
export type AnomalyConnection = InstanceType<typeof AnomalyConnection>;
export const LinkConnection = connectionType('Link', Link, { summary: LinkSummary });
export type LinkConnection = InstanceType<typeof LinkConnection>;
export const HistoryEventConnection = connectionType('HistoryEvent', HistoryEvent, { summary: HistoryEventSummary });
export type HistoryEventConnection = InstanceType<typeof HistoryEventConnection>;
export const AuditEntryConnection = connectionType('AuditEntry', AuditEntryType);
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;
