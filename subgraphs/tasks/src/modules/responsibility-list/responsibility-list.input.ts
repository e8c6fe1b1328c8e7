import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { FrequencyEnum, UnitKindEnum } from '../shared/enums';

@InputType({ description: 'An item of a responsibility list (责任清单)' })
export class RequiredItemInput {
  @Field(() => String, {
    nullable: true,
    description:
      "所属方：Unit code of the owner (a work committee, party group or organ party committee): its EDITOR or ADMIN keeps the list. Absent: hub-wide, the operator's",
  })
  owner?: string | null;
  @Field({ description: "事项代码：Stable code, 1–64 letters, digits, - _ .; unique within its owner's list" })
  code!: string;
  @Field({ description: '名称 (name)' }) name!: string;
  @Field(() => [UnitKindEnum], { description: '适用类型：Unit kinds that must carry it' }) kinds!: string[];
  @Field(() => FrequencyEnum, { description: '频次 (how often)' }) frequency!: string;
  @Field(() => String, { description: '说明 (what is to be done)', nullable: true }) description?: string | null;
}
