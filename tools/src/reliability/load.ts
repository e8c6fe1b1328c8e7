/**
 * The mixed load of the reliability run (RELIABILITY.md): clients picking operations by the
 * weighted mix, each request recorded as the client saw it; the bursts of mutually conflicting
 * writes; and, in a planned run, the segments every client runs in step.
 */
import { performance } from 'node:perf_hooks';
import { WRITES, OP_KINDS, type OpKind, type RequestRecord, type WriteTarget } from './types';

const Q_UNIT = `query RelUnit($code: String!) { unit(by: { code: $code }) { code name partyBuilding { rule leaders { code } guides { code } anomalies { code } } } }`;
const Q_UNITS = `query RelUnits { units(first: 20, filter: { under: "SC-JGGW" }) { totalCount nodes { code name } pageInfo { hasNextPage endCursor } } }`;
const Q_ANOMALIES = `query RelAnomalies { leadershipAnomalies(scope: "SC-JGGW", first: 50) { totalCount summary { byCode { code count } } nodes { code unit { code } } pageInfo { hasNextPage endCursor } } }`;
const Q_FEDERATED = `query RelFederated($code: String!) { unit(by: { code: $code }) { code name } task(id: "1") { id } scheme(id: "1") { id } }`;
const M_CREATE_UNIT = `mutation RelCreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { id code } }`;
const M_CHANGE_FACTS = `mutation RelChangeFacts($input: ChangeFactsInput!) { changeUnitFacts(input: $input) { id code } }`;
const M_CREATE_LINK = `mutation RelCreateLink($input: CreateLinkInput!) { createLink(input: $input) { id } }`;

/** Demo units inside 四川省直机关工委's jurisdiction (every client may read them). */
const DEMO_READS = ['SC-DZJ', 'SC-QXJ', 'SC-KSJ', 'SC-SWJ', 'SC-TJD', 'SC-XFZD', 'SC-SLXF', 'SC-CDHG', 'SC-JGGW'];
/** The demo body the scoped clients act for, and the locality of every unit the load creates. */
export const BODY = 'SC-JGGW';
export const UNIT_FROM = '2020-01-01';

const day = (offset: number) => new Date(Date.UTC(2020, 0, 1 + offset)).toISOString().slice(0, 10);

/** Error text a client must never see: stacks, SQL, driver messages, internal addresses. */
const LEAK_RE =
  /\n\s+at |stack|\bselect\b[^"]*\bfrom\b|\binsert into\b|\bupdate\b[^"]*\bset\b|ECONN|EPIPE|socket hang up|127\.0\.0\.1|localhost|postgres|pglite|drizzle|terminating connection|sqlstate/i;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export interface LoadSettings {
  /** The gateway's GraphQL URL. */
  url: string;
  tokens: Record<RequestRecord['as'], string>;
  /** A request not answered within this is a hang. */
  timeoutMs: number;
  /** The run's tag: in every unit code (unitPrefix) and request id (ridPrefix) it makes. */
  tag: string;
  unitPrefix: string;
  ridPrefix: string;
  scopedShare: number;
  mix: Record<Exclude<OpKind, 'findings'>, number>;
}

/**
 * A planned run (`ReliabilityOptions.plan`): the segment every client may run now, and how many
 * clients finished each segment. A client waits (on a promise, not a clock) for its next segment.
 */
export class SegmentGate {
  /** The segment open now (-1 before the first). */
  phase = -1;
  private opened: () => void = () => undefined;
  private opening = new Promise<void>((r) => {
    this.opened = r;
  });
  private readonly finished: number[];
  private segmentDone: () => void = () => undefined;

  constructor(
    readonly operationsPerSegment: number,
    readonly segments: number,
  ) {
    this.finished = new Array<number>(segments).fill(0);
  }

  open(s: number): void {
    this.phase = s;
    const was = this.opened;
    this.opening = new Promise<void>((r) => {
      this.opened = r;
    });
    was();
  }

  /** True while a client that ran `done` operations has operations left, after waiting for their segment. */
  async next(done: number): Promise<boolean> {
    const per = this.operationsPerSegment;
    const segment = Math.floor(done / per);
    if (done > 0 && done % per === 0) {
      this.finished[segment - 1]++;
      this.segmentDone();
    }
    if (segment >= this.segments) return false;
    while (this.phase < segment) await this.opening;
    return true;
  }

