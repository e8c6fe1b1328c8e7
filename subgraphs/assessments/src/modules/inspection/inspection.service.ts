/**
 * Inspections and joint inspections (多头检查 → 基层一次迎检; DOMAIN.md "Assessments (考核评价)").
 *
 * A body announces an inspection of units over a window (scheduleInspection): it must lead or
 * guide each unit on the first day (guides may inspect: DOMAIN.md GUIDANCE), else FORBIDDEN
 * naming the units; idempotent by the inspector's key per unit. Its indicators are the
 * scheme's (when it names one) or those given.
 *
 * acceptJointInspection takes the MULTIPLE_INSPECTIONS finding of a unit for a quarter as it
 * stands and records the single visit: organiser, window and merged indicators from the
 * proposal unless the caller chooses others (the organiser among the bodies, the window inside
 * the quarter). The member inspections are marked as merged; the finding is then settled, and
 * the record kept. Accepted by the unit's side (its jurisdiction) or the organiser's.
 */
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requireRole,
  scopedTransaction,
  isRlsRefusal,
  isUniqueViolation,
} from '@tiaokuai/platform';
import { isDay, textProblem, LeadershipIndex } from '@tiaokuai/leadership';
import { quarterOf } from '../../domain/findings/multiple-inspections';
import { canonical } from '../../domain/scheme/definition';
import type { AssessmentsContext } from '../../request';
import { unitFindingsBatch } from '../finding/finding.service';
import { isId } from '../shared/ids';
import { schemeOf, unitOutOfReach } from '../scheme/scheme.service';
import { checkYear } from '../shared/year';
import {
  inspectionByKey,
  inspectionsOfUnit,
  insertInspection,
  insertJoint,
  jointCovering,
  lockJointQuarter,
  mergeInspections,
  type InspectionRecord,
  type JointInspectionRecord,
} from './inspection.store';

export type { InspectionRecord, JointInspectionRecord } from './inspection.store';

export interface ScheduleInput {
  inspector: string;
  units: string[];
  title: string;
  from: string;
  to: string;
  scheme?: string | null;
  indicators?: Array<{ code: string; name: string }> | null;
  key?: string | null;
}

const TITLE_MAX = 200;

