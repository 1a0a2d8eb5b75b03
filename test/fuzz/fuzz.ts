/**
 * A bounded, seeded fuzz of the bundled server (`dist/server.js`) over a real JSON-RPC
 * connection: random incremental edit sequences (with lower or repeated version numbers now and
 * then) and random requests, protocol abuse (malformed parameters, cancellation storms, unknown
 * methods, requests before `initialize` and after `shutdown`, a broken header), and every edit
 * the server returns applied and checked again (quick fixes; renames, each renamed back).
 *
 * Checked after every step: each request answers within `REQUEST_TIMEOUT_MS` and with an error
 * only where one is due; every returned range lies inside the text the request was sent
 * against; a rename and its reverse give back the text; a quick fix removes the finding it fixes;
 * the server logs no handler error; at the end of a sequence its diagnostics equal those of a
 * fresh open of the same text.
 *
 *   npm run fuzz                         # 60 s from seed 1
 *   npm run fuzz -- --seed 7 --time 300  # another seed, five minutes
 *   npm run fuzz -- --seed 7 --sequence 12   # replay one sequence (printed with every failure)
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, SERVER_JS, applyEdits, editsFor, positionAt } from '../server/lsp-client';
import { ANSWERED_MD, UNANSWERED_TXT } from '../server/letters';

const REQUEST_TIMEOUT_MS = 15000;
const FIXTURES = path.resolve(__dirname, '../fixtures/pair');

export interface FuzzOptions {
  seed: number;
  /** Stop starting new sequences after this many milliseconds. */
  timeMs: number;
  /** Replay only this sequence index. */
  sequence?: number;
  maxSequences?: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  sequences: number;
  edits: number;
  requests: number;
  quickFixes: number;
  renames: number;
  /** Renames undone again (all but those on a number the letter holds twice). */
  reversed: number;
  abuse: number;
  /** Requests answered ContentModified because a later change overtook them. */
  contentModified: number;
  /** Slowest request: method and milliseconds. */
  slowest: { method: string; ms: number };
  failures: { sequence: number; message: string; reproducer: string }[];
}

/** mulberry32: a small seeded PRNG (the fuzz must replay from its seed). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

function fixture(name: string): string {
  try {
    return readFileSync(path.join(FIXTURES, name), 'utf8');
  } catch {
    return '';
  }
}

/** Starting texts: our letters, plus small adversarial shapes. */
function bases(): { name: string; text: string }[] {
  return [
    { name: 'beantwoord', text: ANSWERED_MD },
    { name: 'onbeantwoord', text: UNANSWERED_TXT },
    { name: 'kamervragen', text: fixture('kamervragen.md') },
    { name: 'antwoord-kamervragen', text: fixture('antwoord-kamervragen.md').replace(/^<!--[^\n]*-->\n/u, '') },
    { name: 'inbreng', text: fixture('inbreng.md') },
    { name: 'leeg', text: '' },
    { name: 'vraagtekens', text: 'Vraag 1\n' + 'Waarom? '.repeat(400) + '\n\nAntwoord 1\n' + 'Omdat het zo is. '.repeat(200) + '\n' },
    { name: 'lange-regel', text: 'Vraag 1 ' + 'kunt u dit toelichten en waarom niet? '.repeat(300) },
    { name: 'crlf', text: ANSWERED_MD.replace(/\n/gu, '\r\n') },
  ].filter((b) => b.name === 'leeg' || b.text);
}

