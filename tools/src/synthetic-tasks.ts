/**
 * Synthetic tasks for the tasks benchmark (npm run bench -- --tasks N): one year of party-building
 * work issued over a synthetic province (synthetic.ts), as a tiaokuai/v1 document of
 * `requiredItems` and `tasks` (CONTRACT.md, Tasks) to load through `importTasks`.
 *
 * Who issues what (every target within the issuer's reach on the task's first day, so nothing
 * is refused):
 * - the province's top committees: 省委 (P-SW) to every branch in its reach (explicit targets)
 *   and, by scope, to every department party group it leads and every grassroots unit in its
 *   scope (advisory); 省直机关工委 (P-GW) the provincial branches' 组织生活会 and its organ party
 *   committees' plans;
 * - each city's committee (M*-SW) and work committee (M*-GW), by scope and by list;
 * - each department's party group (its organ party committee and branches), each organ party
 *   committee and each grassroots unit (its branches): the routine items of the responsibility
 *   list, quarter by quarter;
 * - the vertical line bodies (C-*, 系统中央党委): by scope to the grassroots units they lead
 *   (VERTICAL party relations) or guide (TERRITORIAL), and by list to the branches below.
 * Then, to reach the requested number of assignments exactly, monthly branch work (主题党日,
 * 集中学习, …) from each organ party committee and grassroots unit to its branches.
 *
 * Findings planted on purpose (all in the scanned year):
 * - DUPLICATE (and with a gap, CHERRY_PICKING): the work committees of a third of the cities
 *   repeat the province's key study campaign to their department branches; those of every other
 *   city send the vertical lines' 党纪学习教育 to the vertical units they only guide (also
 *   OVERREACH: sent as binding);
 * - CONFLICT: a quarter of the work committees ask the department party groups for the city
 *   committee's half-year report ten days earlier; 省直机关工委 sends two tasks it declared
 *   incompatible to ten departments' branches;
 * - OVERREACH: the above, and 消防救援 sending binding work to the units it only guides;
 * - MISSING: every fifth city leaves 三会一课 unassigned in the fourth quarter, some grassroots
 *   units skip 组织生活会, and half the territorial lines' units get 述职评议 only as the line's
 *   advice; units with planted org anomalies (synthetic.ts) get no tasks at all.
 *
 * Targets never include a unit touched by a planted org anomaly (links starting or ending after
 * 2019): some have no leader in the year, and a target out of reach would refuse the whole file.
 * Scopes are used only for kinds planted anomalies do not touch, so `sizes` (assignments per
 * task, as the generator models the province) is exact; the bench checks the total on PostgreSQL.
 */
export interface SyntheticTasksOptions {
  /** Assignments to make in all (default 400,000). */
  assignments?: number;
  /** The year the work is planned for (default 2026). */
  year?: number;
}

export interface RequiredItemInput {
  code: string;
  name: string;
  kinds: string[];
  frequency: 'YEARLY' | 'QUARTERLY' | 'MONTHLY';
  description?: string;
}

export interface TaskInput {
  issuer: string;
  key: string;
  title: string;
  category: string;
  priority: 'KEY' | 'ROUTINE';
  startsOn: string;
  dueOn: string;
  deliverable?: string;
  requiredItem?: string;
  binding?: boolean;
  targets?: string[];
  scope?: { unit: string; relation: 'UNDER' | 'LED_BY' | 'GUIDED_BY'; kinds?: string[] };
  incompatibleWith?: string[];
}

export interface SyntheticTasks {
  format: 'tiaokuai/v1';
  requiredItems: RequiredItemInput[];
  tasks: TaskInput[];
  /** Assignments each task makes (parallel to `tasks`). */
  sizes: number[];
  /** Total assignments (the sum of `sizes`). */
  assignments: number;
  /** Tasks and assignments of the year plan and of the monthly filler; tasks issued by scope. */
  summary: {
    planTasks: number;
    planAssignments: number;
    fillerTasks: number;
    fillerAssignments: number;
    scopeTasks: number;
    truncated: boolean;
  };
}

