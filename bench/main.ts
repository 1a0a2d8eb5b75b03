// The benchmark: one JSON object per line on stdout (see bench/lib.ts). Metric groups live in
// bench/metrics/, one file each, run in name order; `npm run bench -- server` runs only the
// groups whose file name contains "server".
import * as os from 'node:os';
import * as path from 'node:path';
import { emit, loadDocs, metricFiles, note, type Context, type MetricGroup, type Record } from './lib';

async function main() {
  const filter = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  // Figures are only comparable on a similarly loaded machine: say how loaded this one is.
  note(`${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const docs = loadDocs();
  const results: Record[] = [];
  const ctx: Context = {
    docs,
    analysisDocs: [docs.real, docs.mb1].filter((d): d is NonNullable<typeof d> => !!d),
    iterations: 20,
    results,
    emit(r) {
      results.push(r);
      emit(r);
    },
  };
  let failed = false;
  for (const file of metricFiles(path.join(__dirname, 'metrics'))) {
    if (filter.length && !filter.some((f) => path.basename(file).includes(f))) continue;
    const mod = (await import(file)) as { run?: MetricGroup; default?: { run?: MetricGroup } };
    const run = mod.run ?? mod.default?.run;
    if (!run) continue;
    try {
      await run(ctx);
    } catch (e) {
      failed = true;
      note(`${path.basename(file)} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  const missed = results.filter((r) => r.ok === false);
  for (const r of missed) note(`target missed: ${r.metric} on ${r.doc}: ${r.target} (ratio ${r.ratio}, p95 ${r.p95_ms} ms)`);
  process.exitCode = failed ? 1 : 0;
}

void main();
