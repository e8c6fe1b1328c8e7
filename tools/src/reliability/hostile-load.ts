/**
 * The hostile run's actors during the load (RELIABILITY.md, "The hostile run"; hostile.ts has
 * their checks and figures): VIEWERs walking scope-wide findings, clients posting big bodies
 * without a token, and clients replaying captured signatures straight to org.
 */
import {
  checkFindingsPage,
  checkFinishedWalk,
  FINDINGS_LISTS,
  FINDINGS_QUERY,
  PAGE_SIZE,
  postBigBody,
  recordingProxy,
  replay,
  REPLAY_OTHER_BODY,
  VIEWER_BODIES,
  type BigBodyStats,
  type Captured,
  type FindingsList,
  type ReplayStats,
  type Walk,
} from './hostile';
import { sleep, type Load } from './load';

export interface HostileActorsSettings {
  /** One token per VIEWER_BODIES entry. */
  viewerTokens: string[];
  bigBodyBytes: number;
  proxy: ReturnType<typeof recordingProxy>;
  /** org's own URL (behind the recording proxy). */
  orgUrl: string;
}

export interface ViewerStats {
  pages: number;
  malformedPages: number;
  walksFinished: Record<string, number>;
  findings: Record<string, number>;
  examples: string[];
}

export class HostileActors {
  readonly viewerStats: ViewerStats = { pages: 0, malformedPages: 0, walksFinished: {}, findings: {}, examples: [] };
  readonly big: BigBodyStats = {
    sent: 0,
    timedOut: 0,
    byStatus: {},
    maxBytesBeforeAnswer: 0,
    medianBytesBeforeAnswer: 0,
    bytesBeforeAnswer: [],
  };
  readonly replays: ReplayStats = {
    sent: { same: 0, other: 0, afterRestart: 0 },
    accepted: 0,
    byStatus: {},
    examples: [],
  };
  /** The replays sent when org came back from its kill. */
  private afterRestart: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly load: Load,
    private readonly settings: HostileActorsSettings,
  ) {}

  /**
   * A VIEWER of a body inside the province walking one scope-wide list after another in pages
   * of 500 (checkFindingsPage). A page that fails (a fault) is asked again with the same cursor,
   * as a dashboard would, at most 50 times in one walk (a cursor outlives a subgraph's restart:
   * it is a key, not a position). A malformed page or walk is an error on its request
   * (unexpected).
   */
  async viewer(v: number): Promise<void> {
    const body = VIEWER_BODIES[v % VIEWER_BODIES.length];
    const token = this.settings.viewerTokens[v % VIEWER_BODIES.length];
    const seq = { n: 0 };
    for (let w = v; this.load.running(); w++) {
      await this.walk(v, body, token, FINDINGS_LISTS[w % FINDINGS_LISTS.length], seq);
    }
  }

  /** One walk of `list` to its end (or to a malformed page, or 50 failed pages). */
  private async walk(v: number, body: string, token: string, list: FindingsList, seq: { n: number }): Promise<void> {
    const { load, viewerStats } = this;
    const walk: Walk = { list, pages: 0, items: 0, byKind: new Map() };
    let after: string | null = null;
    let retries = 0;
    while (load.running()) {
      const id = `${load.settings.ridPrefix}v${v}-${++seq.n}`;
      const rec = load.record(id, 1000 + v, 'findings', undefined, undefined, 'VIEWER');
      // Two calls one after the other (the findings, then org for their units), each bounded
      // by the gateway's UPSTREAM_TIMEOUT_MS: a hang is no answer within both bounds.
      const bound = 2 * load.settings.timeoutMs - 5_000;
      const answer = await load.send(rec, FINDINGS_QUERY[list], { scope: body, n: PAGE_SIZE, after }, token, bound);
      if (rec.failure || rec.status !== 200 || rec.errors.length || !answer?.data) {
        if (++retries > 50) break;
        await sleep(200); // a pause before asking again, not a bound anything depends on
        continue;
      }
      viewerStats.pages++;
      const conn = answer.data[list];
      let bad = checkFindingsPage(walk, conn);
      if (!bad.length && !conn.pageInfo.hasNextPage) {
        bad = checkFinishedWalk(walk, list === 'leadershipAnomalies' ? conn.summary.byCode : conn.summary.byKind);
        if (!bad.length) {
          viewerStats.walksFinished[list] = (viewerStats.walksFinished[list] ?? 0) + 1;
          viewerStats.findings[`${list} of ${body}`] = walk.items;
        }
      }
      if (bad.length) {
        viewerStats.malformedPages++;
        if (viewerStats.examples.length < 5)
          viewerStats.examples.push(`${list} page ${walk.pages} (${body}): ${bad.join(', ')}`);
        rec.errors.push({ code: 'MALFORMED_PAGE', message: bad.join('; ') });
        break;
      }
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
  }

  /** Posts big bodies without a token, one after another, until the load is over (at most 500 each). */
  async bigBodies(): Promise<void> {
    const { big } = this;
    for (let n = 0; n < 500 && this.load.running(); n++) {
      const r = await postBigBody(this.load.settings.url, this.settings.bigBodyBytes);
      big.sent++;
      if (r.timedOut) big.timedOut++;
      big.byStatus[r.status] = (big.byStatus[r.status] ?? 0) + 1;
      big.bytesBeforeAnswer.push(r.written);
    }
  }

  private replayAnswer(status: number, what: string): void {
    const { replays } = this;
    replays.byStatus[status] = (replays.byStatus[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      replays.accepted++;
      if (replays.examples.length < 5) replays.examples.push(`${what}: HTTP ${status}`);
    }
  }

  /**
   * Replays the newest captured gateway→org request that org accepted and nobody replayed yet,
   * straight to org: as it was, then its headers with another body (a write). Any 2xx is a
   * replay accepted. At most 2,000 each; a pause of 20 ms between rounds keeps them from
   * spinning when nothing new was captured.
   */
  async replayer(): Promise<void> {
    const { replays } = this;
    const { proxy, orgUrl } = this.settings;
    for (let n = 0; n < 2000 && this.load.running(); n++) {
      const c = [...proxy.captured].reverse().find((x) => x.answered && !x.replayed);
      if (!c) {
        await sleep(20);
        continue;
      }
      c.replayed = true;
      replays.sent.same++;
      this.replayAnswer(await replay(orgUrl, c), `as captured (${c.headers['x-request-id']})`);
      replays.sent.other++;
      this.replayAnswer(await replay(orgUrl, c, REPLAY_OTHER_BODY), `another body (${c.headers['x-request-id']})`);
      await sleep(20);
    }
  }

  /** What org accepted so far (taken just before org is killed). */
  answered(): Captured[] {
    return this.settings.proxy.captured.filter((c) => c.answered);
  }

  /**
   * org came back from a kill with its nonces gone: what it accepted just before (`before`, the
   * last 20, within the signature's age limit) must still be refused. Sent at once, as an
   * attacker would; `settled` waits for the answers.
   */
  replayAfterRestart(before: Captured[]): void {
    const last = before.slice(-20);
    for (const c of last) c.replayed = true;
    this.afterRestart = Promise.all(
      last.map(async (c) => {
        this.replays.sent.same++;
        this.replays.sent.afterRestart++;
        this.replayAnswer(
          await replay(this.settings.orgUrl, c),
          `as captured, ${((Date.now() - c.at) / 1000).toFixed(1)} s old, after org came back (${c.headers['x-request-id']})`,
        );
      }),
    );
  }

  settled(): Promise<unknown> {
    return this.afterRestart;
  }
}