/** Pieces an edit inserts: the letter's own vocabulary, markup, and what breaks parsers. */
const SNIPPETS = [
  'Vraag 1', 'Vraag 3a', '### Vraag 7', 'Antwoord 2', '### Antwoord 1a', '\n', '\n\n', '?', '??', ' ', '.',
  'Waarom?', 'Kunt u aangeven waarom?', 'het antwoord op vraag 2', 'zie het antwoord op vraag 1 van de leden van de VVD-fractie',
  'het antwoord op vraag 1 en 3', '## Vragen en opmerkingen van de leden van de D66-fractie\n', 'Kamerstuk 36 410, nr. 3',
  'Kamerstukken II 2023/24, 21 501-32, nr. 1600', 'de motie-Van der Plas (Kamerstuk 36 200 XIV, nr. 12)', 'motie', '[PM]', 'nog te beantwoorden',
  '<!-- antwoordbrief-disable unanswered-question -->', '<!-- vragen: ./weg.md -->', '---\nvragen: /dev/zero\n---\n', '\r\n', '\r',
  '\ud83d\ude00', '\ud800', '\u00a0', '\t', '**', '1.', '2) ', '# ', '> ', 'é', 'ĳ',
];

interface Doc {
  uri: string;
  text: string;
  version: number;
  /** How many changes were sent (a request overtaken by one may answer ContentModified). */
  changes?: number;
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/u).map((l) => l.length);
}

/** Every range in a JSON result, found by shape. */
function rangesIn(value: unknown, out: { range: Range; uri?: string }[] = [], uri?: string): { range: Range; uri?: string }[] {
  if (!value || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) rangesIn(v, out, uri);
    return out;
  }
  const o = value as Record<string, unknown>;
  const here = typeof o.uri === 'string' ? o.uri : typeof o.targetUri === 'string' ? (o.targetUri as string) : uri;
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object' && 'start' in (v as object) && 'end' in (v as object) && /range$/iu.test(k)) {
      out.push({ range: v as Range, uri: k === 'targetRange' || k === 'targetSelectionRange' ? here : k === 'originSelectionRange' ? uri : here });
    } else if (k !== 'changes' && k !== 'documentChanges') {
      rangesIn(v, out, here);
    }
  }
  return out;
}