export async function scheduleInspection(ctx: AssessmentsContext, input: ScheduleInput): Promise<InspectionRecord[]> {
  requireRole(ctx.identity, 'EDITOR', '安排检查');
  const title = input.title?.trim() ?? '';
  if (!title) throw new BadInputError('input.title', '必填');
  if (title.length > TITLE_MAX) throw new BadInputError('input.title', `过长（最多 ${TITLE_MAX} 字）`);
  const titleProblem = textProblem(title, 'LINE');
  if (titleProblem) throw new BadInputError('input.title', `input.title：${titleProblem}`);
  if (!isDay(input.from)) throw new BadInputError('input.from', `日期无效：${input.from}`);
  if (!isDay(input.to) || input.to < input.from)
    throw new BadInputError('input.to', `结束日期应不早于开始日期：${input.to}`);
  if (input.units.length === 0) throw new BadInputError('input.units', '至少需要一个被检查单位');
  const key = input.key?.trim() || null;
  let indicators = (input.indicators ?? []).map((k, i) => {
    if (!k.code?.trim() || !k.name?.trim()) throw new BadInputError(`input.indicators[${i}]`, '指标须有 code 和 name');
    for (const field of ['code', 'name'] as const) {
      const problem = textProblem(k[field].trim(), 'LINE');
      if (problem)
        throw new BadInputError(`input.indicators[${i}].${field}`, `input.indicators[${i}].${field}：${problem}`);
    }
    return { code: k.code.trim(), name: k.name.trim() };
  });
  let schemeId: number | null = null;
  if (input.scheme) {
    const scheme = await schemeOf(ctx, input.scheme, 'input.scheme', { visibleOnly: true });
    schemeId = Number(scheme.id);
    if (indicators.length === 0) indicators = scheme.scheme.indicators.map((k) => ({ code: k.code, name: k.name }));
  }
  const codes = await ctx.org.unitsByCode([input.inspector, ...input.units]);
  const inspector = codes.get(input.inspector);
  if (!inspector || !(await ctx.org.canSee(inspector.id)))
    throw unitOutOfReach(ctx, 'input.inspector', input.inspector);
  const unknown = input.units.filter((c) => !codes.get(c));
  if (unknown.length && ctx.identity.hubAdmin)
    throw new NotFoundError(`input.units[${input.units.indexOf(unknown[0])}]`, `未知单位代码：${unknown.join('、')}`);
  const known = input.units.filter((c) => codes.get(c));
  const unitIds = [...new Set(known.map((c) => codes.get(c)!.id))];
  const answer = await ctx.org.timelines({ units: unitIds, from: input.from, to: input.from });
  const index = new LeadershipIndex(answer.timelines);
  // For anyone but the operator, a code that names nothing is refused with those out of reach:
  // one answer, so it does not tell which exist (ARCHITECTURE.md, "What callers may learn").
  const outside = [
    ...new Set([
      ...known.filter((c) => index.relation(inspector.id, codes.get(c)!.id, input.from) === 'NONE'),
      ...unknown,
    ]),
  ].sort();
  if (outside.length) {
    const nobody = ctx.identity.hubAdmin ? '' : '，或单位不存在';
    throw new ForbiddenError(
      `${input.inspector} 于 ${input.from} 既不领导也不指导${nobody}：${outside.join('、')}（不能检查）`,
      { field: 'input.units', units: outside },
    );
  }
  try {
    return await scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
      const out: InspectionRecord[] = [];
      for (const unitId of unitIds) {
        if (key) {
          const e = await inspectionByKey(tx, inspector.id, key, unitId);
          if (e) {
            if (
              e.title !== title ||
              e.startsOn !== input.from ||
              e.endsOn !== input.to ||
              e.schemeId !== (schemeId === null ? null : String(schemeId)) ||
              canonical(e.indicators) !== canonical(indicators)
            ) {
              throw new ConflictError(
                'input.key',
                `key「${key}」已用于 ${input.inspector} 的另一次检查（#${e.id}「${e.title}」）：不覆盖，请换用新的 key`,
              );
            }
            out.push(e);
            continue;
          }
        }
        out.push(
          await insertInspection(tx, {
            inspectorId: inspector.id,
            unitId,
            key,
            title,
            startsOn: input.from,
            endsOn: input.to,
            schemeId,
            indicators,
            createdBy: ctx.identity.subject,
          }),
        );
      }
      return out;
    });
  } catch (e) {
    if (isRlsRefusal(e))
      throw new ForbiddenError(`无权以 ${input.inspector} 的名义安排检查`, { field: 'input.inspector' });
    if (isUniqueViolation(e)) throw new ConflictError('input.key', `key「${key}」刚被另一请求使用：请刷新后重试`);
    throw e;
  }
}

export interface AcceptJointInput {
  unit: string;
  /** Any day of the quarter the finding is about. */
  on: string;
  lead?: string | null;
  from?: string | null;
  to?: string | null;
  note?: string | null;
}

