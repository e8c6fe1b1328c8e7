import { DateScalar } from '@tiaokuai/platform';
import { Field, ID, InputType } from 'type-graphql';
import type { ManagementMode, UnitKind, UnitLevel } from '../../domain/types';
import { ManagementModeEnum, UnitKindEnum, UnitLevelEnum } from '../shared/enums';

/**
 * `Query.unit`'s lookup: exactly one of id and code. Published with `@oneOf` (buildOrgSchema's
 * `oneOfInputs`), so the gateway refuses both or neither before any resolver runs.
 */
@InputType({ description: '查找单位：按 id 或按代码，二者取其一 (a unit by id or by code: exactly one of them)' })
export class UnitLookup {
  @Field(() => ID, { nullable: true, description: "单位编号 (the unit's id)" }) id?: string | null;
  @Field(() => String, { nullable: true, description: "单位代码 (the unit's code)" }) code?: string | null;
}

@InputType({ description: '单位事实：Facts of a unit; codes name other units' })
export class FactsInput {
  @Field(() => ManagementModeEnum, {
    description: '党组织关系管理方式 (how its party organisation relations are managed: VERTICAL or TERRITORIAL)',
    nullable: true,
  })
  partyRelationMode?: ManagementMode | null;
  @Field(() => ManagementModeEnum, {
    description: '业务管理方式 (how its business is managed: VERTICAL or TERRITORIAL)',
    nullable: true,
  })
  businessMode?: ManagementMode | null;
  @Field(() => String, {
    description: "主管部门：其党组（党委）的单位代码 (the competent department's party group, a unit code)",
    nullable: true,
  })
  competentDepartment?: string | null;
  @Field(() => String, {
    description: '所在地：行使属地领导的机构的单位代码 (the body leading locally where it sits, a unit code)',
    nullable: true,
  })
  locality?: string | null;
}

@InputType({ description: '新建单位 (a new unit)' })
export class CreateUnitInput {
  @Field({ description: "单位代码：唯一 (the unit's code, unique)" }) code!: string;
  @Field({ description: '名称 (name)' }) name!: string;
  @Field(() => UnitKindEnum, { description: '党组织类型 (the kind of party organisation)' }) kind!: UnitKind;
  @Field(() => UnitLevelEnum, { description: '层级 (its level)' }) level!: UnitLevel;
  @Field({ description: '行政区划代码：GB/T 2260 (region code, GB/T 2260)' }) region!: string;
  @Field(() => DateScalar, { description: '成立日 (first day)' }) validFrom!: string;
  @Field(() => DateScalar, {
    description: '撤销日：最后一天，空为存续 (last day; null while it exists)',
    nullable: true,
  })
  validTo?: string | null;
  @Field(() => FactsInput, { nullable: true, description: '单位事实：Facts from validFrom on' })
  facts?: FactsInput | null;
}

@InputType({ description: '修改单位：Fields to change; absent fields stay as they are' })
export class UpdateUnitInput {
  @Field({ description: '单位代码：The unit to change' }) code!: string;
  @Field({ description: '名称 (name)', nullable: true }) name?: string;
  @Field(() => UnitLevelEnum, { description: '层级 (its level)', nullable: true }) level?: UnitLevel;
  @Field({ description: '行政区划代码 (region code, GB/T 2260)', nullable: true }) region?: string;
  @Field(() => DateScalar, { description: '成立日 (first day)', nullable: true }) validFrom?: string;
}

@InputType({ description: "A new version of a unit's facts from validFrom on (a transfer, 转隶; a reform)" })
export class ChangeFactsInput extends FactsInput {
  @Field({ description: "单位：单位代码 (the unit's code)" }) unit!: string;
  @Field(() => DateScalar, { description: '生效日：新版本的首日 (the first day of the new version)' })
  validFrom!: string;
}

@InputType({ description: '单位筛选 (a filter on units)' })
export class UnitFilterInput {
  @Field(() => [UnitKindEnum], { description: '党组织类型：空为全部 (only these kinds; default all)', nullable: true })
  kinds?: UnitKind[];
  @Field(() => [UnitLevelEnum], { description: '层级：空为全部 (only these levels; default all)', nullable: true })
  levels?: UnitLevel[];
  @Field({
    nullable: true,
    description: 'GB/T 2260 code; matches the region and everything inside it (510000 = 四川 and its cities)',
  })
  region?: string;
  @Field({
    nullable: true,
    description: '范围：Code of a unit: only units in its scope (subtree, led and guided units) on asOf',
  })
  under?: string;
  @Field({ nullable: true, description: '搜索：Substring of the name or code' }) search?: string;
  @Field(() => DateScalar, { nullable: true, description: '存续日：Only units existing on this day (default: any)' })
  existingOn?: string;
}
