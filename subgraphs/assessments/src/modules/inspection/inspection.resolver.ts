import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AssessmentsContext } from '../../request';
import { MergedIndicator } from '../finding/finding.type';
import { schemeById } from '../scheme/scheme.service';
import { Scheme } from '../scheme/scheme.type';
import { unitRef } from '../shared/unit-ref';
import { Unit } from '../unit/unit.type';
import { AcceptJointInspectionInput, ScheduleInspectionInput } from './inspection.input';
import {
  acceptJointInspection,
  jointOf,
  scheduleInspection,
  type InspectionRecord,
  type JointInspectionRecord,
} from './inspection.service';
import { Inspection, JointInspection } from './inspection.type';

@Resolver(() => Inspection)
export class InspectionResolver {
  @Mutation(() => [Inspection], {
    description:
      '安排检查：Announces an inspection of units (the inspector must lead or guide each: else FORBIDDEN naming them); idempotent by key per unit',
  })
  scheduleInspection(
    @Arg('input', () => ScheduleInspectionInput, { description: '检查安排 (the inspection)' })
    input: ScheduleInspectionInput,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return scheduleInspection(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Unit, { description: '检查方 (the inspecting body)' }) inspector(@Root() i: InspectionRecord) {
    return unitRef(i.inspectorId);
  }
  @FieldResolver(() => Unit, { description: '受检单位 (the inspected unit)' }) unit(@Root() i: InspectionRecord) {
    return unitRef(i.unitId);
  }
  @FieldResolver(() => Scheme, { description: '考核方案：依据的方案 (the scheme it serves)', nullable: true }) scheme(
    @Root() i: InspectionRecord,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return i.schemeId ? schemeById(ctx, i.schemeId) : null;
  }
  @FieldResolver(() => JointInspection, {
    nullable: true,
    description: '联合检查：The joint inspection it was merged into',
  })
  joint(@Root() i: InspectionRecord, @Ctx() ctx: AssessmentsContext) {
    return jointOf(ctx, i);
  }
}

@Resolver(() => JointInspection)
export class JointInspectionResolver {
  @Mutation(() => JointInspection, {
    description:
      'Accepts the proposed joint inspection (基层一次迎检) of a unit for a quarter: the finding is settled, the record kept',
  })
  acceptJointInspection(
    @Arg('input', () => AcceptJointInspectionInput, {
      description: '接受联合检查：检查单位与时间 (the unit and the period)',
    })
    input: AcceptJointInspectionInput,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return acceptJointInspection(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Unit, { description: '受检单位 (the inspected unit)' }) unit(@Root() j: JointInspectionRecord) {
    return unitRef(j.unitId);
  }
  @FieldResolver(() => Unit, { description: '牵头方 (the organiser)' }) lead(@Root() j: JointInspectionRecord) {
    return unitRef(j.leadId);
  }
  @FieldResolver(() => [Unit], { description: '参与机构：合并检查的各方 (the bodies whose inspections were merged)' })
  bodies(@Root() j: JointInspectionRecord) {
    return j.bodyIds.map(unitRef);
  }
  @FieldResolver(() => [MergedIndicator], { description: '合并指标 (the merged indicators)' }) indicators(
    @Root() j: JointInspectionRecord,
  ) {
    return j.indicators;
  }
}