  /** Resolves once `clients` clients finished segment `s`. */
  async allFinished(s: number, clients: number): Promise<void> {
    while (this.finished[s] < clients)
      await new Promise<void>((r) => {
        this.segmentDone = r;
      });
  }
}

/** The load phase's clock and record: every request any actor sends goes through `send`. */
export class Load {
  readonly records: RequestRecord[] = [];
  /** performance.now() when the load began: every record's times are relative to it. */
  readonly t0 = performance.now();
  /** When the actors stop sending (ms since t0): set when the fault schedule is done. */
  stopAt = Number.POSITIVE_INFINITY;

  constructor(
    readonly settings: LoadSettings,
    readonly gate?: SegmentGate,
  ) {}

  now(): number {
    return performance.now() - this.t0;
  }

  /** The timed load is still on. */
  running(): boolean {
    return this.now() < this.stopAt;
  }

  record(
    id: string,
    client: number,
    kind: OpKind,
    target?: WriteTarget,
    burst?: number,
    as: RequestRecord['as'] = 'operator',
  ): RequestRecord {
    const rec: RequestRecord = {
      id,
      client,
      kind,
      write: WRITES.has(kind),
      as,
      start: 0,
      end: 0,
      status: 0,
      hasData: false,
      errors: [],
      echoed: false,
      acked: false,
      ...(target ? { target } : {}),
      ...(burst ? { burst } : {}),
      ...(this.gate ? { segment: this.gate.phase } : {}),
    };
    this.records.push(rec);
    return rec;
  }

  /** Posts one GraphQL request with the record's id, filling the record in; the parsed answer, if any. */
  async send(
    rec: RequestRecord,
    query: string,
    variables: Record<string, unknown>,
    token: string,
    boundMs = this.settings.timeoutMs,
  ): Promise<any> {
    rec.start = this.now();
    try {
      const res = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': rec.id,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(boundMs),
      });
      rec.status = res.status;
      rec.echoed = res.headers.get('x-request-id') === rec.id;
      const text = await res.text();
      rec.end = this.now();
      return readAnswer(rec, text);
    } catch (e) {
      rec.end = this.now();
      const err = e as Error & { cause?: { code?: string } };
      rec.failure = err.name === 'TimeoutError' || err.name === 'AbortError' ? 'timeout' : 'network';
      rec.failureDetail = `${err.name}: ${err.message}${err.cause?.code ? ` (${err.cause.code})` : ''}`;
      return undefined;
    }
  }

  /** Sends a mutation; acknowledged = HTTP 200, no errors, the mutation's field present. */
  async write(rec: RequestRecord, query: string, input: Record<string, unknown>): Promise<boolean> {
    const body = await this.send(rec, query, { input }, this.settings.tokens[rec.as]);
    rec.acked = rec.status === 200 && !rec.failure && rec.errors.length === 0 && body?.data?.[rec.kind] != null;
    return rec.acked;
  }
}

/** The answer's body into the record: data or not, its errors, and a LEAK error for text no client may see. */
function readAnswer(rec: RequestRecord, text: string): any {
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    rec.failure = 'non-json';
    rec.failureDetail = text.slice(0, 300);
    return undefined;
  }
  rec.hasData = body.data != null;
  rec.errors = (body.errors ?? []).map((e: any) => ({
    code: e.extensions?.code,
    service: e.extensions?.serviceName,
    path: e.path?.join('.'),
    message: String(e.message),
  }));
  const leak = (body.errors ?? []).find((e: any) => LEAK_RE.test(JSON.stringify(e)));
  if (leak) rec.errors.push({ code: 'LEAK', message: JSON.stringify(leak).slice(0, 500) });
  return body;
}

const unitInput = (code: string) => ({
  code,
  name: `负载验证单位 ${code}`,
  kind: 'GRASSROOTS_UNIT',
  level: 'PROVINCIAL',
  region: '510000',
  validFrom: UNIT_FROM,
  facts: { partyRelationMode: 'TERRITORIAL', businessMode: 'TERRITORIAL', locality: BODY },
});

interface OwnUnit {
  code: string;
  nextDay: number;
  linkTried: boolean;
}

