import 'reflect-metadata';
import { connectionType, JSONScalar } from '@tiaokuai/platform';
import { Field, ID, ObjectType } from 'type-graphql';

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
  @Field({ description: "角色：操作者的角色 (the actor's role)" }) role!: string;
  @Field({ description: "平台管理员：操作者是否平台运营方 (the actor was the hub's operator)" }) hubAdmin!: boolean;
  @Field(() => String, { description: '请求编号：关联日志 (the request id, to find the logs)', nullable: true })
  requestId!: string | null;
  @Field({
    description:
      '操作：The mutation: createUnit, updateUnit, endUnit, changeUnitFacts, createLink, updateLink, endLink, importUnits',
  })
  operation!: string;
  @Field({ description: '对象：被修改的记录 (the record changed)' }) target!: string;
  @Field(() => JSONScalar, { description: '变更前：写入前的记录 (the record before the change)', nullable: true })
  before!: unknown;
  @Field(() => JSONScalar, { description: '变更后：写入后的记录 (the record after the change)', nullable: true })
  after!: unknown;
  unitId!: string | null;
}

export const AuditEntryConnection = connectionType('AuditEntry', AuditEntryType);
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;
