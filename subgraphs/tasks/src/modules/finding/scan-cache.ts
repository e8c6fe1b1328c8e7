/**
 * What a scan holds of the assignments: each unit's active assignments as the detectors see them
 * (facts, their authority judged), and the process's cache of every unit's, brought up to date
 * by revision. Fed by finding.store.ts; no GraphQL.
 */
import { warmSpans, type Db, type TimelineAnswer } from '@tiaokuai/platform';
import { groupBy } from '@tiaokuai/leadership';
import { AuthorityIndex, judgedOn } from '../../domain/authority';
import type { AssignmentRecord, AssignmentRows, TaskFacts, TaskRecord } from '../../domain/records';
import type { AssignmentFact } from '../../domain/types';
import { assignmentRows, rowRevision } from './finding.store';

/**
 * One assignment as the detectors see it, its authority judged as of `from` (clamped into the
 * task). The task's fields are read through from its one record, not copied: a province's scan
 * builds 300,000 of these, and copies were most of that work's time and memory.
 */
class Fact implements AssignmentFact {
  readonly authority: AssignmentFact['authority'];
  readonly relation: AssignmentFact['relation'];

  constructor(
    index: AuthorityIndex,
    readonly id: string,
    readonly unitId: string,
    private readonly t: TaskFacts,
    from: string,
  ) {
    const judged = index.authority(t.issuerId, unitId, judgedOn(t, from), t.binding);
    this.authority = judged.authority ?? 'ADVISORY';
    this.relation = judged.relation;
  }

  get taskId() {
    return this.t.id;
  }
  get issuerId() {
    return this.t.issuerId;
  }
  get title() {
    return this.t.title;
  }
  get category() {
    return this.t.category;
  }
  get priority() {
    return this.t.priority;
  }
  get startsOn() {
    return this.t.startsOn;
  }
  get dueOn() {
    return this.t.dueOn;
  }
  get binding() {
    return this.t.binding;
  }
  get deliverable() {
    return this.t.deliverable;
  }
  get requiredItemId() {
    return this.t.requiredItemId;
  }
  get incompatibleTaskIds() {
    return this.t.incompatibleWith;
  }
}

const factOf = (index: AuthorityIndex, id: string, unitId: string, t: TaskFacts, from: string): AssignmentFact =>
  new Fact(index, id, unitId, t, from);

/** Each unit's active assignments as the detectors see them. */
export function assignmentFacts(
  answer: TimelineAnswer,
  rows: ReadonlyArray<{ a: AssignmentRecord; t: TaskRecord }>,
  from: string,
): Map<string, AssignmentFact[]> {
  const index = new AuthorityIndex(answer.timelines);
  return groupBy(
    rows.map(({ a, t }) => factOf(index, a.id, a.unitId, t, from)),
    (f) => f.unitId,
  );
}

/** Each unit's facts, for the detectors. */
export interface FactSource {
  get(unitId: string): readonly AssignmentFact[] | undefined;
}

/** A task's first day as a number (yyyymmdd), to order assignments without comparing strings. */
const dayNumber = (day: string) => Number(day.slice(0, 4) + day.slice(5, 7) + day.slice(8, 10));

/**
 * Every unit's active assignments over some years, as columns, kept up to date by applying
 * what was written since (finding.store.ts `assignmentRows` with `since`): a scan's cache holds
 * one per span of years (`ScanCache`). A position, once given to an assignment, stays its own;
 * an assignment settled later leaves its unit's list, and `apply` is idempotent, so reading a
 * change twice does no harm. Each unit's positions are put in order (task start, then id) when
 * its facts are asked for.
 */
export class ActiveAssignments {
  private readonly tasks = new Map<number, TaskFacts>();
  private readonly ids: number[] = [];
  private readonly taskIds: number[] = [];
  private readonly unitIds: number[] = [];
  /** The task's first day of each listed position (dayNumber). */
  private readonly starts: number[] = [];
  /** Whether each position is in its unit's list. */
  private readonly listed: boolean[] = [];
  private readonly positionOf = new Map<number, number>();
  private readonly byUnit = new Map<number, number[]>();
  /**
   * Positions of active assignments whose task was not read with them: the two statements of
   * a read are two snapshots, and a task issued between them shows its assignments only. They
   * wait here until the next change read brings the task (it was written after the revision
   * the read was made at).
   */
  private readonly waiting = new Set<number>();

  constructor(rows?: AssignmentRows) {
    if (rows) this.apply(rows);
  }

  /** Active assignments listed (for tests and logs). */
  get size(): number {
    let n = 0;
    for (const list of this.byUnit.values()) n += list.length;
    return n;
  }

