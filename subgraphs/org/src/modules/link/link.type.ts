/** A declared link, and the connection of a unit's links with a summary by kind. */
import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { LeadershipFlavour, LinkKind } from '../../domain/types';
import { LeadershipFlavourEnum, LinkKindEnum } from '../shared/enums';

@ObjectType({ description: '关系：A declared, directed (from = superior), time-valid link' })
export class Link {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
  @Field(() => LinkKindEnum, { description: '关系类型 (the kind of link)' }) kind!: LinkKind;
  @Field(() => LeadershipFlavourEnum, {
    description: '领导方式：仅领导关系 (leadership flavour; LEADERSHIP only)',
    nullable: true,
  })
  flavour!: LeadershipFlavour | null;
  @Field(() => DateScalar, { description: '生效日 (first day)' }) validFrom!: string;
  @Field(() => DateScalar, {
    description: '失效日：最后一天，空为至今 (last day; null while it holds)',
    nullable: true,
  })
  validTo!: string | null;
  @Field(() => String, { nullable: true, description: 'Document reference (文件依据)' }) basis!: string | null;
  fromId!: string;
  toId!: string;
}

@ObjectType({ description: '关系计数：How many links of one kind' })
export class LinkKindCount {
  @Field(() => LinkKindEnum, { description: '关系类型 (the link kind)' }) kind!: LinkKind;
  @Field(() => Int, { description: '数量 (how many links of that kind)' }) count!: number;
}

@ObjectType({ description: '关系汇总：The whole list of links in figures, whatever the page' })
export class LinkSummary {
  @Field(() => Int, { description: '总数：Links in the list' }) total!: number;
  @Field(() => [LinkKindCount], { description: '按类型计数：Per kind present, in kind order' })
  byKind!: LinkKindCount[];
}

export const LinkConnection = connectionType('Link', Link, { summary: LinkSummary });
export type LinkConnection = InstanceType<typeof LinkConnection>;
