/**
 * Shared machinery of the benchmark: documents, interleaved timing against floors, output.
 * Each file in `bench/metrics/` exports `run(ctx)`; add a metric group by adding a file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANSWERED_MD } from '../test/server/letters';
import { positionAt, type LspClient } from '../test/server/lsp-client';

export const ROOT = path.resolve(__dirname, '..');
/** The shared material (corpus); ANTWOORDBRIEF_SHARED points elsewhere (e.g. to try the fallback). */
export const SHARED = process.env.ANTWOORDBRIEF_SHARED ? path.resolve(process.env.ANTWOORDBRIEF_SHARED) : path.resolve(ROOT, '../shared');
export const CORPUS = path.join(SHARED, 'corpus');

export interface Doc {
  /** Short name used in the output ("002", "1MB"). */
  name: string;
  text: string;
  bytes: number;
  /** A file on disk holding the text (for F_read). */
  file: string;
}

export interface Record {
  metric: string;
  doc: string;
  bytes: number;
  median_ms: number;
  p95_ms: number;
  floor: string;
  floor_ms: number;
  ratio: number;
  /** The target the figure is held to, when there is one (e.g. "ratio <= 10"). */
  target?: string;
  /** Whether the target is met. */
  ok?: boolean;
  /** Memory figures (server-peak-rss): peak and idle resident set, and the goal, in MB, after what (open, keystrokes). */
  after?: string;
  /** Peak resident set (VmHWM) in MB. */
  peak_rss_mb?: number;
  idle_rss_mb?: number;
  goal_mb?: number;
  /** The slowest request (adversarial-worst-request). */
  request?: string;
  /** The machine's 1-minute load average when the figure was taken (figures under load are slower). */
  load_1m?: number;
  /** CPU time of the process's threads over the figure (the same on a loaded machine, unlike the wall time). */
  cpu_ms?: number;
}

export interface Stats {
  median: number;
  p95: number;
  samples: number[];
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), samples };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function record(r: Omit<Record, 'ratio'> & { ratio?: number }): Record {
  const ratio = r.ratio ?? (r.floor_ms > 0 ? r.median_ms / r.floor_ms : 0);
  return { ...r, median_ms: round(r.median_ms), p95_ms: round(r.p95_ms), floor_ms: round(r.floor_ms), ratio: round(ratio) };
}

export function emit(r: Record): void {
  process.stdout.write(JSON.stringify(r) + '\n');
}

/** A message for the reader, on stderr so stdout stays one JSON object per line. */
export function note(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

type Timed = () => unknown | Promise<unknown>;

async function time(fn: Timed): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Time `fn` and each floor interleaved (floor, fn, floor, fn, …) after `warmup` untimed
 * rounds, so both see the same machine load.
 */
export async function interleaved(
  fn: Timed,
  floors: { [name: string]: Timed },
  iterations = 20,
  warmup = 3,
): Promise<{ fn: Stats; floors: { [name: string]: Stats } }> {
  const names = Object.keys(floors);
  const fnSamples: number[] = [];
  const floorSamples: { [name: string]: number[] } = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < warmup + iterations; i++) {
    for (const n of names) {
      const t = await time(floors[n]);
      if (i >= warmup) floorSamples[n].push(t);
    }
    const t = await time(fn);
    if (i >= warmup) fnSamples.push(t);
  }
  return { fn: stats(fnSamples), floors: Object.fromEntries(names.map((n) => [n, stats(floorSamples[n])])) };
}

/**
 * Time one keystroke on a document already open in `c` against the no-op request floor: type a
 * letter inside a word in the middle of the text, then delete it again (so the document stays
 * the same size), each time waiting for the diagnostics of exactly that version.
 */
export async function timeKeystrokes(c: LspClient, uri: string, text: string, iterations: number): Promise<{ fn: Stats; floors: { [name: string]: Stats } }> {
  let i = Math.floor(text.length / 2);
  while (i < text.length && !/\p{L}/u.test(text[i])) i++;
  const at = positionAt(text, i);
  let inserted = false;
  return interleaved(
    async () => {
      const range = inserted ? { start: at, end: { line: at.line, character: at.character + 1 } } : { start: at, end: at };
      const v = await c.edit(uri, range, inserted ? '' : 'x');
      inserted = !inserted;
      await c.diagnostics(uri, v, 60000);
    },
    { F_noop: () => c.request('antwoordbrief/noop', {}).catch(() => null) },
    Math.max(30, iterations),
    5,
  );
}

