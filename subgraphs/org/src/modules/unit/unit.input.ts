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
  @Field(() => ID, { nullable: true, description: "单位 id (the unit's id)" }) id?: string | null;
  @Field(() => String, { nullable: true, description: "单位代码 (the unit's code)" }) code?: string | null;
}

@InputType({ description: 'Facts of a unit; codes name other units' })
export class FactsInput {
  @Field(() => ManagementModeEnum, { nullable: true }) partyRelationMode?: ManagementMode | null;
  @Field(() => ManagementModeEnum, { nullable: true }) businessMode?: ManagementMode | null;
  @Field(() => String, { nullable: true }) competentDepartment?: string | null;
  @Field(() => String, { nullable: true }) locality?: string | null;
}

@InputType()
export class CreateUnitInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => UnitKindEnum) kind!: UnitKind;
  @Field(() => UnitLevelEnum) level!: UnitLevel;
  @Field() region!: string;
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true }) validTo?: string | null;
  @Field(() => FactsInput, { nullable: true, description: 'Facts from validFrom on' }) facts?: FactsInput | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are' })
export class UpdateUnitInput {
  @Field({ description: 'The unit to change' }) code!: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => UnitLevelEnum, { nullable: true }) level?: UnitLevel;
  @Field({ nullable: true }) region?: string;
  @Field(() => DateScalar, { nullable: true }) validFrom?: string;
}

@InputType({ description: "A new version of a unit's facts from validFrom on (a transfer, 转隶; a reform)" })
export class ChangeFactsInput extends FactsInput {
  @Field() unit!: string;
  @Field(() => DateScalar) validFrom!: string;
}

@InputType()
export class UnitFilterInput {
  @Field(() => [UnitKindEnum], { nullable: true }) kinds?: UnitKind[];
  @Field(() => [UnitLevelEnum], { nullable: true }) levels?: UnitLevel[];
  @Field({
    nullable: true,
    description: 'GB/T 2260 code; matches the region and everything inside it (510000 = 四川 and its cities)',
  })
  region?: string;
  @Field({
    nullable: true,
    description: 'Code of a unit: only units in its scope (subtree, led and guided units) on asOf',
  })
  under?: string;
  @Field({ nullable: true, description: 'Substring of the name or code' }) search?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Only units existing on this day (default: any)' })
  existingOn?: string;
}
