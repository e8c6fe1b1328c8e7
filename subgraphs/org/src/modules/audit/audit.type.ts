import 'reflect-metadata';
import { connectionType, JSONScalar } from '@tiaokuai/platform';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('AuditEntry', { description: '数据留痕: one mutation, who made it, when, and the state before and after' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'When (ISO 8601, UTC)' }) at!: string;
  @Field({ description: "Who (the token's subject)" }) subject!: string;
  @Field(() => String, { nullable: true, description: 'The body the caller acted for (null: the hub operator)' })
  body!: string | null;
  @Field() role!: string;
  @Field() hubAdmin!: boolean;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field({
    description:
      'The mutation: createUnit, updateUnit, endUnit, changeUnitFacts, createLink, updateLink, endLink, importUnits',
  })
  operation!: string;
  @Field() target!: string;
  @Field(() => JSONScalar, { nullable: true }) before!: unknown;
  @Field(() => JSONScalar, { nullable: true }) after!: unknown;
  unitId!: string | null;
}

export const AuditEntryConnection = connectionType('AuditEntry', AuditEntryType);
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;
