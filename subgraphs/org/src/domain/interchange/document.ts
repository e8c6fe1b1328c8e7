/**
 * A whole `tiaokuai/v1` document (CONTRACT.md), pure: it sees the document and the set of codes
 * that already exist in the hub, and lists every problem with its JSON path, not just the
 * first. Mutations validate their inputs with the same entry checks (unit-entry.ts,
 * link-entry.ts), so a rule holds the same way through the API and through a file.
 */
import { DOCUMENT_FIELDS } from '@tiaokuai/leadership';
import { Checker, isObject, show } from './checker';
import { FORMAT, type LinkPlan, type Problem, type UnitPlan } from './format';
import { checkLink } from './link-entry';
import { checkUnit } from './unit-entry';

const TOP_LEVEL = new Set(DOCUMENT_FIELDS);

/** Codes a document references that it does not itself define (to be looked up in the hub). */
export function externalReferences(doc: unknown): string[] {
  if (!isObject(doc)) return [];
  const defined = new Set<string>();
  const referenced = new Set<string>();
  const units = Array.isArray(doc.units) ? doc.units : [];
  for (const u of units) {
    if (!isObject(u)) continue;
    if (typeof u.code === 'string') defined.add(u.code);
    for (const src of [u, ...(Array.isArray(u.versions) ? u.versions : [])]) {
      if (!isObject(src)) continue;
      for (const k of ['competentDepartment', 'locality'])
        if (typeof src[k] === 'string') referenced.add(src[k] as string);
    }
  }
  for (const l of Array.isArray(doc.links) ? doc.links : []) {
    if (!isObject(l)) continue;
    for (const k of ['from', 'to']) if (typeof l[k] === 'string') referenced.add(l[k] as string);
  }
  return [...referenced].filter((c) => !defined.has(c));
}

export interface ParsedDocument {
  problems: Problem[];
  units: UnitPlan[];
  links: LinkPlan[];
}

/**
 * Validates a whole document. `existingCodes`: codes already in the hub, so a file may refer
 * to units it does not itself carry.
 */
export function parseDocument(doc: unknown, existingCodes: ReadonlySet<string>): ParsedDocument {
  const c = new Checker();
  const units: UnitPlan[] = [];
  const links: LinkPlan[] = [];
  if (!isObject(doc)) {
    c.add('$', '文件必须是 JSON 对象');
    return { problems: c.problems, units, links };
  }
  c.unknownFields(doc, TOP_LEVEL, '$');
  if (doc.format !== FORMAT) c.add('format', `格式必须是 "${FORMAT}"，收到 ${show(doc.format)}`);
  if (doc.units !== undefined && !Array.isArray(doc.units)) c.add('units', '必须是数组');
  if (doc.links !== undefined && !Array.isArray(doc.links)) c.add('links', '必须是数组');
  const seen = new Map<string, string>();
  (Array.isArray(doc.units) ? doc.units : []).forEach((raw, i) => {
    const plan = checkUnit(c, raw, `units[${i}]`);
    const code = isObject(raw) && typeof raw.code === 'string' ? raw.code : null;
    if (code) {
      if (seen.has(code)) c.add(`units[${i}].code`, `代码重复：${code} 已在 ${seen.get(code)} 出现`);
      else seen.set(code, `units[${i}]`);
    }
    if (plan) units.push(plan);
  });
  const known = (code: string) => seen.has(code) || existingCodes.has(code);
  for (const u of units) {
    u.versions.forEach((v) => {
      const vp = v.path ?? u.path;
      for (const k of ['competentDepartment', 'locality'] as const) {
        const ref = v[k];
        if (ref && !known(ref)) c.add(`${vp}.${k}`, `未知单位代码：${ref}`);
        if (ref && ref === u.code) c.add(`${vp}.${k}`, `单位不能以自身为${k === 'locality' ? '属地' : '主管部门'}`);
      }
    });
  }
  const identities = new Map<string, string>();
  (Array.isArray(doc.links) ? doc.links : []).forEach((raw, i) => {
    const plan = checkLink(c, raw, `links[${i}]`);
    if (!plan) return;
    if (!known(plan.from)) c.add(`links[${i}].from`, `未知单位代码：${plan.from}`);
    if (!known(plan.to)) c.add(`links[${i}].to`, `未知单位代码：${plan.to}`);
    const id = `${plan.from}|${plan.to}|${plan.kind}|${plan.validFrom}`;
    if (identities.has(id)) c.add(`links[${i}]`, `与 ${identities.get(id)} 重复（同一上下级、类型和起始日期）`);
    else identities.set(id, `links[${i}]`);
    links.push(plan);
  });
  return { problems: c.problems, units, links };
}
