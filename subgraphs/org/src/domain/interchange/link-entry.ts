/**
 * One link entry of a file (or a link mutation's input): its ends (never the same unit), kind,
 * flavour (LEADERSHIP only), interval and basis.
 */
import { LEADERSHIP_FLAVOURS, LINK_KINDS } from '../types';
import { isObject, type Checker } from './checker';
import { MAX_BASIS, type LinkPlan } from './format';

const LINK_FIELDS = new Set(['from', 'to', 'kind', 'flavour', 'validFrom', 'validTo', 'basis']);

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
  if (flavour && kind && kind !== 'LEADERSHIP')
    c.add(`${path}.flavour`, `只有 LEADERSHIP 关系有 flavour，${kind} 不能有`);
  const validFrom = c.day(raw.validFrom, `${path}.validFrom`, true);
  const validTo = c.day(raw.validTo, `${path}.validTo`, false);
  c.interval(validFrom, validTo, path);
  const basis = c.text(raw.basis, `${path}.basis`, MAX_BASIS, false, 'MULTILINE'); // a note on the link's legal basis
  if (from && to && from === to) c.add(`${path}.to`, `关系不能指向自身（${from}）`);
  if (c.problems.length > before || !from || !to || !kind || !validFrom) return null;
  return { path, from, to, kind, flavour, validFrom, validTo, basis };
}
