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
      'Announces an inspection of units (the inspector must lead or guide each: else FORBIDDEN naming them); idempotent by key per unit',
  })
  scheduleInspection(
    @Arg('input', () => ScheduleInspectionInput) input: ScheduleInspectionInput,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return scheduleInspection(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Unit) inspector(@Root() i: InspectionRecord) {
    return unitRef(i.inspectorId);
  }
  @FieldResolver(() => Unit) unit(@Root() i: InspectionRecord) {
    return unitRef(i.unitId);
  }
  @FieldResolver(() => Scheme, { nullable: true }) scheme(@Root() i: InspectionRecord, @Ctx() ctx: AssessmentsContext) {
    return i.schemeId ? schemeById(ctx, i.schemeId) : null;
  }
  @FieldResolver(() => JointInspection, { nullable: true, description: 'The joint inspection it was merged into' })
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
    @Arg('input', () => AcceptJointInspectionInput) input: AcceptJointInspectionInput,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return acceptJointInspection(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Unit) unit(@Root() j: JointInspectionRecord) {
    return unitRef(j.unitId);
  }
  @FieldResolver(() => Unit) lead(@Root() j: JointInspectionRecord) {
    return unitRef(j.leadId);
  }
  @FieldResolver(() => [Unit]) bodies(@Root() j: JointInspectionRecord) {
    return j.bodyIds.map(unitRef);
  }
  @FieldResolver(() => [MergedIndicator]) indicators(@Root() j: JointInspectionRecord) {
    return j.indicators;
  }
}