function inside(range: Range, lengths: number[]): boolean {
  const ok = (p: Position) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  return ok(range.start) && ok(range.end) && (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
}

class Failure extends Error {}

/** One fuzz run against one server; sequences until the time is up. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const report: FuzzReport = { seed: options.seed, sequences: 0, edits: 0, requests: 0, quickFixes: 0, renames: 0, reversed: 0, abuse: 0, contentModified: 0, slowest: { method: '', ms: 0 }, failures: [] };
  const start = Date.now();
  const baseTexts = bases();

  report.abuse += await lifecycleAbuse(report);

  let client = await LspClient.start({ env: { ...process.env, ANTWOORDBRIEF_TODAY: '2025-03-30' } });
  let logsSeen = 0;
  const first = options.sequence ?? 0;
  const last = options.sequence ?? (options.maxSequences ?? Number.MAX_SAFE_INTEGER) - 1;
  for (let index = first; index <= last; index++) {
    if (options.sequence === undefined && Date.now() - start > options.timeMs) break;
    const steps: string[] = [];
    const r = new Rand(prng((options.seed * 1000003 + index) >>> 0));
    const base = r.pick(baseTexts);
    const doc: Doc = { uri: `file:///fuzz/seq-${index}.md`, text: base.text, version: 1 + r.int(3) };
    steps.push(`open ${base.name} v${doc.version}`);
    try {
      await runSequence(client, r, doc, steps, report);
      const errors = client.logs.slice(logsSeen).filter((l) => /fout in|uncaught|unhandled/iu.test(l));
      logsSeen = client.logs.length;
      if (errors.length) throw new Failure(`server logged an error: ${errors[0].split('\n').slice(0, 2).join(' | ')}`);
      if (client.child.exitCode !== null) throw new Failure(`server exited with ${client.child.exitCode}`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const reproducer = `npm run fuzz -- --seed ${options.seed} --sequence ${index}\n  steps: ${steps.join(' ; ')}`;
      report.failures.push({ sequence: index, message, reproducer });
      log(`FAILURE in sequence ${index}: ${message}\n  ${reproducer}`);
      // A server in an unknown state is replaced, so the next sequences are independent.
      client.kill();
      client = await LspClient.start({ env: { ...process.env, ANTWOORDBRIEF_TODAY: '2025-03-30' } });
      logsSeen = 0;
    }
    report.sequences++;
    if (report.sequences % 25 === 0) log(`  ${report.sequences} sequences, ${report.requests} requests, ${report.edits} edits …`);
  }
  const code = await client.shutdown().catch(() => -1);
  if (code !== 0 && !report.failures.length) report.failures.push({ sequence: -1, message: `shutdown gave exit code ${code}`, reproducer: `npm run fuzz -- --seed ${options.seed}` });
  return report;
}

/** Time a request; a missing answer within the timeout is a hang. */
async function timed<T>(report: FuzzReport, method: string, p: Promise<T>): Promise<T> {
  const t = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Failure(`${method} gave no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    const ms = performance.now() - t;
    report.requests++;
    if (ms > report.slowest.ms) report.slowest = { method, ms };
  }
}

async function send(c: LspClient, doc: Doc, text: string, r: Rand, steps: string[]): Promise<void> {
  // Now and then a version number lower than or equal to the last (some clients send these).
  const version = r.chance(0.05) ? Math.max(0, doc.version - r.int(3)) : doc.version + 1;
  if (r.chance(0.5) || !doc.text) {
    await c.change(doc.uri, [{ text }], version);
    steps.push(`full v${version}`);
  } else {
    // One incremental change covering the differing middle.
    let a = 0;
    while (a < doc.text.length && a < text.length && doc.text[a] === text[a]) a++;
    let b = 0;
    while (b < doc.text.length - a && b < text.length - a && doc.text[doc.text.length - 1 - b] === text[text.length - 1 - b]) b++;
    // Never split a CRLF pair: a position cannot point between its two characters.
    if (a > 0 && doc.text[a - 1] === '\r' && doc.text[a] === '\n') a--;
    const e = doc.text.length - b;
    if (e > a && e < doc.text.length && doc.text[e - 1] === '\r' && doc.text[e] === '\n') b--;
    const range = { start: positionAt(doc.text, a), end: positionAt(doc.text, doc.text.length - b) };
    await c.change(doc.uri, [{ range, text: text.slice(a, text.length - b) }], version);
    steps.push(`change v${version} ${JSON.stringify(range)} ${JSON.stringify(text.slice(a, text.length - b).slice(0, 60))}`);
  }
  doc.text = text;
  doc.version = version;
  doc.changes = (doc.changes ?? 0) + 1;
}

function randomEdit(r: Rand, text: string): string {
  const n = text.length;
  const at = r.int(n + 1);
  switch (r.int(4)) {
    case 0: {
      const end = Math.min(n, at + r.int(40));
      return text.slice(0, at) + text.slice(end);
    }
    case 1: {
      const end = Math.min(n, at + r.int(10));
      return text.slice(0, at) + r.pick(SNIPPETS) + text.slice(end);
    }
    case 2: {
      // Duplicate a slice (repeated headings, repeated questions).
      const end = Math.min(n, at + r.int(200));
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    }
    default:
      return text.slice(0, at) + r.pick(SNIPPETS) + r.pick(SNIPPETS) + text.slice(at);
  }
}

const POSITION_REQUESTS = ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/completion', 'textDocument/prepareRename'];
const DOC_REQUESTS = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/codeLens'];

function randomPosition(r: Rand, text: string): Position {
  if (r.chance(0.05)) return { line: r.int(100000), character: r.int(100000) };
  return positionAt(text, r.int(text.length + 1));
}

async function runSequence(c: LspClient, r: Rand, doc: Doc, steps: string[], report: FuzzReport): Promise<void> {
  await c.open(doc.uri, doc.text, 'markdown', doc.version);
  const count = 5 + r.int(25);
  for (let s = 0; s < count; s++) {
    const kind = r.int(10);
    if (kind <= 3) {
      // A burst of edits, requests interleaved without waiting.
      const pending: Promise<void>[] = [];
      for (let k = 1 + r.int(4); k > 0; k--) {
        await send(c, doc, randomEdit(r, doc.text), r, steps);
        report.edits++;
        if (r.chance(0.5)) pending.push(request(c, r, doc, steps, report));
      }
      await Promise.all(pending);
    } else if (kind <= 6) {
      await request(c, r, doc, steps, report);
    } else if (kind === 7) {
      await quickFix(c, r, doc, steps, report);
    } else if (kind === 8) {
      await renameAndBack(c, r, doc, steps, report);
    } else {
      await abuse(c, r, doc, steps, report);
    }
  }
  // The end: diagnostics of the last text equal those of a fresh open of it (the edited document
  // is closed first: open letters link each other's motions, so both must be alone).
  const last = await finalDiagnostics(c, doc);
  await c.close(doc.uri);
  steps.push('close');
  const fresh = `${doc.uri.replace(/\.md$/u, '')}-vers.md`;
  await c.open(fresh, doc.text, 'markdown', 1);
  const expected = await timed(report, 'diagnostics', c.diagnostics(fresh, 1, REQUEST_TIMEOUT_MS));
  await c.close(fresh);
  const shape = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`).sort();
  const [a, b] = [shape(last), shape(expected)];
  if (a.join('\n') !== b.join('\n')) {
    const only = a.filter((x) => !b.includes(x))[0] ?? b.filter((x) => !a.includes(x))[0];
    if (process.env.FUZZ_DUMP) writeFileSync(process.env.FUZZ_DUMP, doc.text);
    throw new Failure(`incremental ≠ fresh: ${last.length} vs ${expected.length} diagnostics on the final text; first difference: ${only}`);
  }
}

/**
 * The diagnostics of the document's current text: checkDocument publishes them before it
 * answers, and messages arrive in order, so the last publication seen when the answer arrives
 * is that text's (a publication of an earlier text may still have been on its way before).
 */
async function finalDiagnostics(c: LspClient, doc: Doc): Promise<Diagnostic[]> {
  const before = c.published.length;
  await c.request('antwoordbrief/checkDocument', { uri: doc.uri });
  const mine = c.published.slice(before).filter((p) => p.uri === doc.uri);
  if (!mine.length) throw new Failure('checkDocument published nothing');
  return mine[mine.length - 1].diagnostics;
}

async function request(c: LspClient, r: Rand, doc: Doc, steps: string[], report: FuzzReport): Promise<void> {
  const text = doc.text;
  const lengths = lineLengths(text);
  const td = { uri: doc.uri };
  let method: string;
  let params: unknown;
  const k = r.int(10);
  if (k < 5) {
    method = r.pick(POSITION_REQUESTS);
    params = method === 'textDocument/references' ? { textDocument: td, position: randomPosition(r, text), context: { includeDeclaration: r.chance(0.5) } } : { textDocument: td, position: randomPosition(r, text) };
  } else if (k < 8) {
    method = r.pick(DOC_REQUESTS);
    params = { textDocument: td };
  } else if (k < 9) {
    method = 'textDocument/codeAction';
    const a = positionAt(text, r.int(text.length + 1));
    params = { textDocument: td, range: { start: a, end: a }, context: { diagnostics: [] } };
  } else {
    method = 'antwoordbrief/nextUnanswered';
    const p = randomPosition(r, text);
    params = { uri: doc.uri, line: p.line, character: p.character };
  }
  steps.push(`${method} ${JSON.stringify(params).slice(0, 120)}`);
  // Sent against this text: the answer must fit it, even if an edit follows before it arrives.
  const changes = doc.changes ?? 0;
  const answer = await timed(report, method, c.request(method, params)).catch((e: any) => {
    if (e instanceof Failure) throw e;
    if (e?.code === -32800) return null; // cancelled
    // LSP 3.17 ContentModified: only for a request that a later change overtook.
    if (e?.code === -32801 && (doc.changes ?? 0) > changes) {
      report.contentModified++;
      return null;
    }
    throw new Failure(`${method} answered error ${e?.code}: ${e?.message}`);
  });
  for (const { range, uri } of rangesIn(answer, [], doc.uri)) {
    if (uri && uri !== doc.uri) continue;
    if (!inside(range, lengths)) throw new Failure(`${method} answered range ${JSON.stringify(range)} outside the text it was sent against (${lineCount(text)} lines)`);
  }
}

async function quickFix(c: LspClient, r: Rand, doc: Doc, steps: string[], report: FuzzReport): Promise<void> {
  const diags = await finalDiagnostics(c, doc);
  const fixable = diags.filter((d) => d.code !== undefined);
  if (!fixable.length) return;
  const d = r.pick(fixable);
  steps.push(`codeAction on ${d.code} ${JSON.stringify(d.range)}`);
  const actions = (await timed(report, 'textDocument/codeAction', c.codeActions(doc.uri, d.range, [d]))) ?? [];
  const withEdit = (actions as CodeAction[]).filter((a) => a.edit && (a.diagnostics ?? []).some((x) => x.code === d.code && x.message === d.message));
  if (!withEdit.length) return;
  const action = r.pick(withEdit);
  const edits = editsFor(action.edit as WorkspaceEdit, doc.uri);
  const lengths = lineLengths(doc.text);
  for (const e of edits) if (!inside(e.range, lengths)) throw new Failure(`quick fix "${action.title}" edits outside the text: ${JSON.stringify(e.range)}`);
  const next = applyEdits(doc.text, edits as TextEdit[]);
  steps.push(`apply "${action.title}"`);
  await send(c, doc, next, r, steps);
  report.quickFixes++;
  const after = await finalDiagnostics(c, doc);
  const same = (x: Diagnostic) => x.code === d.code && x.message === d.message;
  // "Voeg een antwoord toe" writes the answer heading for the drafter to fill in: the question
  // stays unanswered by design. Every other fix must remove its finding.
  if (d.code !== 'unanswered-question' && after.filter(same).length >= diags.filter(same).length) throw new Failure(`quick fix "${action.title}" left its finding: ${d.code} ${d.message}`);
}

async function renameAndBack(c: LspClient, r: Rand, doc: Doc, steps: string[], report: FuzzReport): Promise<void> {
  // A rename target: a question heading's number, if the letter has one.
  const m = [...doc.text.matchAll(/Vraag[ \t]+(\d{1,4})(?![\p{L}\p{N}])/gu)];
  if (!m.length) return;
  const hit = r.pick(m);
  const at = positionAt(doc.text, hit.index! + hit[0].length - 1);
  const td = { uri: doc.uri };
  const prep = await timed(report, 'textDocument/prepareRename', c.request('textDocument/prepareRename', { textDocument: td, position: at }));
  if (!prep) return;
  const oldId = String(prep.placeholder);
  if (!/^\d+$/u.test(oldId)) return;
  const newId = String(500 + r.int(400));
  steps.push(`rename ${oldId} → ${newId} at ${JSON.stringify(at)}`);
  const original = doc.text;
  // With the number twice in the letter (a duplicate), the way back is refused by design
  const symbols = JSON.stringify(await timed(report, 'textDocument/documentSymbol', c.symbols(doc.uri)));
  // (also a duplicate of one of its subquestions, which are renamed with it).
  const names = symbols.match(new RegExp(`"name":"Vraag ${oldId}[a-z]?"`, 'gu')) ?? [];
  // The reader folds a heading repeated right after itself (a PDF page repeat) into one unit; once
  // one of the two is renamed the other stands alone: a number twice in the text counts as well.
  const headings = original.match(new RegExp(`^[#*_ \\t]*Vraag[ \\t]+${oldId}(?![0-9])`, 'gmu')) ?? [];
  const twice = new Set(names).size < names.length || headings.length > 1;
  let edit: WorkspaceEdit | null;
  try {
    edit = await timed(report, 'textDocument/rename', c.request('textDocument/rename', { textDocument: td, position: at, newName: newId }));
  } catch (e: any) {
    if (e instanceof Failure) throw e;
    if (e?.code === -32803 && /bestaat al|meer dan eens|anders gelezen|geen vraagnummer|Hier staat/u.test(String(e.message))) return;
    throw new Failure(`rename answered error ${e?.code}: ${e?.message}`);
  }
  if (!edit) return;
  const renamed = applyEdits(original, editsFor(edit, doc.uri));
  if (renamed === original) return;
  await send(c, doc, renamed, r, steps);
  report.renames++;
  // And back: the same spot now holds the new number.
  const shift = renamed.length - original.length;
  const back = renamed.indexOf(newId, Math.max(0, hit.index! - 5));
  if (back < 0) throw new Failure(`rename ${oldId} → ${newId} did not put ${newId} at the heading`);
  void shift;
  steps.push(`rename ${newId} → ${oldId}`);
  let reverse: WorkspaceEdit | null;
  try {
    reverse = await timed(report, 'textDocument/rename', c.request('textDocument/rename', { textDocument: td, position: positionAt(renamed, back + 1), newName: oldId }));
  } catch (e: any) {
    if (e instanceof Failure) throw e;
    if (twice && e?.code === -32803) return;
    throw new Failure(`rename ${oldId} → ${newId} cannot be undone: ${e?.message}`);
  }
  const restored = applyEdits(renamed, editsFor(reverse ?? undefined, doc.uri));
  if (restored !== original) throw new Failure(`rename ${oldId} → ${newId} → ${oldId} does not give back the text`);
  report.reversed++;
  await send(c, doc, restored, r, steps);
}

/** Malformed requests, cancellation storms and unknown methods mid-sequence. */
async function abuse(c: LspClient, r: Rand, doc: Doc, steps: string[], report: FuzzReport): Promise<void> {
  const td = { uri: doc.uri };
  const k = r.int(4);
  if (k === 0) {
    const bad: [string, unknown][] = [
      ['textDocument/hover', { textDocument: td }],
      ['textDocument/hover', { textDocument: td, position: { line: -1, character: 0 } }],
      ['textDocument/definition', { position: { line: 0, character: 0 } }],
      ['textDocument/rename', { textDocument: td, position: { line: 0, character: 0 } }],
      ['textDocument/codeAction', { textDocument: td, range: null }],
      ['textDocument/documentSymbol', 'tekst'],
      ['antwoordbrief/skeleton', {}],
      ['textDocument/completion', { textDocument: { uri: 1 }, position: { line: 0, character: 0 } }],
    ];
    const [method, params] = r.pick(bad);
    steps.push(`abuse ${method} ${JSON.stringify(params)}`);
    report.abuse++;
    await timed(report, method, c.request(method, params)).then(
      () => {
        throw new Failure(`${method} with malformed parameters was answered without InvalidParams`);
      },
      (e: any) => {
        if (e instanceof Failure) throw e;
        if (e?.code !== -32602 || /TypeError|Cannot read|undefined/u.test(String(e.message))) throw new Failure(`${method} with malformed parameters: ${e?.code} ${e?.message}`);
      },
    );
  } else if (k === 1) {
    // A cancellation storm: many requests, most cancelled at once.
    steps.push('cancel storm');
    report.abuse++;
    const { CancellationTokenSource } = await import('vscode-jsonrpc');
    const all: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      all.push(c.connection.sendRequest('textDocument/hover', { textDocument: td, position: randomPosition(r, doc.text) }, source.token).catch((e: any) => {
        if (e?.code !== -32800) throw new Failure(`cancelled hover answered ${e?.code} ${e?.message}`);
      }));
      if (r.chance(0.8)) source.cancel();
    }
    await timed(report, 'cancel storm', Promise.all(all));
  } else if (k === 2) {
    steps.push('unknown method');
    report.abuse++;
    await timed(report, 'antwoordbrief/bestaatNiet', c.request('antwoordbrief/bestaatNiet', {})).then(
      () => {
        throw new Failure('an unknown method was answered');
      },
      (e: any) => {
        if (e instanceof Failure) throw e;
        if (e?.code !== -32601) throw new Failure(`unknown method answered ${e?.code}`);
      },
    );
  } else {
    // Requests on a document that is not open, and a notification with garbage.
    steps.push('not open');
    report.abuse++;
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///fuzz/dicht.md', version: 3 }, contentChanges: [{ text: 'x' }] });
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///fuzz/nooit.md' } });
    const h = await timed(report, 'textDocument/hover', c.hover('file:///fuzz/nooit.md', { line: 0, character: 0 }));
    if (h !== null) throw new Failure('hover on a document that is not open answered something');
  }
}

