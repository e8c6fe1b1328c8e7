/**
 * A list-level DUPLICATE (DOMAIN.md, Tasks, 责任清单: "A unit under dual leadership receives both
 * lists. Where the two ask for the same work, the unit is asked twice: a list-level 交叉重叠";
 * DOMAIN.md "Tasks (任务)"): two items that apply to one unit on the same days, from different lists (two
 * owners, or an owner and the hub-wide list), with the same frequency and the same work (the
 * same name, or names similar by similarity.ts).
 *
 * Each pair is reported once per window, for the first stretch of days on which both apply
 * (list-reach.ts ReachPeriod), naming both owners (`issuerIds`, the hub-wide list naming none)
 * and both items (`itemIds`, the one to keep first).
 *
 * Whose item to keep, by the leadership rule:
 * 1. a hub-wide item (the regulation's own duty, 三会一课) over an owner's: the owner's repeats
 *    what every unit of the kind must carry anyway;
 * 2. the nearer owner's (fewer steps up the chain of leaders): the list closer to the unit is the
 *    one written for it, and cascades the higher one's requirement (苏州's 三级责任清单);
 * 3. at the same distance, specific leadership over unified (2019 regulation, arts. 33–37): the
 *    department's party group (具体领导和管理, 主体责任) keeps its item, and the work committee's
 *    (统一领导) is met by the same work, reported to both (the organ party committee's case);
 * 4. otherwise neither rule decides: the item of the owner org lists first, the two owners to agree.
 */
import type { OwnerReach, UnitLists } from '../list-reach';
import { normalise, similarity } from '../similarity';
import type { RequiredItem, TaskFinding } from '../types';

export interface ListDuplicateInput extends UnitLists {
  /** How a body is named in messages (名称（代码）). */
  label: (unitId: string) => string;
}

/** Do two items ask for the same work? The same frequency, and the same or a similar name. */
export function sameWork(a: RequiredItem, b: RequiredItem): boolean {
  if (a.frequency !== b.frequency) return false;
  return normalise(a.name) === normalise(b.name) || similarity(a.name, b.name).similar;
}

const FLAVOUR_LABEL: Record<string, string> = { UNIFIED: '统一领导', SPECIFIC: '具体领导' };

/** The rule's choice for a pair applying on one stretch: [keep, other, which rule decided (1–4)]. */
export function keepByLeadership(
  a: RequiredItem,
  b: RequiredItem,
  owners: ReadonlyMap<string, OwnerReach>,
): [RequiredItem, RequiredItem, 1 | 2 | 3 | 4] {
  if (!a.ownerId) return [a, b, 1];
  if (!b.ownerId) return [b, a, 1];
  const ra = owners.get(a.ownerId)!;
  const rb = owners.get(b.ownerId)!;
  if (ra.depth !== rb.depth) return ra.depth < rb.depth ? [a, b, 2] : [b, a, 2];
  if (ra.flavour === 'SPECIFIC' && rb.flavour !== 'SPECIFIC') return [a, b, 3];
  if (rb.flavour === 'SPECIFIC' && ra.flavour !== 'SPECIFIC') return [b, a, 3];
  return [a, b, 4];
}

export function detectListDuplicates(input: ListDuplicateInput): TaskFinding[] {
  const { unitId, unitKind, from, to, label } = input;
  const mine = input.items.filter((i) => i.kinds.includes(unitKind));
  if (mine.length < 2) return [];
  const reported = new Set<string>();
  const out: TaskFinding[] = [];
  for (const r of input.reach) {
    if (r.to < from || r.from > to) continue;
    const on = { from: r.from < from ? from : r.from, to: r.to > to ? to : r.to };
    const applying = mine.filter(
      (i) => (!i.ownerId || r.owners.has(i.ownerId)) && !(i.retiredOn && i.retiredOn <= on.from),
    );
    for (let x = 0; x < applying.length; x++) {
      for (let y = x + 1; y < applying.length; y++) {
        const a = applying[x];
        const b = applying[y];
        if ((a.ownerId ?? null) === (b.ownerId ?? null) || !sameWork(a, b)) continue;
        const pair = [a.id, b.id].sort().join('|');
        if (reported.has(pair)) continue;
        reported.add(pair);
        out.push(finding(unitId, a, b, r.owners, on, label));
      }
    }
  }
  return out;
}

function finding(
  unitId: string,
  a: RequiredItem,
  b: RequiredItem,
  owners: ReadonlyMap<string, OwnerReach>,
  on: { from: string; to: string },
  label: (id: string) => string,
): TaskFinding {
  const [keep, other, rule] = keepByLeadership(a, b, owners);
  const ownerOf = (i: RequiredItem) =>
    i.ownerId ? `${label(i.ownerId)}${how(owners.get(i.ownerId)!, label)}` : '全平台（条例规定）';
  const name = (i: RequiredItem) => `${ownerOf(i)}的「${i.name}」`;
  const suggestion =
    rule === 1
      ? `保留${name(keep)}：这是同类单位都须落实的事项；${name(other)}与之重复，不再单列（可作为对它的细化要求）`
      : rule === 2
        ? `保留${name(keep)}：它离本单位更近，是上级清单在本单位的落实；${name(other)}由它一并落实，不重复要求`
        : rule === 3
          ? `本单位受双重领导：保留具体领导方${name(keep)}，统一领导方${name(other)}以同一项工作落实，向两方报告（一次落实、两方报告）`
          : `两份清单地位相同，规则不能决定：建议保留${name(keep)}，请${label(keep.ownerId!)}与${label(other.ownerId!)}协商后撤去一项`;
  return {
    kind: 'DUPLICATE',
    unitId,
    assignmentIds: [],
    taskIds: [],
    issuerIds: [keep.ownerId, other.ownerId].filter((o): o is string => !!o),
    itemIds: [keep.id, other.id],
    from: on.from,
    to: on.to,
    message: `${name(a)}与${name(b)}内容相同、频次相同，同时适用于本单位（${on.from}至${on.to}）：本单位被要求两次（清单交叉重叠）`,
    suggestion,
  };
}

/** （直接领导，统一领导） or （经 X 领导）: how the owner's list reaches the unit, for messages. */
function how(r: OwnerReach, label: (id: string) => string): string {
  const flavour = r.flavour ? (FLAVOUR_LABEL[r.flavour] ?? r.flavour) : null;
  if (r.relation === 'DIRECT') return `（直接领导${flavour ? `，${flavour}` : ''}）`;
  return `（经${label(r.through!)}${flavour ? `${flavour}` : '领导'}）`;
}
