// Run in a fresh process by bench/metrics/extract.ts (bundled there): the first PDF of a
// process, as a CLI user meets it: a new worker thread that loads dist/extract.js, then the
// file. Prints one JSON line: the extraction's milliseconds (wall and CPU) and those since the process started.
import { Extractor } from '../server/src/host/extract/index';

async function main() {
  const [engine, file] = process.argv.slice(2);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const e = new Extractor(undefined, undefined, engine);
  const r = await e.extract(file);
  const t1 = performance.now();
  // CPU time of every thread of the process (the worker's too): what the extraction costs
  // whatever the load of the machine.
  const cpu = process.cpuUsage(c0);
  await e.close();
  process.stdout.write(JSON.stringify({ ok: !('error' in r), extract_ms: t1 - t0, since_start_ms: t1, cpu_ms: (cpu.user + cpu.system) / 1000 }) + '\n');
}

void main();
