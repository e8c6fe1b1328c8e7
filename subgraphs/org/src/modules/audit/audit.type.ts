import 'reflect-metadata';
import { connectionType, JSONScalar } from '@tiaokuai/platform';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Role } from '@tiaokuai/platform';
import type { AuditOperation } from '../../domain/types';
import { AuditOperationEnum, CallerRoleEnum } from '../shared/enums';

@ObjectType('AuditEntry', { description: '数据留痕: one mutation, who made it, when, and the state before and after' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'When (ISO 8601, UTC)' }) at!: string;
  @Field({ description: "Who (the token's subject)" }) subject!: string;
  @Field(() => String, { nullable: true, description: 'The body the caller acted for (null: the hub operator)' })
  body!: string | null;
  @Field(() => CallerRoleEnum, { description: "角色: the caller's role when it acted" }) role!: Role;
  @Field() hubAdmin!: boolean;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => AuditOperationEnum, { description: '操作: the mutation recorded' })
  operation!: AuditOperation;
  @Field() target!: string;
  @Field(() => JSONScalar, { nullable: true }) before!: unknown;
  @Field(() => JSONScalar, { nullable: true }) after!: unknown;
  unitId!: string | null;
}

export const AuditEntryConnection = connectionType('AuditEntry', AuditEntryType);
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;
