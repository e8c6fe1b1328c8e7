import { enumOf } from '@tiaokuai/leadership';
import { ROLES } from '@tiaokuai/platform';
import { registerEnumType } from 'type-graphql';
import {
  ANOMALY_CODES,
  AUDIT_OPERATIONS,
  type AuditOperation,
  LEADERSHIP_FLAVOURS,
  LINK_KINDS,
  MANAGEMENT_MODES,
  RULE_CODES,
  UNIT_KINDS,
  UNIT_LEVELS,
} from '../../domain/types';

export const UnitKindEnum = enumOf(UNIT_KINDS);
export const UnitLevelEnum = enumOf(UNIT_LEVELS);
export const ManagementModeEnum = enumOf(MANAGEMENT_MODES);
export const LinkKindEnum = enumOf(LINK_KINDS);
export const LeadershipFlavourEnum = enumOf(LEADERSHIP_FLAVOURS);
export const AnomalyCodeEnum = enumOf(ANOMALY_CODES);
export const RoleKindEnum = enumOf(['LEADS', 'GUIDES'] as const);
export const RoleBasisEnum = enumOf(['LOCALITY', 'COMPETENT_DEPARTMENT', 'AFFILIATION', 'DECLARED'] as const);
export const LeadershipRuleEnum = enumOf(Object.keys(RULE_CODES) as (keyof typeof RULE_CODES)[]);
export const CallerRoleEnum = enumOf(ROLES);
export const AuditOperationEnum = enumOf(Object.keys(AUDIT_OPERATIONS) as AuditOperation[]);
export const LinkDirectionEnum = enumOf(['IN', 'OUT', 'BOTH'] as const);
export const HistoryEventKindEnum = enumOf([
  'UNIT_STARTED',
  'UNIT_ENDED',
  'FACTS_CHANGED',
  'LINK_STARTED',
  'LINK_ENDED',
  'ANOMALY_STARTED',
  'ANOMALY_ENDED',
] as const);

registerEnumType(UnitKindEnum, {
  name: 'UnitKind',
  description: '党组织类型：地方党委、机关工委、部门党组（党委）、机关党委、党总支、党支部、基层单位',
});
registerEnumType(UnitLevelEnum, {
  name: 'UnitLevel',
  description: 'CENTRAL 中央, PROVINCIAL 省级, MUNICIPAL 市级, COUNTY 县级',
});
registerEnumType(ManagementModeEnum, {
  name: 'ManagementMode',
  description: 'VERTICAL 垂直管理 or TERRITORIAL 属地管理',
});
registerEnumType(LinkKindEnum, {
  name: 'LinkKind',
  description: 'LEADERSHIP 领导, GUIDANCE 指导, AFFILIATION 隶属（党组织关系）, BUSINESS 业务主管',
});
registerEnumType(LeadershipFlavourEnum, {
  name: 'LeadershipFlavour',
  description: 'UNIFIED 统一领导 (work committee), SPECIFIC 具体领导和管理 (department party group)',
});
registerEnumType(AnomalyCodeEnum, { name: 'AnomalyCode' });
registerEnumType(RoleKindEnum, { name: 'RoleKind' });
registerEnumType(RoleBasisEnum, {
  name: 'RoleBasis',
  description:
    'Where a role comes from: a fact (locality, competent department), the AFFILIATION parent, or a declared link',
});
registerEnumType(LinkDirectionEnum, { name: 'LinkDirection' });
registerEnumType(HistoryEventKindEnum, { name: 'HistoryEventKind' });
registerEnumType(LeadershipRuleEnum, {
  name: 'LeadershipRule',
  description: '规则代码：判定领导方与指导方所依据的规则 (the stable code of the leadership rule applied)',
  valuesConfig: Object.fromEntries(Object.entries(RULE_CODES).map(([k, description]) => [k, { description }])),
});
registerEnumType(CallerRoleEnum, {
  name: 'CallerRole',
  description: '调用者角色 (the role a token grants): VIEWER 查看, EDITOR 编辑, ADMIN 管理',
  valuesConfig: {
    VIEWER: { description: '查看 (reads only)' },
    EDITOR: { description: '编辑 (also writes, in its jurisdiction)' },
    ADMIN: { description: '管理 (also manages links and imports, and reads the audit log)' },
  },
});
registerEnumType(AuditOperationEnum, {
  name: 'AuditOperation',
  description: '留痕的操作 (the mutation an audit entry records)',
  valuesConfig: Object.fromEntries(Object.entries(AUDIT_OPERATIONS).map(([k, description]) => [k, { description }])),
});
