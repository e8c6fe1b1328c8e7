import 'reflect-metadata';
import { connectionType, JSONScalar } from '@tiaokuai/platform';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Role } from '@tiaokuai/platform';
import type { AuditOperation } from '../../domain/types';
import { AuditOperationEnum, CallerRoleEnum } from '../shared/enums';

@ObjectType('AuditEntry', { description: '数据留痕: one mutation, who made it, when, and the state before and after' })
export class AuditEntryType {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
  @Field({ description: '时刻：When (ISO 8601, UTC)' }) at!: string;
  @Field({ description: "操作人：Who (the token's subject)" }) subject!: string;
  @Field(() => String, {
    nullable: true,
    description: '代表机构：The body the caller acted for (null: the hub operator)',
  })
  body!: string | null;
  @Field(() => CallerRoleEnum, { description: "角色：操作者当时的角色 (the actor's role when it acted)" }) role!: Role;
  @Field({ description: "平台管理员：操作者是否平台运营方 (the actor was the hub's operator)" }) hubAdmin!: boolean;
  @Field(() => String, { description: '请求编号：关联日志 (the request id, to find the logs)', nullable: true })
  requestId!: string | null;
  @Field(() => AuditOperationEnum, { description: '操作：留痕的写操作 (the mutation recorded)' })
  operation!: AuditOperation;
  @Field({ description: '对象：被修改的记录 (the record changed)' }) target!: string;
  @Field(() => JSONScalar, { description: '变更前：写入前的记录 (the record before the change)', nullable: true })
  before!: unknown;
  @Field(() => JSONScalar, { description: '变更后：写入后的记录 (the record after the change)', nullable: true })
  after!: unknown;
  unitId!: string | null;
}

export const AuditEntryConnection = connectionType('AuditEntry', AuditEntryType);
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;
