/**
 * One unit entry of a file (or a unit mutation's input): its fields, its top-level facts or its
 * versions (inside the unit's life, not overlapping, the top level agreeing with the latest).
 */
import { overlaps } from '@tiaokuai/leadership';
import { MANAGEMENT_MODES, UNIT_KINDS, UNIT_LEVELS } from '../types';
import { isObject, show, type Checker } from './checker';
import { FACT_FIELDS, MAX_NAME, type UnitPlan, type VersionPlan } from './format';

const UNIT_FIELDS = new Set([
  'code',
  'name',
  'kind',
  'level',
  'region',
  'validFrom',
  'validTo',
  'versions',
  ...FACT_FIELDS,
]);
const VERSION_FIELDS = new Set(['validFrom', 'validTo', ...FACT_FIELDS]);

function checkFacts(c: Checker, obj: Record<string, unknown>, path: string) {
  return {
    partyRelationMode: c.oneOf(obj.partyRelationMode, MANAGEMENT_MODES, `${path}.partyRelationMode`, false),
    businessMode: c.oneOf(obj.businessMode, MANAGEMENT_MODES, `${path}.businessMode`, false),
    competentDepartment: c.code(obj.competentDepartment, `${path}.competentDepartment`, false),
    locality: c.code(obj.locality, `${path}.locality`, false),
  };
}

const hasFacts = (f: ReturnType<typeof checkFacts>) => FACT_FIELDS.some((k) => f[k] !== null);

/** Checks one unit entry; returns its plan (null when it has problems). */
export function checkUnit(c: Checker, raw: unknown, path: string): UnitPlan | null {
  const before = c.problems.length;
  if (!isObject(raw)) {
    c.add(path, '必须是对象');
    return null;
  }
  c.unknownFields(raw, UNIT_FIELDS, path);
  const code = c.code(raw.code, `${path}.code`);
  const name = c.text(raw.name, `${path}.name`, MAX_NAME, true);
  const kind = c.oneOf(raw.kind, UNIT_KINDS, `${path}.kind`, true);
  const level = c.oneOf(raw.level, UNIT_LEVELS, `${path}.level`, true);
  let region: string | null = null;
  if (typeof raw.region === 'string' && /^\d{6}$/.test(raw.region)) region = raw.region;
  else
    c.add(
      `${path}.region`,
      raw.region == null ? '必填（6位 GB/T 2260 区划代码）' : `区划代码无效：${show(raw.region)}（应为6位数字）`,
    );
  const validFrom = c.day(raw.validFrom, `${path}.validFrom`, true);
  const validTo = c.day(raw.validTo, `${path}.validTo`, false);
  c.interval(validFrom, validTo, path);
  const top = checkFacts(c, raw, path);
  let versions: VersionPlan[] = [];
  if (raw.versions !== undefined && raw.versions !== null) {
    if (!Array.isArray(raw.versions)) c.add(`${path}.versions`, '必须是数组');
    else {
      raw.versions.forEach((v, i) => {
        const vp = `${path}.versions[${i}]`;
        if (!isObject(v)) return c.add(vp, '必须是对象');
        c.unknownFields(v, VERSION_FIELDS, vp);
        const from = c.day(v.validFrom, `${vp}.validFrom`, true);
        const to = c.day(v.validTo, `${vp}.validTo`, false);
        c.interval(from, to, vp);
        const f = checkFacts(c, v, vp);
        if (from) versions.push({ validFrom: from, validTo: to, ...f, path: vp });
        if (from && validFrom && from < validFrom) c.add(`${vp}.validFrom`, `事实版本早于单位成立日期（${validFrom}）`);
        if (to && validTo && to > validTo) c.add(`${vp}.validTo`, `事实版本晚于单位撤销日期（${validTo}）`);
        if (!to && validTo) c.add(`${vp}.validTo`, `单位已于 ${validTo} 撤销，事实版本不能无限期有效`);
      });
      versions.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
      for (let i = 1; i < versions.length; i++) {
        const a = versions[i - 1],
          b = versions[i];
        if (overlaps(a.validFrom, a.validTo, b.validFrom, b.validTo)) {
          c.add(
            `${path}.versions`,
            `事实版本时间重叠：${a.validFrom}–${a.validTo ?? '…'} 与 ${b.validFrom}–${b.validTo ?? '…'}`,
          );
        }
      }
      const last = versions[versions.length - 1];
      if (last && hasFacts(top)) {
        for (const k of FACT_FIELDS) {
          if (top[k] !== null && top[k] !== last[k])
            c.add(
              `${path}.${k}`,
              `与 versions 中最新版本不一致（${JSON.stringify(top[k])} ≠ ${JSON.stringify(last[k])}）`,
            );
        }
      }
    }
  } else if (hasFacts(top) && validFrom) {
    versions = [{ validFrom, validTo, ...top, path }];
  }
  if (c.problems.length > before || !code || !name || !kind || !level || !region || !validFrom) return null;
  return { path, code, name, kind, level, region, validFrom, validTo, versions };
}