/** The floors of TESTING.md over one document. */
export function floorsFor(doc: Doc): { [name: string]: Timed } {
  return {
    F_read: () => readFileSync(doc.file, 'utf8'),
    F_json: () => JSON.parse(JSON.stringify({ text: doc.text })),
    F_scan: () => {
      const re = /[\p{L}\p{N}]+/gu;
      let n = 0;
      while (re.exec(doc.text)) n++;
      return n;
    },
  };
}

/**
 * Renumber a letter's question units by `shift`: "N. Antwoord van het kabinet", "Vraag N",
 * "Antwoord N" headings and "antwoord op vraag N (en M)" references.
 */
export function renumber(text: string, shift: number): string {
  const bump = (n: string) => String(Number(n) + shift);
  return text
    .replace(/^(\s*)(\d+)(\. Antwoord van het kabinet)/gm, (_, a, n, b) => a + bump(n) + b)
    .replace(/^([#*\s]*(?:Vraag|Antwoord) )(\d+)/gm, (_, a, n) => a + bump(n))
    .replace(/(antwoord(?:en)? op (?:de )?vra(?:ag|gen) )(\d+)((?:(?:, | en )\d+)*)/gi, (_, a, n, rest: string) => a + bump(n) + rest.replace(/\d+/g, bump));
}

/** Highest question number in a letter (for renumbering copies). */
function unitCount(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/^\s*(\d+)\. Antwoord van het kabinet|^[#*\s]*(?:Vraag|Antwoord) (\d+)/gm)) max = Math.max(max, Number(m[1] ?? m[2]));
  return max;
}

/** A letter of about `bytes` UTF-8 bytes: the base letter, then copies of it renumbered. */
export function buildLetter(base: string, bytes: number): string {
  const count = unitCount(base) || 1;
  const parts = [base];
  let size = Buffer.byteLength(base);
  for (let k = 1; size < bytes; k++) {
    const copy = renumber(base, k * count);
    parts.push(copy);
    size += Buffer.byteLength(copy);
  }
  let text = parts.join('\n');
  if (Buffer.byteLength(text) > bytes * 1.05) {
    // Cut at a fractie heading (or a blank line) so no unit is torn in half.
    const cut = Math.floor(bytes * 0.98);
    const head = text.slice(0, cut);
    const at = Math.max(head.lastIndexOf('\nVragen en opmerkingen van de leden'), head.lastIndexOf('\n## Vragen en opmerkingen'));
    text = text.slice(0, at > bytes * 0.7 ? at + 1 : head.lastIndexOf('\n\n') + 1);
  }
  return text;
}

let tmp: string | undefined;

type Core = typeof import('./core');
let core: Core | undefined;

/** The analysis core bundled as it ships (see bench/core.ts), built once per run into a temp dir. */
export function shippedCore(): Core {
  if (core) return core;
  tmp ??= mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-bench-'));
  const outfile = path.join(tmp, 'core.js');
  buildSync({ entryPoints: [path.join(__dirname, 'core.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  core = require(outfile) as Core;
  return core;
}
function tempFile(name: string, text: string): string {
  tmp ??= mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-bench-'));
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

function doc(name: string, text: string, file?: string): Doc {
  return { name, text, bytes: Buffer.byteLength(text), file: file ?? tempFile(`${name}.txt`, text) };
}

export interface Docs {
  /** Corpus 002 (the largest real letter), when ../shared is present. */
  real: Doc | null;
  /** About 100 KB, built from 002 (or the test fixtures). */
  kb100: Doc;
  /** About 1 MB, built from 002 (or the test fixtures). */
  mb1: Doc;
}

export function loadDocs(): Docs {
  let base: string;
  let real: Doc | null = null;
  const name = existsSync(CORPUS) ? readdirSync(CORPUS).find((f) => f.startsWith('002_')) : undefined;
  if (name) {
    const file = path.join(CORPUS, name);
    base = readFileSync(file, 'utf8');
    real = doc('002', base, file);
  } else {
    note('corpus: ../shared not present; skipping the corpus document and building the letters from test fixtures');
    base = ANSWERED_MD;
  }
  return {
    real,
    kb100: doc('100KB', buildLetter(base, 100_000)),
    mb1: doc('1MB', buildLetter(base, 1_000_000)),
  };
}

export interface Context {
  docs: Docs;
  /** Documents for whole-document metrics: the real letter (if any) and the 1 MB letter. */
  analysisDocs: Doc[];
  iterations: number;
  /** Results emitted so far, for metrics that compare with earlier ones. */
  results: Record[];
  emit(r: Record): void;
}

export type MetricGroup = (ctx: Context) => Promise<void>;

export function metricFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(ts|mjs|js)$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}