type Unit = Record<string, unknown> & { code: string };
type Link = { from: string; to: string; validFrom: string; validTo: string | null };

interface Department {
  prefix: string;
  dz: string;
  jg: string;
  branches: string[];
}
interface LineUnit {
  code: string;
  sys: string;
  vertical: boolean;
  branches: string[];
}
interface City {
  n: number;
  sw: string;
  gw: string;
  departments: Department[];
  lines: LineUnit[];
}

export const REQUIRED_ITEMS: RequiredItemInput[] = [
  {
    code: 'SHYK',
    name: '三会一课',
    kinds: ['BRANCH'],
    frequency: 'QUARTERLY',
    description: '支部党员大会、支部委员会、党小组会和党课',
  },
  { code: 'ZZSHH', name: '组织生活会', kinds: ['BRANCH'], frequency: 'YEARLY' },
  { code: 'MZPY', name: '民主评议党员', kinds: ['BRANCH'], frequency: 'YEARLY' },
  {
    code: 'SJSZ',
    name: '书记抓基层党建工作述职评议',
    kinds: ['DEPARTMENT_PARTY_GROUP', 'GRASSROOTS_UNIT'],
    frequency: 'YEARLY',
  },
  { code: 'JGDJ', name: '机关党建年度工作计划', kinds: ['ORGAN_PARTY_COMMITTEE'], frequency: 'YEARLY' },
];

/** Monthly branch work, one theme per round (title, category). */
const FILLER: Array<[string, string]> = [
  ['开展主题党日活动', 'ORGANIZATIONAL'],
  ['组织党员集中学习', 'IDEOLOGICAL'],
  ['开展志愿服务活动', 'CONDUCT'],
  ['开展廉政警示教育', 'INTEGRITY'],
  ['学习党章党规', 'DISCIPLINE'],
  ['开展谈心谈话', 'ORGANIZATIONAL'],
  ['报送支部工作台账', 'INSTITUTIONAL'],
  ['开展网络意识形态风险排查', 'IDEOLOGY_WORK'],
  ['收缴党费并公示', 'ORGANIZATIONAL'],
  ['开展“五同”党建业务融合调研', 'POLITICAL'],
];

const QUARTER = ['一', '二', '三', '四'];

/** The province's structure, read back from the unit codes synthetic.ts gives. */
function structure(units: readonly Unit[], links: readonly Link[]) {
  // Units a planted anomaly touched: their leadership in the year is not the pattern's.
  const tainted = new Set<string>();
  for (const l of links) {
    if (l.validFrom > '2019-12-31' || (l.validTo !== null && l.validTo > '2019-12-31')) {
      tainted.add(l.from);
      tainted.add(l.to);
    }
  }
  const branchesOf = new Map<string, string[]>();
  for (const u of units) {
    const m = /^(.+)-ZB\d+$/.exec(u.code);
    if (!m || tainted.has(u.code)) continue;
    const list = branchesOf.get(m[1]) ?? [];
    list.push(u.code);
    branchesOf.set(m[1], list);
  }
  const province: Department[] = [];
  const cities = new Map<number, City>();
  const city = (n: number): City => {
    let c = cities.get(n);
    if (!c) cities.set(n, (c = { n, sw: `M${n}-SW`, gw: `M${n}-GW`, departments: [], lines: [] }));
    return c;
  };
  const lines = new Map<string, { central: string; vertical: boolean; units: LineUnit[] }>();
  for (const u of units) {
    let m = /^((P|M(\d+))-D\d+)-DZ$/.exec(u.code);
    if (m) {
      const d: Department = { prefix: m[1], dz: u.code, jg: `${m[1]}-JGDW`, branches: branchesOf.get(m[1]) ?? [] };
      if (m[2] === 'P') province.push(d);
      else city(Number(m[3])).departments.push(d);
      continue;
    }
    m = /^M(\d+)-([A-Z]+)$/.exec(u.code);
    if (m && u.kind === 'GRASSROOTS_UNIT') {
      const vertical = u.partyRelationMode === 'VERTICAL';
      const l: LineUnit = { code: u.code, sys: m[2], vertical, branches: branchesOf.get(u.code) ?? [] };
      city(Number(m[1])).lines.push(l);
      const line = lines.get(m[2]) ?? { central: String(u.competentDepartment), vertical, units: [] };
      line.units.push(l);
      lines.set(m[2], line);
    }
  }
  return { province, cities: [...cities.values()].sort((a, b) => a.n - b.n), lines: [...lines.values()] };
}