/** One mixed client: who it acts as, its seeded picks, and the units it created. */
interface Client {
  i: number;
  as: RequestRecord['as'];
  token: string;
  rnd: () => number;
  own: OwnUnit[];
  created: number;
}

/**
 * Mixed client `i`: picks operations by the weighted mix from its own seeded sequence until the
 * timed load is over, or, planned, until it ran every segment's operations.
 */
export async function mixedClient(load: Load, i: number): Promise<void> {
  const { scopedShare, tokens, mix, ridPrefix } = load.settings;
  // Spread evenly: client i acts for the body when the scoped share crosses an integer at i.
  const scoped = Math.floor((i + 1) * scopedShare) > Math.floor(i * scopedShare);
  const as: RequestRecord['as'] = !scoped ? 'operator' : Math.floor(i * scopedShare) % 2 === 0 ? 'ADMIN' : 'EDITOR';
  const c: Client = { i, as, token: tokens[as], rnd: mulberry32(0x9e3779b9 ^ (i * 7919)), own: [], created: 0 };
  const total = OP_KINDS.reduce((a, k) => a + mix[k], 0);
  let seq = 0;
  while (load.gate ? await load.gate.next(seq) : load.now() < load.stopAt) {
    let x = c.rnd() * total;
    let kind = OP_KINDS.find((k) => (x -= mix[k]) < 0) ?? 'unit';
    if (kind === 'createLink' && as === 'EDITOR') kind = 'changeUnitFacts'; // links are the ADMIN's
    const linkable = c.own.filter((u) => !u.linkTried);
    if ((kind === 'changeUnitFacts' && c.own.length === 0) || (kind === 'createLink' && linkable.length === 0))
      kind = 'createUnit';
    await operate(load, c, kind, `${ridPrefix}c${i}-${++seq}`, linkable);
  }
}

async function operate(
  load: Load,
  c: Client,
  kind: Exclude<OpKind, 'findings'>,
  id: string,
  linkable: OwnUnit[],
): Promise<void> {
  const { unitPrefix, tag } = load.settings;
  const { i, as, rnd, own } = c;
  switch (kind) {
    case 'unit':
    case 'federated': {
      // Now and then the client's own acknowledged unit: read-your-writes.
      const ownRead = own.length && rnd() < 0.3 ? own[Math.floor(rnd() * own.length)].code : undefined;
      const rec = load.record(id, i, kind, undefined, undefined, as);
      const body = await load.send(
        rec,
        kind === 'unit' ? Q_UNIT : Q_FEDERATED,
        { code: ownRead ?? DEMO_READS[Math.floor(rnd() * DEMO_READS.length)] },
        c.token,
      );
      if (ownRead && rec.status === 200 && rec.errors.length === 0 && body?.data?.unit?.code !== ownRead)
        rec.lostRead = true;
      break;
    }
    case 'units':
    case 'anomalies':
      await load.send(
        load.record(id, i, kind, undefined, undefined, as),
        kind === 'units' ? Q_UNITS : Q_ANOMALIES,
        {},
        c.token,
      );
      break;
    case 'createUnit': {
      const code = `${unitPrefix}C${i}-${++c.created}`;
      if (
        await load.write(
          load.record(id, i, kind, { op: 'createUnit', code }, undefined, as),
          M_CREATE_UNIT,
          unitInput(code),
        )
      ) {
        own.push({ code, nextDay: 1, linkTried: false });
      }
      break;
    }
    case 'changeUnitFacts': {
      // A date never used before for this unit, even after a failure: an unacknowledged
      // version that did commit can never make the next one a conflict.
      const u = own[Math.floor(rnd() * own.length)];
      const validFrom = day(u.nextDay++);
      await load.write(
        load.record(id, i, kind, { op: 'changeUnitFacts', code: u.code, validFrom }, undefined, as),
        M_CHANGE_FACTS,
        {
          unit: u.code,
          validFrom,
          partyRelationMode: 'TERRITORIAL',
          businessMode: u.nextDay % 2 ? 'VERTICAL' : 'TERRITORIAL',
          locality: BODY,
        },
      );
      break;
    }
    case 'createLink': {
      const u = linkable[Math.floor(rnd() * linkable.length)];
      u.linkTried = true; // once per unit, acknowledged or not
      await load.write(
        load.record(
          id,
          i,
          kind,
          { op: 'createLink', from: BODY, to: u.code, kind: 'BUSINESS', validFrom: UNIT_FROM },
          undefined,
          as,
        ),
        M_CREATE_LINK,
        { from: BODY, to: u.code, kind: 'BUSINESS', validFrom: UNIT_FROM, basis: `reliability ${tag}` },
      );
      break;
    }
  }
}

