import type { Directory, LinkKind, ManagementMode, UnitKind } from './types';

/** Chinese labels for people-facing text (explanations, anomaly messages). */
export const KIND_LABEL: Record<UnitKind, string> = {
  LOCAL_PARTY_COMMITTEE: '地方党委',
  WORK_COMMITTEE: '机关工委',
  DEPARTMENT_PARTY_GROUP: '部门党组（党委）',
  ORGAN_PARTY_COMMITTEE: '机关党委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
  GRASSROOTS_UNIT: '基层单位',
};

export const MODE_LABEL: Record<ManagementMode, string> = { VERTICAL: '垂直管理', TERRITORIAL: '属地管理' };

export const LINK_LABEL: Record<LinkKind, string> = {
  LEADERSHIP: '领导',
  GUIDANCE: '指导',
  AFFILIATION: '隶属（党组织关系）',
  BUSINESS: '业务主管',
};

/** 「名称（代码）」, or the bare id when the unit is unknown. */
export function nameOf(dir: Directory, id: string | null | undefined): string {
  if (!id) return '（空）';
  const u = dir.get(id);
  return u ? `${u.name}（${u.code}）` : `未知单位#${id}`;
}

export function period(from: string, to: string | null): string {
  return to ? `${from}至${to}` : `${from}起`;
}