type Spec = Omit<TaskInput, 'key' | 'issuer' | 'targets' | 'scope'> & { slug: string };

/** The tasks issued so far, with each one's assignment count, and the year's dates. */
class Plan {
  readonly tasks: TaskInput[] = [];
  readonly sizes: number[] = [];
  private readonly keys = new Map<string, number>();

  constructor(readonly Y: number) {}

  day(m: number, d: number): string {
    return `${this.Y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  monthEnd(m: number): string {
    return this.day(m, new Date(Date.UTC(this.Y, m, 0)).getUTCDate());
  }

  quarter(q: number): readonly [string, string] {
    return [this.day(3 * q - 2, 1), this.monthEnd(3 * q)] as const;
  }

  private keyFor(issuer: string, slug: string): string {
    const n = (this.keys.get(`${issuer}|${slug}`) ?? 0) + 1;
    this.keys.set(`${issuer}|${slug}`, n);
    return n === 1 ? `${this.Y}-${slug}` : `${this.Y}-${slug}-${n}`;
  }

  /** A task to a list of units (none: no task). */
  toList(issuer: string, targets: readonly string[], s: Spec): string | null {
    if (targets.length === 0) return null;
    const { slug, ...rest } = s;
    const key = this.keyFor(issuer, slug);
    this.tasks.push({ issuer, key, ...rest, targets: [...targets] });
    this.sizes.push(targets.length);
    return key;
  }

  /** A task to a scope; `size` is how many units the scope holds (the generator's model). */
  toScope(issuer: string, scope: NonNullable<TaskInput['scope']>, size: number, s: Spec): string | null {
    if (size === 0) return null;
    const { slug, ...rest } = s;
    const key = this.keyFor(issuer, slug);
    this.tasks.push({ issuer, key, ...rest, scope });
    this.sizes.push(size);
    return key;
  }
}

type Structure = ReturnType<typeof structure>;

/** 省委 and 省直机关工委. */
function provinceTasks(plan: Plan, { province: provincial, cities, lines }: Structure): void {
  const day = (m: number, d: number) => plan.day(m, d);
  const allDepartments = [...provincial, ...cities.flatMap((c) => c.departments)];
  const territorialLineBranches = cities.flatMap((c) => c.lines.filter((l) => !l.vertical).flatMap((l) => l.branches));
  // Every branch 省委 reaches: department branches, and those of the lines with territorial party relations.
  const provinceBranches = [...allDepartments.flatMap((d) => d.branches), ...territorialLineBranches];
  const allLineUnits = lines.flatMap((l) => l.units);
  plan.toList('P-SW', provinceBranches, {
    slug: 'SZQH',
    title: '学习贯彻党的二十届四中全会精神',
    category: 'POLITICAL',
    priority: 'KEY',
    startsOn: day(3, 1),
    dueOn: day(6, 30),
  });
  plan.toList('P-SW', provinceBranches, {
    slug: 'DJXX',
    title: '开展党纪学习教育',
    category: 'DISCIPLINE',
    priority: 'KEY',
    startsOn: day(4, 1),
    dueOn: day(7, 31),
  });
  plan.toScope('P-SW', { unit: 'P-SW', relation: 'LED_BY', kinds: ['DEPARTMENT_PARTY_GROUP'] }, allDepartments.length, {
    slug: 'SJSZ',
    title: '开展书记抓基层党建工作述职评议',
    category: 'ORGANIZATIONAL',
    priority: 'ROUTINE',
    startsOn: day(1, 5),
    dueOn: day(2, 28),
    requiredItem: 'SJSZ',
  });
  plan.toScope('P-SW', { unit: 'P-SW', relation: 'LED_BY', kinds: ['DEPARTMENT_PARTY_GROUP'] }, allDepartments.length, {
    slug: 'ZTZR',
    title: '落实全面从严治党主体责任',
    category: 'INTEGRITY',
    priority: 'KEY',
    startsOn: day(2, 1),
    dueOn: day(12, 31),
  });
  plan.toScope('P-SW', { unit: 'P-SW', relation: 'UNDER', kinds: ['GRASSROOTS_UNIT'] }, allLineUnits.length, {
    slug: 'YSXT',
    title: '落实意识形态工作责任制',
    category: 'IDEOLOGY_WORK',
    priority: 'KEY',
    startsOn: day(1, 10),
    dueOn: day(12, 31),
    binding: false,
  });
  const pBranches = provincial.flatMap((d) => d.branches);
  plan.toList('P-GW', pBranches, {
    slug: 'ZZSHH',
    title: '召开年度组织生活会',
    category: 'ORGANIZATIONAL',
    priority: 'ROUTINE',
    startsOn: day(11, 1),
    dueOn: day(12, 31),
    requiredItem: 'ZZSHH',
  });
  plan.toScope('P-GW', { unit: 'P-GW', relation: 'LED_BY', kinds: ['ORGAN_PARTY_COMMITTEE'] }, provincial.length, {
    slug: 'JGDJ',
    title: '制定机关党建年度工作计划',
    category: 'INSTITUTIONAL',
    priority: 'ROUTINE',
    startsOn: day(1, 5),
    dueOn: day(2, 28),
    requiredItem: 'JGDJ',
  });
  const tenDepartments = provincial.slice(0, 10).flatMap((d) => d.branches);
  const training = plan.toList('P-GW', tenDepartments, {
    slug: 'ZTPX',
    title: '集中开展专题培训',
    category: 'IDEOLOGICAL',
    priority: 'ROUTINE',
    startsOn: day(10, 1),
    dueOn: day(10, 31),
  });
  if (training)
    plan.toList('P-GW', tenDepartments, {
      slug: 'ZTDY',
      title: '集中开展专题调研',
      category: 'ORGANIZATIONAL',
      priority: 'ROUTINE',
      startsOn: day(10, 1),
      dueOn: day(10, 31),
      incompatibleWith: [training],
    });
}

/** The vertical line bodies (系统中央党委). */
function lineBodyTasks(plan: Plan, lines: Structure['lines']): void {
  const day = (m: number, d: number) => plan.day(m, d);
  for (const line of lines) {
    const grassroots = line.units.map((u) => u.code);
    if (line.vertical) {
      plan.toScope(
        line.central,
        { unit: line.central, relation: 'LED_BY', kinds: ['GRASSROOTS_UNIT'] },
        grassroots.length,
        {
          slug: 'DJXX',
          title: '开展党纪学习教育',
          category: 'DISCIPLINE',
          priority: 'KEY',
          startsOn: day(4, 1),
          dueOn: day(7, 31),
        },
      );
      plan.toScope(
        line.central,
        { unit: line.central, relation: 'LED_BY', kinds: ['GRASSROOTS_UNIT'] },
        grassroots.length,
        {
          slug: 'SJSZ',
          title: '开展书记抓基层党建工作述职评议',
          category: 'ORGANIZATIONAL',
          priority: 'ROUTINE',
          startsOn: day(1, 5),
          dueOn: day(2, 28),
          requiredItem: 'SJSZ',
        },
      );
      plan.toList(
        line.central,
        line.units.flatMap((u) => u.branches),
        {
          slug: 'WTGZ',
          title: '推进党建与业务“五同”工作',
          category: 'POLITICAL',
          priority: 'ROUTINE',
          startsOn: day(3, 1),
          dueOn: day(11, 30),
        },
      );
      plan.toList(
        line.central,
        line.units.flatMap((u) => u.branches),
        {
          slug: 'BZH',
          title: '推进系统党支部标准化建设',
          category: 'ORGANIZATIONAL',
          priority: 'ROUTINE',
          startsOn: day(5, 1),
          dueOn: day(10, 31),
        },
      );
    } else {
      plan.toScope(
        line.central,
        { unit: line.central, relation: 'GUIDED_BY', kinds: ['GRASSROOTS_UNIT'] },
        grassroots.length,
        {
          slug: 'SJSZ',
          title: '做好书记抓基层党建工作述职评议',
          category: 'ORGANIZATIONAL',
          priority: 'ROUTINE',
          startsOn: day(1, 5),
          dueOn: day(2, 28),
          requiredItem: 'SJSZ',
          binding: false,
        },
      );
      plan.toScope(
        line.central,
        { unit: line.central, relation: 'GUIDED_BY', kinds: ['GRASSROOTS_UNIT'] },
        grassroots.length,
        {
          slug: 'RH',
          title: '推动系统党建与业务深度融合',
          category: 'POLITICAL',
          priority: 'ROUTINE',
          startsOn: day(3, 1),
          dueOn: day(9, 30),
          binding: line.central === 'C-XF',
        },
      );
    }
  }
}

/** A department: its party group, its organ party committee. */
function departmentTasks(plan: Plan, d: Department, skipQ4: boolean): void {
  const day = (m: number, dd: number) => plan.day(m, dd);
  plan.toList(d.dz, [d.jg, ...d.branches], {
    slug: 'BZH',
    title: '加强党组织标准化规范化建设',
    category: 'ORGANIZATIONAL',
    priority: 'ROUTINE',
    startsOn: day(3, 1),
    dueOn: day(9, 30),
  });
  plan.toList(d.dz, [d.jg, ...d.branches], {
    slug: 'ZFZZ',
    title: '开展作风建设专项整治',
    category: 'CONDUCT',
    priority: 'KEY',
    startsOn: day(5, 1),
    dueOn: day(8, 31),
  });
  for (let q = 1; q <= (skipQ4 ? 3 : 4); q++) {
    const [s, e] = plan.quarter(q);
    plan.toList(d.jg, d.branches, {
      slug: `SHYK-Q${q}`,
      title: `落实“三会一课”制度（第${QUARTER[q - 1]}季度）`,
      category: 'ORGANIZATIONAL',
      priority: 'ROUTINE',
      startsOn: s,
      dueOn: e,
      requiredItem: 'SHYK',
    });
  }
  plan.toList(d.jg, d.branches, {
    slug: 'MZPY',
    title: '开展民主评议党员',
    category: 'ORGANIZATIONAL',
    priority: 'ROUTINE',
    startsOn: day(12, 1),
    dueOn: day(12, 31),
    requiredItem: 'MZPY',
  });
  plan.toList(d.jg, d.branches, {
    slug: 'JYPX',
    title: '开展党员教育培训',
    category: 'IDEOLOGICAL',
    priority: 'ROUTINE',
    startsOn: day(6, 1),
    dueOn: day(6, 30),
  });
}

/** A city: its committee and work committee, then its departments and its grassroots units. */
function cityTasks(plan: Plan, c: City): void {
  const day = (m: number, d: number) => plan.day(m, d);
  const branches = c.departments.flatMap((d) => d.branches);
  plan.toScope(c.sw, { unit: c.sw, relation: 'LED_BY', kinds: ['DEPARTMENT_PARTY_GROUP'] }, c.departments.length, {
    slug: 'BNZJ',
    title: '报送上半年党建工作总结',
    category: 'ORGANIZATIONAL',
    priority: 'ROUTINE',
    startsOn: day(6, 1),
    dueOn: day(6, 30),
    deliverable: '上半年党建工作总结',
  });
  plan.toScope(c.sw, { unit: c.sw, relation: 'LED_BY', kinds: ['DEPARTMENT_PARTY_GROUP'] }, c.departments.length, {
    slug: 'MFJG',
    title: '推进模范机关创建',
    category: 'POLITICAL',
    priority: 'KEY',
    startsOn: day(3, 1),
    dueOn: day(11, 30),
  });
  plan.toList(c.gw, branches, {
    slug: 'ZZSHH',
    title: '召开年度组织生活会',
    category: 'ORGANIZATIONAL',
    priority: 'ROUTINE',
    startsOn: day(11, 1),
    dueOn: day(12, 31),
    requiredItem: 'ZZSHH',
  });
  plan.toScope(c.gw, { unit: c.gw, relation: 'LED_BY', kinds: ['ORGAN_PARTY_COMMITTEE'] }, c.departments.length, {
    slug: 'JGDJ',
    title: '制定机关党建年度工作计划',
    category: 'INSTITUTIONAL',
    priority: 'ROUTINE',
    startsOn: day(1, 5),
    dueOn: day(2, 28),
    requiredItem: 'JGDJ',
  });
  if (c.n % 3 === 1) {
    plan.toList(c.gw, branches, {
      slug: 'SZQH',
      title: '深入学习贯彻党的二十届四中全会精神',
      category: 'POLITICAL',
      priority: 'KEY',
      startsOn: day(3, 15),
      dueOn: day(6, 30),
    });
  }
  if (c.n % 4 === 2) {
    plan.toScope(c.gw, { unit: c.gw, relation: 'GUIDED_BY', kinds: ['DEPARTMENT_PARTY_GROUP'] }, c.departments.length, {
      slug: 'BNZJ',
      title: '报送党建工作半年总结',
      category: 'ORGANIZATIONAL',
      priority: 'ROUTINE',
      startsOn: day(6, 1),
      dueOn: day(6, 20),
      deliverable: '上半年党建工作总结',
      binding: false,
    });
  }
  if (c.n % 2 === 0) {
    plan.toList(
      c.gw,
      c.lines.filter((l) => l.vertical).map((l) => l.code),
      {
        slug: 'DJXX',
        title: '扎实开展党纪学习教育活动',
        category: 'DISCIPLINE',
        priority: 'KEY',
        startsOn: day(4, 10),
        dueOn: day(7, 31),
      },
    );
  } else {
    plan.toList(
      c.gw,
      c.lines.filter((l) => !l.vertical).map((l) => l.code),
      {
        slug: 'SJSZ',
        title: '开展书记抓基层党建工作述职评议',
        category: 'ORGANIZATIONAL',
        priority: 'ROUTINE',
        startsOn: day(1, 5),
        dueOn: day(2, 28),
        requiredItem: 'SJSZ',
      },
    );
  }
  for (const d of c.departments) departmentTasks(plan, d, c.n % 5 === 0);
  for (const l of c.lines) {
    for (let q = 1; q <= 4; q++) {
      const [s, e] = plan.quarter(q);
      plan.toList(l.code, l.branches, {
        slug: `SHYK-Q${q}`,
        title: `落实“三会一课”制度（第${QUARTER[q - 1]}季度）`,
        category: 'ORGANIZATIONAL',
        priority: 'ROUTINE',
        startsOn: s,
        dueOn: e,
        requiredItem: 'SHYK',
      });
    }
    if (c.n % 6 !== 3)
      plan.toList(l.code, l.branches, {
        slug: 'ZZSHH',
        title: '召开年度组织生活会',
        category: 'ORGANIZATIONAL',
        priority: 'ROUTINE',
        startsOn: day(11, 1),
        dueOn: day(12, 31),
        requiredItem: 'ZZSHH',
      });
    plan.toList(l.code, l.branches, {
      slug: 'MZPY',
      title: '开展民主评议党员',
      category: 'ORGANIZATIONAL',
      priority: 'ROUTINE',
      startsOn: day(12, 1),
      dueOn: day(12, 31),
      requiredItem: 'MZPY',
    });
  }
}

/**
 * The year plan alone, cut to the number asked for when it holds more: the first task that
 * does not fit is shortened (a list) or dropped (a scope), and the rest of the plan dropped.
 * The assignments kept, and whether anything was cut.
 */
function cutToSize(plan: Plan, want: number): { total: number; truncated: boolean } {
  const { tasks, sizes } = plan;
  let total = 0;
  let cut = tasks.length;
  for (let i = 0; i < tasks.length; i++) {
    if (total + sizes[i] <= want) {
      total += sizes[i];
      continue;
    }
    cut = i;
    const room = want - total;
    const t = tasks[i];
    if (t.targets && room > 0 && !t.incompatibleWith) {
      t.targets = t.targets.slice(0, room);
      sizes[i] = room;
      total += room;
      cut = i + 1;
    }
    break;
  }
  const truncated = cut < tasks.length;
  tasks.splice(cut);
  sizes.splice(cut);
  return { total, truncated };
}

/**
 * Monthly branch work from each organ party committee and grassroots unit, round after round,
 * until the number asked for is reached (the last task to part of one issuer's branches).
 * The assignments in all.
 */
function fillerTasks(
  plan: Plan,
  { province: provincial, cities, lines }: Structure,
  want: number,
  total: number,
): number {
  const allDepartments = [...provincial, ...cities.flatMap((c) => c.departments)];
  const allLineUnits = lines.flatMap((l) => l.units);
  const issuers = [
    ...allDepartments.map((d) => ({ code: d.jg, branches: d.branches })),
    ...allLineUnits.map((l) => ({ code: l.code, branches: l.branches })),
  ].filter((x) => x.branches.length > 0);
  for (let round = 0; total < want && issuers.length > 0; round++) {
    const month = (round % 12) + 1;
    const [theme, category] = FILLER[round % FILLER.length];
    for (const x of issuers) {
      if (total >= want) break;
      const targets = x.branches.slice(0, want - total);
      plan.toList(x.code, targets, {
        slug: `YD${round + 1}`,
        title: `${theme}（${month}月）`,
        category,
        priority: 'ROUTINE',
        startsOn: plan.day(month, 1),
        dueOn: plan.monthEnd(month),
      });
      total += targets.length;
    }
  }
  return total;
}

export function syntheticTasks(
  province: { units: readonly Unit[]; links: readonly Link[] },
  opts: SyntheticTasksOptions = {},
): SyntheticTasks {
  const want = opts.assignments ?? 400_000;
  const plan = new Plan(opts.year ?? 2026);
  const shape = structure(province.units, province.links);
  provinceTasks(plan, shape);
  lineBodyTasks(plan, shape.lines);
  for (const d of shape.province) departmentTasks(plan, d, false);
  for (const c of shape.cities) cityTasks(plan, c);
  const { total: planAssignments, truncated } = cutToSize(plan, want);
  const planTasks = plan.tasks.length;
  const total = fillerTasks(plan, shape, want, planAssignments);
  const { tasks, sizes } = plan;
  return {
    format: 'tiaokuai/v1',
    requiredItems: REQUIRED_ITEMS,
    tasks,
    sizes,
    assignments: total,
    summary: {
      planTasks,
      planAssignments,
      fillerTasks: tasks.length - planTasks,
      fillerAssignments: total - planAssignments,
      scopeTasks: tasks.filter((t) => t.scope).length,
      truncated,
    },
  };
}

/**
 * The document cut into files of at most `maxAssignments` assignments and `maxTasks` tasks each
 * (a task larger than that goes alone), the responsibility list in the first. Tasks keep their order, so a task
 * naming an incompatible key finds it stored or in the same file.
 */
export function taskChunks(
  doc: SyntheticTasks,
  maxAssignments: number,
  maxTasks = 2_000,
): Array<{ format: 'tiaokuai/v1'; requiredItems?: RequiredItemInput[]; tasks: TaskInput[]; assignments: number }> {
  const out: Array<{
    format: 'tiaokuai/v1';
    requiredItems?: RequiredItemInput[];
    tasks: TaskInput[];
    assignments: number;
  }> = [];
  let current: (typeof out)[number] = {
    format: doc.format,
    requiredItems: doc.requiredItems,
    tasks: [],
    assignments: 0,
  };
  doc.tasks.forEach((t, i) => {
    if (
      current.tasks.length > 0 &&
      (current.assignments + doc.sizes[i] > maxAssignments || current.tasks.length >= maxTasks)
    ) {
      out.push(current);
      current = { format: doc.format, tasks: [], assignments: 0 };
    }
    current.tasks.push(t);
    current.assignments += doc.sizes[i];
  });
  if (current.tasks.length > 0 || out.length === 0) out.push(current);
  return out;
}