/** A raw server: requests before initialize, after shutdown, and a broken header. */
async function lifecycleAbuse(report: FuzzReport): Promise<number> {
  let cases = 0;
  const fail = (message: string) => report.failures.push({ sequence: -1, message, reproducer: 'npm run fuzz (lifecycle abuse, before the sequences)' });
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exit = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ bronnen: { offline: true } })));
  conn.onNotification(() => undefined);
  conn.listen();
  const hover = { textDocument: { uri: 'file:///a.md' }, position: { line: 0, character: 0 } };
  const expectError = async (method: string, code: number, when: string) => {
    cases++;
    try {
      await conn.sendRequest(method, hover);
      fail(`${method} ${when} was answered without error ${code}`);
    } catch (e: any) {
      if (e?.code !== code) fail(`${method} ${when} answered ${e?.code} instead of ${code}`);
    }
  };
  try {
    for (const m of ['textDocument/hover', 'textDocument/codeLens', 'textDocument/references']) await expectError(m, -32002, 'before initialize');
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendNotification('initialized', {});
    await conn.sendRequest('shutdown');
    for (const m of ['textDocument/hover', 'textDocument/documentSymbol']) await expectError(m, -32600, 'after shutdown');
    // Then a broken header: the server must exit non-zero instead of staying deaf.
    cases++;
    child.stdin.write('Content-Type: text/plain\r\n\r\n{}');
    const code = await Promise.race([exit, new Promise<number>((r) => setTimeout(() => r(-999), 10000))]);
    if (code === 0 || code === -999) fail(`a broken header left the server ${code === -999 ? 'running' : 'exiting with 0'}`);
  } finally {
    conn.dispose();
    child.kill();
  }
  return cases;
}