/**
 * Bursts of 8 concurrent writes that conflict with each other, as the operator: the same new
 * fact version of one unit, 8 overlapping links into one fresh unit, or one new unit code 8
 * times. At most one of each may be acknowledged; the others must be refused (CONFLICT).
 */
export class Bursts {
  private setups = 0;
  private hotReady = false;
  private readonly hot: string;

  constructor(private readonly load: Load) {
    this.hot = `${load.settings.unitPrefix}HOT`;
  }

  private setup(code: string): Promise<boolean> {
    const { load } = this;
    return load.write(
      load.record(`${load.settings.ridPrefix}s${++this.setups}`, -1, 'createUnit', { op: 'createUnit', code }),
      M_CREATE_UNIT,
      unitInput(code),
    );
  }

  /** Planned runs: a setup write is sent again (a new request) until acknowledged, at most 10 times. */
  private async setupSurely(code: string): Promise<boolean> {
    for (let n = 0; n < 10; n++) if (await this.setup(code)) return true;
    return false;
  }

  /**
   * Burst number `b`: kind b % 3 (1 the hot unit's facts, 2 links, 0 a unit code). False when
   * its setup write failed and the burst was not sent.
   */
  async burst(b: number, surely = false): Promise<boolean> {
    const { load } = this;
    const { ridPrefix, unitPrefix, tag } = load.settings;
    const eight = (f: (j: number) => Promise<unknown>) => Promise.all(Array.from({ length: 8 }, (_, j) => f(j)));
    const make = (code: string) => (surely ? this.setupSurely(code) : this.setup(code));
    const hot = this.hot;
    if (b % 3 === 1) {
      if (!this.hotReady && !(this.hotReady = await make(hot))) return false;
      const validFrom = day(1000 + b);
      await eight((j) =>
        load.write(
          load.record(
            `${ridPrefix}b${b}-${j}`,
            -1,
            'changeUnitFacts',
            { op: 'changeUnitFacts', code: hot, validFrom },
            b,
          ),
          M_CHANGE_FACTS,
          {
            unit: hot,
            validFrom,
            partyRelationMode: 'TERRITORIAL',
            businessMode: j % 2 ? 'VERTICAL' : 'TERRITORIAL',
            locality: BODY,
          },
        ),
      );
    } else if (b % 3 === 2) {
      const to = `${unitPrefix}HL${b}`;
      if (!(await make(to))) return false;
      await eight((j) =>
        load.write(
          load.record(
            `${ridPrefix}b${b}-${j}`,
            -1,
            'createLink',
            { op: 'createLink', from: BODY, to, kind: 'BUSINESS', validFrom: day(10 + j) },
            b,
          ),
          M_CREATE_LINK,
          { from: BODY, to, kind: 'BUSINESS', validFrom: day(10 + j), basis: `reliability ${tag} burst ${b}` },
        ),
      );
    } else {
      const code = `${unitPrefix}HU${b}`;
      await eight((j) =>
        load.write(
          load.record(`${ridPrefix}b${b}-${j}`, -1, 'createUnit', { op: 'createUnit', code }, b),
          M_CREATE_UNIT,
          unitInput(code),
        ),
      );
    }
    return true;
  }
}

/** The kind of write burst number `b` sends. */
export const burstKind = (b: number): OpKind =>
  b % 3 === 1 ? 'changeUnitFacts' : b % 3 === 2 ? 'createLink' : 'createUnit';

/** Timed runs: a burst every `everyMs` (0 = never) until the load is over. Planned runs send theirs per segment. */
export async function contention(load: Load, bursts: Bursts, everyMs: number): Promise<void> {
  if (!everyMs || load.gate) return;
  for (let b = 1; ; b++) {
    await sleep(everyMs);
    if (load.now() >= load.stopAt) return;
    await bursts.burst(b);
  }
}