  /** Brings in a read: new and changed tasks, new assignments, settled ones out. */
  apply(rows: AssignmentRows): void {
    for (const [id, t] of rows.tasks) this.tasks.set(id, t);
    for (let i = 0; i < rows.ids.length; i++) {
      const id = rows.ids[i];
      let p = this.positionOf.get(id);
      if (p !== undefined && (this.taskIds[p] !== rows.taskIds[i] || this.unitIds[p] !== rows.unitIds[i])) {
        this.unlist(p); // not written by the hub (an assignment keeps its task and unit), but if it were
        this.taskIds[p] = rows.taskIds[i];
        this.unitIds[p] = rows.unitIds[i];
      }
      if (p === undefined) {
        if (!rows.active[i]) continue;
        p = this.ids.length;
        this.ids.push(id);
        this.taskIds.push(rows.taskIds[i]);
        this.unitIds.push(rows.unitIds[i]);
        this.starts.push(0);
        this.listed.push(false);
        this.positionOf.set(id, p);
      }
      if (rows.active[i]) this.list(p);
      else this.unlist(p);
    }
    for (const p of this.waiting) this.list(p);
  }

  private list(p: number): void {
    const task = this.tasks.get(this.taskIds[p]);
    if (!task) {
      this.waiting.add(p);
      return;
    }
    this.waiting.delete(p);
    this.starts[p] = dayNumber(task.startsOn);
    if (this.listed[p]) return;
    this.listed[p] = true;
    const list = this.byUnit.get(this.unitIds[p]);
    if (list) list.push(p);
    else this.byUnit.set(this.unitIds[p], [p]);
  }

  private unlist(p: number): void {
    this.waiting.delete(p);
    if (!this.listed[p]) return;
    this.listed[p] = false;
    const list = this.byUnit.get(this.unitIds[p])!;
    list.splice(list.indexOf(p), 1);
  }

  /**
   * The facts of each unit asked for, in assignmentsOfUnits' order (task start, then id),
   * built when the detectors ask and not kept: a province's 300,000 die young instead of all
   * living through the scan (garbage collection was the largest single cost of a scan).
   */
  facts(answer: TimelineAnswer, from: string): FactSource {
    const index = new AuthorityIndex(answer.timelines);
    const { ids, starts } = this;
    const order = (x: number, y: number) => starts[x] - starts[y] || ids[x] - ids[y];
    return {
      get: (unitId) => {
        const positions = this.byUnit.get(Number(unitId));
        if (!positions || positions.length === 0) return undefined;
        positions.sort(order);
        return positions.map((i) => factOf(index, String(ids[i]), unitId, this.tasks.get(this.taskIds[i])!, from));
      },
    };
  }
}

/**
 * A scope scan's active assignments, every unit's over the years asked, kept per process and
 * brought up to date by revision (migrations 0003, 0004): a scan after a write reads what was
 * written since, not the year again; after a TRUNCATE (a new epoch) it reads all. Kept whole
 * rather than per scope, so a scan can read them while org answers which units the scope holds,
 * and every scope shares one copy. A province's year is about 30 MB; a few spans are held.
 */
export class ScanCache {
  private readonly held = new Map<string, { epoch: string; n: number; value: Promise<ActiveAssignments> }>();
  private fullReads = 0;
  private changeReads = 0;

  constructor(private readonly capacity = 4) {}

  /** How many whole reads this cache has made (for tests). */
  get loads(): number {
    return this.fullReads;
  }

  /** How many reads of changes only (for tests). */
  get updates(): number {
    return this.changeReads;
  }

  /** Brings each span held, and the current year, up to date ahead of the next scan (platform's warmer.ts). */
  warm(db: Db): Promise<void> {
    return warmSpans(this.held.keys(), (from, to) => this.assignments(db, from, to));
  }

  async assignments(db: Db, from: string, to: string): Promise<ActiveAssignments> {
    const key = `${from}|${to}`;
    const now = await rowRevision(db);
    // After the one await, the look-up and starting a read happen in one synchronous step, so
    // requests resuming together share a read.
    let entry = this.held.get(key);
    if (entry) {
      this.held.delete(key);
      this.held.set(key, entry);
    } // most recently used
    if (!entry || entry.epoch !== now.epoch) {
      this.fullReads++;
      entry = {
        epoch: now.epoch,
        n: now.n,
        value: assignmentRows(db, from, to).then((rows) => new ActiveAssignments(rows)),
      };
      this.held.set(key, entry);
      while (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value as string);
    } else if (now.n > entry.n) {
      const since = entry.n;
      entry.n = now.n;
      this.changeReads++;
      entry.value = entry.value.then(async (set) => {
        set.apply(await assignmentRows(db, from, to, since));
        return set;
      });
    }
    const value = entry.value;
    // A failed read is not kept: the next scan reads everything again.
    value.catch(() => {
      if (this.held.get(key)?.value === value) this.held.delete(key);
    });
    return value;
  }
}
