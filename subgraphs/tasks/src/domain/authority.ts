/**
 * What an assignment is worth (DOMAIN.md, Tasks: "the leader's tasks bind; a guide's are
 * advisory; an unrelated issuer is out of jurisdiction"), from the org subgraph's answer of who
 * led and guided each unit on each day (`leadershipTimeline`, RelationPeriod). Pure.
 *
 * On a day d, an issuer I relates to a unit U:
 * - LEADS when I leads U, or leads a body that leads U, and so on up ("directly, or as the
 *   body that leads its leader": 省委 → 省直机关工委 → 机关党委 → 党支部);
 * - GUIDES, failing that, when I guides U, or leads a body that guides U (guidance reaches one
 *   step: a guide does not reach the units below the one it guides, as in org's scope);
 * - NONE otherwise: U is outside I's reach, and a task from I to U is refused.
 * A binding task is BINDING only where I LEADS; where it GUIDES the assignment is ADVISORY
 * (and OVERREACH is reported); a task issued as advisory is ADVISORY everywhere.
 *
 * Which day: an assignment is judged on one day of its period, the day a question is about
 * (`judgedOn`): today while the task runs, its first day before it starts, its last day once it
 * has ended; for a finding about a window, the first day of the task inside the window.
 */
import { LeadershipIndex, type Relation } from '@tiaokuai/leadership';
import type { Authority } from './types';

export { periodAt, type Relation, type Timelines } from '@tiaokuai/leadership';

/** Leadership (leadership's LeadershipIndex) turned into the authority of an assignment. */
export class AuthorityIndex extends LeadershipIndex {
  /** BINDING only where the issuer leads and asked for it; ADVISORY otherwise (null: out of reach). */
  authority(
    issuerId: string,
    unitId: string,
    day: string,
    binding: boolean,
  ): { relation: Relation; authority: Authority | null } {
    const relation = this.relation(issuerId, unitId, day);
    if (relation === 'NONE') return { relation, authority: null };
    return { relation, authority: relation === 'LEADS' && binding ? 'BINDING' : 'ADVISORY' };
  }
}

/** The day an assignment is judged on when a question names one day (default today). */
export function judgedOn(task: { startsOn: string; dueOn: string }, day: string): string {
  return day < task.startsOn ? task.startsOn : day > task.dueOn ? task.dueOn : day;
}