function parseArgs(argv: string[]): FuzzOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seed = Number(get('seed') ?? 1);
  const time = Number(get('time') ?? 60);
  const sequence = get('sequence');
  return { seed, timeMs: time * 1000, sequence: sequence === undefined ? undefined : Number(sequence), log: (l) => process.stdout.write(l + '\n') };
}

export function summary(r: FuzzReport): string {
  return [
    `fuzz: seed ${r.seed}: ${r.sequences} sequences, ${r.edits} edits, ${r.requests} requests, ${r.quickFixes} quick fixes and ${r.renames} renames applied (${r.reversed} renamed back to the original text), ${r.abuse} protocol-abuse cases; ${r.contentModified} requests overtaken by a change (ContentModified)`,
    `fuzz: slowest request: ${r.slowest.method} ${r.slowest.ms.toFixed(0)} ms`,
    r.failures.length ? `fuzz: ${r.failures.length} failure(s):\n${r.failures.map((f) => `  sequence ${f.sequence}: ${f.message}\n  ${f.reproducer}`).join('\n')}` : 'fuzz: no failures',
  ].join('\n');
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  process.stdout.write(`fuzz: seed ${options.seed}, ${options.sequence !== undefined ? `sequence ${options.sequence}` : `${options.timeMs / 1000} s`} against ${path.relative(process.cwd(), SERVER_JS)}\n`);
  runFuzz(options).then(
    (r) => {
      process.stdout.write(summary(r) + '\n');
      process.exit(r.failures.length ? 1 : 0);
    },
    (e) => {
      process.stdout.write(`fuzz: aborted: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(2);
    },
  );
}
