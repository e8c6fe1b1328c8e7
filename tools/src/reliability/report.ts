/** The reliability run's report as a RELIABILITY.md section (`npm run reliability` prints it). */
import { hostileMarkdown } from './hostile';
import type { ReliabilityReport } from './types';

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** A RELIABILITY.md section for one run. */
export function reportMarkdown(r: ReliabilityReport): string {
  const lines: string[] = [];
  lines.push(
    `### ${r.startedAt.slice(0, 10)}, ${r.database === 'postgres' ? 'PostgreSQL' : 'PGlite (file-backed)'}${r.hostile ? `, hostile, ${r.hostile.province.units} units and ${r.hostile.province.assignments} assignments` : ''}: ${r.clients} clients × ${r.plan ? `a plan of ${r.plan.length} segments` : `${r.plannedSeconds} s`} — ${r.ok ? 'all invariants hold' : '**INVARIANTS VIOLATED**'}`,
  );
  lines.push('');
  lines.push(
    `Machine: ${r.machine.cpu}, ${r.machine.cpus} cores, ${r.machine.memGiB} GiB, Node ${r.machine.node}, ${r.machine.os}; client, gateway and subgraphs${r.database === 'postgres' ? ' and PostgreSQL' : ''} share it (1-minute load average ${r.machine.loadAverageAtStart.toFixed(2)} when the run began).`,
  );
  lines.push(
    `Clients: ${Object.entries(r.identities)
      .map(
        ([k, n]) =>
          `${n} as ${k === 'operator' ? 'the operator' : k === 'VIEWER' ? 'VIEWERs (hostile, below)' : `${k} of SC-JGGW`}`,
      )
      .join(', ')}. A request counts as hung after ${(r.requestTimeoutMs / 1000).toFixed(0)} s.`,
  );
  if (r.hostile) {
    lines.push('');
    lines.push(hostileMarkdown(r.hostile));
  }
  lines.push(
    `Load phase ${(r.loadMs / 1000).toFixed(1)} s: ${r.totals.requests} requests (${r.totals.reads} reads, ${r.totals.writes} writes), ${r.totals.requestsPerSecond.toFixed(0)} requests/s; ${r.totals.ackedWrites} writes acknowledged (${r.totals.ackedWritesPerSecond.toFixed(1)}/s), ${r.totals.unackedWrites} not (${r.totals.unackedCommitted} of those committed anyway).`,
  );
  lines.push('');
  lines.push('Faults:');
  lines.push('');
  for (const f of r.faults)
    lines.push(`- ${(f.start / 1000).toFixed(1)} s: ${f.name}; over at ${(f.end / 1000).toFixed(1)} s (${f.detail})`);
  lines.push('');
  lines.push(
    '| operation | requests | succeeded | acknowledged | refused or failed | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const [k, s] of Object.entries(r.byKind)) {
    lines.push(
      `| ${k} | ${s.count} | ${s.ok} | ${s.acked ?? ''} | ${s.failed} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`,
    );
  }
  lines.push('');
  lines.push('| period | from (s) | to (s) | requests | writes acknowledged | failures by code |');
  lines.push('|---|---|---|---|---|---|');
  for (const p of r.periods) {
    const errs =
      Object.entries(p.errors)
        .map(([c, n]) => `${c} ×${n}`)
        .join(', ') || 'none';
    lines.push(
      `| ${p.name} | ${(p.start / 1000).toFixed(1)} | ${(p.end / 1000).toFixed(1)} | ${p.requests} | ${p.ackedWrites} | ${errs} |`,
    );
  }
  lines.push('');
  const cu = r.verification.committedUnacknowledged;
  if (cu.length) {
    lines.push(
      `Writes not acknowledged that did commit (the answer was lost, the write was not): ${cu.map((c) => `${c.kind} ${c.id} (${(c.start / 1000).toFixed(1)}–${(c.end / 1000).toFixed(1)} s, ${c.error}, during ${c.fault})`).join('; ')}.`,
    );
    lines.push('');
  }
  lines.push('| invariant | holds | detail |');
  lines.push('|---|---|---|');
  for (const i of r.invariants)
    lines.push(`| ${i.name} | ${i.ok ? 'yes' : '**no**'} | ${i.detail.replace(/\|/g, '\\|')} |`);
  lines.push('');
  return lines.join('\n');
}
