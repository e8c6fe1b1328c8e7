/**
 * Validation of the `tiaokuai/v1` interchange file (CONTRACT.md), pure: it sees the document
 * and the set of codes that already exist in the hub, and lists every problem with its JSON
 * path (`units[3].kind`), not just the first. Mutations validate their inputs with the same
 * entry checks, so a rule holds the same way through the API and through a file.
 */
import { isDay, overlaps, textProblem, type Day, type TextKind } from '@tiaokuai/leadership';
import { LEADERSHIP_FLAVOURS, LINK_KINDS, MANAGEMENT_MODES, UNIT_KINDS, UNIT_LEVELS } from '../domain/types';
import type { LeadershipFlavour, LinkKind, ManagementMode, UnitRecord } from '../domain/types';

export const FORMAT = 'tiaokuai/v1';
export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const MAX_NAME = 200;
const MAX_BASIS = 500;

export interface Problem {
  path: string;
  message: string;
}

export interface VersionPlan {
  validFrom: Day;
  validTo: Day | null;
  partyRelationMode: ManagementMode | null;
  businessMode: ManagementMode | null;
  competentDepartment: string | null;
  locality: string | null;
  /** Where the version came from in the file (for problem paths). */
  path?: string;
}

/** A unit as the file states it: its record (without the hub's id) and its whole fact history. */
export interface UnitPlan extends Omit<UnitRecord, 'id'> {
  path: string;
  versions: VersionPlan[];
}

export interface LinkPlan {
  path: string;
  from: string;
  to: string;
  kind: LinkKind;
  flavour: LeadershipFlavour | null;
  validFrom: Day;
  validTo: Day | null;
  basis: string | null;
}