export async function acceptJointInspection(
  ctx: AssessmentsContext,
  input: AcceptJointInput,
): Promise<JointInspectionRecord> {
  requireRole(ctx.identity, 'EDITOR', '确认联合检查');
  if (!isDay(input.on)) throw new BadInputError('input.on', `日期无效：${input.on}`);
  const unit = (await ctx.org.unitsByCode([input.unit])).get(input.unit);
  if (!unit || !(await ctx.org.canSee(unit.id))) throw unitOutOfReach(ctx, 'input.unit', input.unit);
  const quarter = quarterOf(input.on);
  const findings = (await unitFindingsBatch(ctx, [unit.id], Number(input.on.slice(0, 4)))).get(unit.id) ?? [];
  const finding = findings.find((f) => f.kind === 'MULTIPLE_INSPECTIONS' && f.from === quarter.from);
  if (!finding || !finding.proposal)
    throw new ConflictError('input.on', `${input.unit} 在 ${quarter.label} 没有待合并的多头检查`);
  let leadId = finding.proposal.leadId;
  if (input.lead) {
    const lead = (await ctx.org.unitsByCode([input.lead])).get(input.lead);
    if (!lead || !finding.bodyIds.includes(lead.id))
      throw new BadInputError('input.lead', `牵头单位应是参加检查的单位之一：${input.lead}`);
    leadId = lead.id;
  }
  const from = input.from ?? finding.proposal.from;
  const to = input.to ?? finding.proposal.to;
  if (!isDay(from) || from < quarter.from || from > quarter.to)
    throw new BadInputError(
      'input.from',
      `联合检查应在 ${quarter.label}（${quarter.from} 至 ${quarter.to}）内：${from}`,
    );
  if (!isDay(to) || to < from || to > quarter.to)
    throw new BadInputError('input.to', `结束日期应在 ${from} 至 ${quarter.to} 之间：${to}`);
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) throw new BadInputError('input.note', '说明过长（最多 2000 字）');
  const noteProblem = note ? textProblem(note, 'MULTILINE') : null;
  if (noteProblem) throw new BadInputError('input.note', `input.note：${noteProblem}`);
  try {
    return await scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
      // One acceptance per unit and quarter at a time. A finding made of inspections is guarded
      // below (each may be merged once); one made only of gradings: under the lock, no joint
      // inspection of the quarter may already cover all its bodies (another request was first).
      await lockJointQuarter(tx, unit.id, quarter.label);
      if (finding.inspectionIds.length === 0) {
        const taken = await jointCovering(tx, unit.id, quarter.from, quarter.to, finding.bodyIds);
        if (taken)
          throw new ConflictError(
            'input.on',
            `${input.unit} 在 ${quarter.label} 的联合检查刚被确认（#${taken.id}）：请刷新后重试，未做任何更改`,
          );
      }
      const joint = await insertJoint(tx, {
        unitId: unit.id,
        leadId,
        bodyIds: finding.bodyIds,
        startsOn: from,
        endsOn: to,
        indicators: finding.proposal!.indicators,
        note,
        acceptedBy: ctx.identity.subject,
        acceptedFor: ctx.identity.body,
      });
      if (finding.inspectionIds.length) {
        const merged = await mergeInspections(tx, finding.inspectionIds, joint.id);
        // Another acceptance got there first: nothing of this one is kept.
        if (merged.length !== finding.inspectionIds.length)
          throw new ConflictError('input.on', '这些检查刚被另一请求合并：请刷新后重试，未做任何更改');
      }
      return joint;
    });
  } catch (e) {
    if (isRlsRefusal(e)) throw new ForbiddenError(`无权确认 ${input.unit} 的联合检查`, { field: 'input.unit' });
    throw e;
  }
}

/** An inspection by id, if the caller sees its unit or its inspector (null otherwise: an `Inspection` reference). */
export async function visibleInspection(ctx: AssessmentsContext, id: string): Promise<InspectionRecord | null> {
  const i = isId(id) ? await ctx.loaders.inspection.load(id) : null;
  return i && ((await ctx.org.canSee(i.unitId)) || (await ctx.org.canSee(i.inspectorId))) ? i : null;
}

/**
 * A joint inspection by id, if the caller sees its unit or its organiser (null otherwise: a `JointInspection`
 * reference).
 */
export async function visibleJoint(ctx: AssessmentsContext, id: string): Promise<JointInspectionRecord | null> {
  const j = isId(id) ? await ctx.loaders.joint.load(id) : null;
  return j && ((await ctx.org.canSee(j.unitId)) || (await ctx.org.canSee(j.leadId))) ? j : null;
}

/** Inspections by id, those that exist (a finding's: already in sight with it). */
export async function inspectionsByIds(ctx: AssessmentsContext, ids: readonly string[]): Promise<InspectionRecord[]> {
  return (await ctx.loaders.inspection.loadMany(ids)).filter(
    (x): x is InspectionRecord => x != null && !(x instanceof Error),
  );
}

/** The joint inspection an inspection was merged into (none: null). */
export async function jointOf(ctx: AssessmentsContext, i: InspectionRecord): Promise<JointInspectionRecord | null> {
  return i.jointId ? ctx.loaders.joint.load(i.jointId) : null;
}

/** Inspections of a unit beginning in `year`, by start (nothing when it is out of sight). */
export async function inspectionsOfUnitInYear(
  ctx: AssessmentsContext,
  unitId: string,
  year: number,
): Promise<InspectionRecord[]> {
  checkYear(year);
  return (await ctx.org.canSee(unitId)) ? inspectionsOfUnit(ctx.db, unitId, year) : [];
}
