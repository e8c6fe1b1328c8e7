import { DateScalar } from '@tiaokuai/platform';
import { Field, ID, InputType } from 'type-graphql';
import type { LeadershipFlavour, LinkKind } from '../../domain/types';
import { LeadershipFlavourEnum, LinkKindEnum } from '../shared/enums';

@InputType({ description: '新建关系：两个单位之间的声明关系 (a new declared link between two units)' })
export class CreateLinkInput {
  @Field({ description: '上级：Code of the superior' }) from!: string;
  @Field({ description: '下级：Code of the subordinate' }) to!: string;
  @Field(() => LinkKindEnum, { description: '关系类型 (the kind of link)' }) kind!: LinkKind;
  @Field(() => LeadershipFlavourEnum, {
    description: '领导方式：仅领导关系 (the leadership flavour; LEADERSHIP only)',
    nullable: true,
  })
  flavour?: LeadershipFlavour | null;
  @Field(() => DateScalar, { description: '生效日 (first day)' }) validFrom!: string;
  @Field(() => DateScalar, {
    description: '失效日：最后一天，空为至今 (last day; null while it holds)',
    nullable: true,
  })
  validTo?: string | null;
  @Field(() => String, { description: '依据：文件或决定 (the document or decision it rests on)', nullable: true })
  basis?: string | null;
}

@InputType({ description: '修改关系：Fields of a link to change; absent fields stay as they are' })
export class UpdateLinkInput {
  @Field(() => ID, { description: "关系编号 (the link's id)" }) id!: string;
  @Field(() => LeadershipFlavourEnum, { description: '领导方式 (the leadership flavour)', nullable: true })
  flavour?: LeadershipFlavour | null;
  @Field(() => DateScalar, { description: '失效日 (last day)', nullable: true }) validTo?: string | null;
  @Field(() => String, { description: '依据 (the document or decision it rests on)', nullable: true }) basis?:
    string | null;
}
