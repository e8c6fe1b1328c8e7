/**
 * The downward scope and the upward relation are one rule (scope.ts): on random timelines
 * (cycles, several leaders, guides, units that did not exist some days, bodies without a
 * timeline), for every day, body B and unit U ≠ B:
 *   U ∈ scope(B) ⇔ relation(B, U) ∈ {LEADS, GUIDES},   U ∈ ledClosure(B) ⇔ relation(B, U) = LEADS
 * and `leads`/`bindingBodies` agree with the led closure.
 *
 * Reproducible: a fixed seed (FC_SEED overrides it); a failure prints the seed and the
 * counterexample's path. FC_RUNS scales the number of runs.
 */
import fc from 'fast-check';
import { LeadershipIndex } from './leadership';
import type { RelationPeriod, Timelines } from './relation-periods';
import { graphOn, ledClosure, scopeClosure } from './scope';

const SEED = Number(process.env.FC_SEED ?? 20261207);
const RUNS = Math.max(1, Math.round(500 * Number(process.env.FC_RUNS ?? 1)));

const DAYS = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06'];
/** Every day asked: the timelines' days and one before them all. */
const ASKED = ['2023-12-31', ...DAYS];

/** Units U0…U(n-1) that may have a timeline, and X, named as a leader or guide but never given one. */
const world = fc.integer({ min: 2, max: 8 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `U${i}`);
  const named = [...ids, 'X'];
  const edges = fc.record({
    leaders: fc.uniqueArray(fc.constantFrom(...named), { maxLength: 3 }),
    guides: fc.uniqueArray(fc.constantFrom(...named), { maxLength: 2 }),
  });
  // A timeline: runs of 1–3 days, each a period or a gap (the unit did not exist), laid end to end.
  const timeline = fc.array(
    fc.record({ days: fc.integer({ min: 1, max: 3 }), edges: fc.option(edges, { nil: null }) }),
    { minLength: 1, maxLength: DAYS.length },
  );
  return fc.tuple(...ids.map(() => fc.option(timeline, { nil: null }))).map((lines) => {
    const t = new Map<string, RelationPeriod[]>();
    lines.forEach((runs, i) => {
      if (!runs) return;
      const periods: RelationPeriod[] = [];
      let at = 0;
      for (const run of runs) {
        if (at >= DAYS.length) break;
        const end = Math.min(at + run.days, DAYS.length) - 1;
        if (run.edges) periods.push({ from: DAYS[at], to: DAYS[end], ...run.edges });
        at = end + 1;
      }
      t.set(ids[i], periods);
    });
    return { named, timelines: t as Timelines };
  });
});

describe('scope: the downward closure and the upward relation agree', () => {
  test('for every day, body and unit', () => {
    fc.assert(
      fc.property(world, ({ named, timelines }) => {
        const index = new LeadershipIndex(timelines);
        for (const day of ASKED) {
          const graph = graphOn(timelines, day);
          for (const b of named) {
            const led = ledClosure(b, graph);
            const scope = scopeClosure(b, graph);
            for (const u of named) {
              if (u === b) continue;
              const relation = index.relation(b, u, day);
              const leads = index.leads(b, u, day);
              const binding = index.bindingBodies(u, day).has(b);
              const inScope = scope.has(u);
              const inLed = led.has(u);
              // Plain comparisons (a run checks thousands of pairs), the whole case in the message.
              const agree = inScope === (relation !== 'NONE') && inLed === (relation === 'LEADS');
              if (!agree || leads !== inLed || binding !== inLed) {
                throw new Error(`disagree: ${JSON.stringify({ day, b, u, relation, leads, binding, inScope, inLed })}`);
              }
            }
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