const TOP_LEVEL = new Set(['format', 'units', 'links', 'tasks', 'requiredItems', 'assessments']);
const FACT_FIELDS = ['partyRelationMode', 'businessMode', 'competentDepartment', 'locality'] as const;
const UNIT_FIELDS = new Set(['code', 'name', 'kind', 'level', 'region', 'validFrom', 'validTo', 'versions', ...FACT_FIELDS]);
const VERSION_FIELDS = new Set(['validFrom', 'validTo', ...FACT_FIELDS]);
const LINK_FIELDS = new Set(['from', 'to', 'kind', 'flavour', 'validFrom', 'validTo', 'basis']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An offending value for a problem message: short, and safe for any JSON (a value nested
 * thousands of levels deep overflows JSON.stringify's stack; a megabyte string would be echoed whole).
 */
function show(v: unknown): string {
  let s: string;
  if (Array.isArray(v)) s = `数组（${v.length} 项）`;
  else if (isObject(v)) s = '对象';
  else s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 80)}…（共 ${s.length} 字符）` : s;
}

/**
 * The path of a field: `units[3].kind`, or with a key that is no plain name (empty, with a
 * dot, a bracket or a space), `units[3]["a.b"]`, so that the path stays one unambiguous JSON path.
 */
export function fieldPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

class Checker {
  problems: Problem[] = [];
  add(path: string, message: string) {
    this.problems.push({ path, message });
  }
  unknownFields(obj: Record<string, unknown>, allowed: Set<string>, path: string) {
    for (const k of Object.keys(obj)) if (!allowed.has(k)) this.add(fieldPath(path, k), `未知字段 ${show(k)}`);
  }
  code(v: unknown, path: string, required = true): string | null {
    if (v === undefined || v === null) {
      if (required) this.add(path, '必填');
      return null;
    }
    if (typeof v !== 'string' || !CODE_RE.test(v)) {
      this.add(path, `代码无效：${show(v)}（字母、数字开头，可含字母、数字、- _ .，最长64位）`);
      return null;
    }
    return v;
  }
  /** A text field; `kind` says whether it is one line (names) or free text (leadership's text.ts). */
  text(v: unknown, path: string, max: number, required: boolean, kind: TextKind = 'LINE'): string | null {
    if (v === undefined || v === null) {
      if (required) this.add(path, '必填');
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(path, '必须是非空字符串');
      return null;
    }
    if (v.length > max) {
      this.add(path, `过长（${v.length} 字符，最多 ${max}）`);
      return null;
    }
    const unstorable = textProblem(v, kind);
    if (unstorable) {
      this.add(path, unstorable);
      return null;
    }
    return v;
  }
  oneOf<T extends string>(v: unknown, values: readonly T[], path: string, required: boolean): T | null {
    if (v === undefined || v === null) {
      if (required) this.add(path, `必填，取值：${values.join(', ')}`);
      return null;
    }
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      this.add(path, `未知取值 ${show(v)}，应为：${values.join(', ')}`);
      return null;
    }
    return v as T;
  }
  day(v: unknown, path: string, required: boolean): Day | null {
    if (v === undefined || v === null) {
      if (required) this.add(path, '必填（YYYY-MM-DD）');
      return null;
    }
    if (!isDay(v)) {
      this.add(path, `日期无效：${show(v)}（应为 YYYY-MM-DD 的真实日期）`);
      return null;
    }
    return v;
  }
  interval(from: Day | null, to: Day | null, path: string) {
    if (from && to && to < from) this.add(`${path}.validTo`, `validTo（${to}）早于 validFrom（${from}）`);
  }
}

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
  else c.add(`${path}.region`, raw.region == null ? '必填（6位 GB/T 2260 区划代码）' : `区划代码无效：${show(raw.region)}（应为6位数字）`);
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
        const a = versions[i - 1], b = versions[i];
        if (overlaps(a.validFrom, a.validTo, b.validFrom, b.validTo)) {
          c.add(`${path}.versions`, `事实版本时间重叠：${a.validFrom}–${a.validTo ?? '…'} 与 ${b.validFrom}–${b.validTo ?? '…'}`);
        }
      }
      const last = versions[versions.length - 1];
      if (last && hasFacts(top)) {
        for (const k of FACT_FIELDS) {
          if (top[k] !== null && top[k] !== last[k]) c.add(`${path}.${k}`, `与 versions 中最新版本不一致（${JSON.stringify(top[k])} ≠ ${JSON.stringify(last[k])}）`);
        }
      }
    }
  } else if (hasFacts(top) && validFrom) {
    versions = [{ validFrom, validTo, ...top, path }];
  }
  if (c.problems.length > before || !code || !name || !kind || !level || !region || !validFrom) return null;
  return { path, code, name, kind, level, region, validFrom, validTo, versions };
}

export function checkLink(c: Checker, raw: unknown, path: string): LinkPlan | null {
  const before = c.problems.length;
  if (!isObject(raw)) {
    c.add(path, '必须是对象');
    return null;
  }
  c.unknownFields(raw, LINK_FIELDS, path);
  const from = c.code(raw.from, `${path}.from`);
  const to = c.code(raw.to, `${path}.to`);
  const kind = c.oneOf(raw.kind, LINK_KINDS, `${path}.kind`, true);
  const flavour = c.oneOf(raw.flavour, LEADERSHIP_FLAVOURS, `${path}.flavour`, false);
  if (flavour && kind && kind !== 'LEADERSHIP') c.add(`${path}.flavour`, `只有 LEADERSHIP 关系有 flavour，${kind} 不能有`);
  const validFrom = c.day(raw.validFrom, `${path}.validFrom`, true);
  const validTo = c.day(raw.validTo, `${path}.validTo`, false);
  c.interval(validFrom, validTo, path);
  const basis = c.text(raw.basis, `${path}.basis`, MAX_BASIS, false, 'MULTILINE'); // a note on the link's legal basis
  if (from && to && from === to) c.add(`${path}.to`, `关系不能指向自身（${from}）`);
  if (c.problems.length > before || !from || !to || !kind || !validFrom) return null;
  return { path, from, to, kind, flavour, validFrom, validTo, basis };
}

export function newChecker(): Checker {
  return new Checker();
}
export type { Checker };

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
      for (const k of ['competentDepartment', 'locality']) if (typeof src[k] === 'string') referenced.add(src[k] as string);
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
