// Letters as they arrive: the text of a PDF or a Word (.docx) file, for the CLI and the
// language server. The parsers (pdf.js, mammoth) live in a separate bundle, dist/extract.js,
// run in a worker thread started the first time a PDF or Word file is read: nothing of them
// loads with the server or the CLI, and a file that would take too long or too much memory
// ends the thread, never the host. Every failure is one Dutch line naming the file.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { readFileBytes, walkFolder, WORKSPACE_LIMITS, type FolderListings, type ReadOptions, type WalkResult } from '../read';
import * as path from 'node:path';
import { LIMITS, type EngineReply, type EngineRequest, type ExtractFailure, type ExtractKind } from './types';
import { lastStartingAtOrBefore } from '../../core/text';

export type { ExtractKind } from './types';

/** Extracted text of a PDF or Word file. Offsets are UTF-16 offsets into `text`. */
export interface Extracted {
  text: string;
  source: ExtractKind;
  /** Offset at which each page starts (PDF only; empty for Word, which has no fixed pages). */
  pageStarts: number[];
  /** The 1-based page holding `offset`, or null for Word. */
  pageOf(offset: number): number | null;
}

export type ExtractOutcome = Extracted | { error: string };

/** Size bounds of the file itself, before anything is parsed. */
export const MAX_FILE_BYTES: Record<ExtractKind, number> = { pdf: 40 * 1024 * 1024, docx: 20 * 1024 * 1024 };
/** How long one file may take, and how much heap the worker may use. */
export const TIME_LIMIT_MS = 20_000;
const HEAP_LIMIT_MB = 384;

/** The extraction kind of a file name (by its extension), or null for a text letter. */
export function extractKind(file: string): ExtractKind | null {
  const ext = path.extname(file).toLowerCase();
  return ext === '.pdf' ? 'pdf' : ext === '.docx' ? 'docx' : null;
}

/** A count as Dutch writes it ("200.000"). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0).replace('.', ',');
}

/**
 * A file of another kind than its extension says (`detail`: what `sniff` found: 'pdf', 'docx',
 * 'zip', 'encrypted-office', 'doc'), as one Dutch line naming what it is and what to do.
 */
export function wrongKindMessage(name: string, detail: string | undefined): string {
  const ext = path.extname(name) || '(geen)';
  switch (detail) {
    case 'pdf':
      return `${name} is een PDF-bestand met de extensie ${ext}; geef het de extensie .pdf`;
    case 'docx':
      return `${name} is een Word-bestand (.docx) met de extensie ${ext}; geef het de extensie .docx`;
    case 'encrypted-office':
      return `${name} is een met een wachtwoord beveiligd Word-bestand met de extensie ${ext}; sla een onbeveiligde versie op als .docx`;
    case 'doc':
      return `${name} is een oud Word-bestand (.doc); sla het in Word op als .docx`;
    default:
      return `${name} is een zip-bestand, geen ${ext === '.pdf' ? 'PDF' : 'brief'}`;
  }
}

function failureMessage(name: string, kind: ExtractKind, failure: ExtractFailure | 'timeout' | 'memory' | 'worker', detail?: string, limitMs = TIME_LIMIT_MS, heapMb = HEAP_LIMIT_MB): string {
  switch (failure) {
    case 'no-text':
      return kind === 'pdf'
        ? `${name} heeft geen tekstlaag (gescand?); laat er eerst doorzoekbare tekst van maken (OCR) of vraag om de tekstversie`
        : `${name} bevat geen tekst`;
    case 'encrypted':
      return `${name} is beveiligd met een wachtwoord; sla een onbeveiligde versie op en lees die`;
    case 'legacy-doc':
      return `${name} is een oud Word-bestand (.doc); sla het in Word op als .docx`;
    case 'wrong-kind':
      return wrongKindMessage(name, detail);
    case 'too-big':
      if (detail === 'text') return `${name} bevat te veel tekst om als brief te lezen`;
      if (detail === 'inflate') return `${name} pakt uit tot meer dan ${LIMITS.pdfStreamBytes / (1024 * 1024)} MB per onderdeel of ${LIMITS.pdfInflatedBytes / (1024 * 1024)} MB samen (een PDF-bom?); niet gelezen`;
      if (detail === 'entries') return `${name} bestaat uit meer dan ${thousands(LIMITS.docxEntries)} onderdelen (een Word-bestand heeft er enkele tientallen); niet gelezen`;
      if (detail === 'items')
        return `${name} is te groot om als brief te lezen: de tekst bestaat uit meer dan ${thousands(LIMITS.docxItems)} onderdelen (alinea's, tekststukken, opmaak); een lange brief heeft er enkele tienduizenden`;
      if (detail === 'depth') return `${name} is dieper dan ${LIMITS.docxDepth} lagen in elkaar genest; beschadigd of geen gewoon Word-bestand, niet gelezen`;
      return `${name} pakt uit tot meer dan ${LIMITS.docxUnpackedBytes / (1024 * 1024)} MB (een zip-bom?); niet gelezen`;
    case 'too-many-pages':
      return `${name} heeft te veel pagina's (${detail}) om als brief te lezen`;
    case 'timeout':
      return `${name} kon niet binnen ${Math.max(1, Math.round(limitMs / 1000))} ${limitMs <= 1000 ? 'seconde' : 'seconden'} gelezen worden (beschadigd of te zwaar?)`;
    case 'memory':
      // The worker ran out of its heap: the file is too big for the bound, whether it is whole or not.
      return `${name} is te groot om te lezen: het lezen vraagt meer dan de grens van ${heapMb} MB geheugen`;
    case 'worker':
      return `${name} kon niet gelezen worden: de lezer voor PDF en Word ${detail ?? 'faalde'}`;
    case 'damaged':
    default:
      if (detail === 'truncated') return `${name} is onvolledig (het bestand houdt halverwege op); sla de PDF opnieuw op of download hem opnieuw`;
      return kind === 'pdf' ? `${name} is beschadigd of geen PDF` : `${name} is beschadigd of geen Word-bestand (.docx)`;
  }
}

/** dist/extract.js beside the running bundle, or (running from source under tsx) in the repo's dist/. */
function engineFile(): string | null {
  for (const p of [path.join(__dirname, 'extract.js'), path.resolve(__dirname, '../../../../dist/extract.js')]) if (existsSync(p)) return p;
  return null;
}

/**
 * The worker's entry (run with `eval`): compiles the bundle at `workerData.file` with V8's code
 * cache beside it (`extract.cache`, written by `npm run build` after reading the built-in sample:
 * it holds the bytecode of the pdf.js code a letter needs, so a fresh process does not compile it
 * again). V8 checks the cache against the source and its own version and flags and compiles
 * afresh when it does not fit (another Node, a newer bundle, a damaged file). With
 * `workerData.makeCache`, the engine writes the cache after its warm-up (`writeCodeCache`).
 */
const LOADER = `'use strict';
const { workerData } = require('node:worker_threads');
const vm = require('node:vm');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { file, cache, makeCache } = workerData;
let cachedData;
if (!makeCache) try { cachedData = fs.readFileSync(cache); } catch {}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
if (makeCache) globalThis[Symbol.for('antwoordbrief.writeCodeCache')] = () => {
  const tmp = cache + '.' + process.pid + '.tmp';
  fs.writeFileSync(tmp, script.createCachedData());
  fs.renameSync(tmp, cache);
};
const m = { exports: {} };
script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
`;

function pageLookup(starts: number[]): (offset: number) => number | null {
  if (!starts.length) return () => null;
  return (offset) => Math.max(0, lastStartingAtOrBefore(starts, offset, (s) => s)) + 1;
}

/**
 * One worker thread, started on the first request and kept for the next ones (unref'd while
 * idle, so a CLI run exits when done). Requests run one at a time.
 */
export class Extractor {
  private worker: Worker | null = null;
  private makeCache = false;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * @param heapLimitMb the worker's heap (old generation) bound; decoded data is bounded by the checks in the worker.
   * @param engine the worker bundle (default: dist/extract.js, found by `engineFile`); the benchmark runs the built one from elsewhere.
   */
  constructor(
    private readonly timeLimitMs = TIME_LIMIT_MS,
    private readonly heapLimitMb = HEAP_LIMIT_MB,
    private readonly engine: string | null = null,
  ) {}

  /**
   * The text of `input` (a path, or the file's bytes with `name` for messages).
   * @param read how a path is read (host/read.ts): `within` the workspace folders when the
   *   workspace is untrusted; the size bound is the extractor's own (`MAX_FILE_BYTES`).
   * @returns the text with its page starts, or `{ error }`: one Dutch line naming the file.
   */
  extract(input: string | Uint8Array, kind?: ExtractKind | null, name?: string, read: ReadOptions = {}): Promise<ExtractOutcome> {
    const run = this.queue.then(() => this.extractNow(input, kind, name, read));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async extractNow(input: string | Uint8Array, kindArg: ExtractKind | null | undefined, nameArg: string | undefined, readOptions: ReadOptions): Promise<ExtractOutcome> {
    const name = nameArg ?? (typeof input === 'string' ? input : 'het bestand');
    const kind = kindArg ?? (typeof input === 'string' ? extractKind(input) : null);
    if (!kind) return { error: `${name} is geen PDF of Word-bestand (.pdf, .docx)` };
    let bytes: Uint8Array;
    if (typeof input === 'string') {
      const read = await readBounded(input, name, kind, readOptions);
      if ('error' in read) return read;
      bytes = read.bytes;
    } else {
      if (input.byteLength > MAX_FILE_BYTES[kind]) return { error: tooBig(name, input.byteLength, kind) };
      bytes = input;
    }
    const reply = await this.ask({ id: this.nextId++, kind, bytes });
    if ('fail' in reply) return { error: failureMessage(name, kind, reply.fail, reply.detail, this.timeLimitMs, this.heapLimitMb) };
    if (!reply.ok) return { error: failureMessage(name, kind, reply.failure, reply.detail) };
    return { text: reply.text, source: kind, pageStarts: reply.pageStarts, pageOf: pageLookup(reply.pageStarts) };
  }

  /**
   * Starts the worker and has it read a small built-in PDF, so that the first real file finds
   * pdf.js loaded and warm (the editor prefetches when its workspace holds a PDF or Word file).
   * Reads no file; bounded like an extraction; resolves to whether the worker is ready.
   */
  prefetch(): Promise<boolean> {
    const run = this.queue.then(async () => {
      if (this.worker) return true;
      const reply = await this.ask({ id: this.nextId++, kind: 'warm' });
      return 'ok' in reply && reply.ok;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes the code cache of the worker bundle (`extract.cache` beside it) after reading the
   * built-in sample; `npm run build` calls it (scripts/extract-cache.ts). Resolves to whether it was written.
   */
  async writeCodeCache(): Promise<boolean> {
    await this.close();
    this.makeCache = true;
    try {
      const reply = await this.ask({ id: this.nextId++, kind: 'warm' });
      return 'ok' in reply && reply.ok;
    } finally {
      await this.close();
      this.makeCache = false;
    }
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    const file = this.engine ?? engineFile();
    if (!file) return null;
    const w = new Worker(LOADER, {
      eval: true,
      workerData: { file, cache: file.replace(/\.js$/u, '.cache'), makeCache: this.makeCache },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb, maxYoungGenerationSizeMb: Math.min(32, this.heapLimitMb) },
    });
    // A worker that dies while no request is waiting (an error or its heap running out after it
    // replied) must not become an 'error' event without a listener, which would end the host
    // with Node's stack trace: the next request starts a fresh worker.
    const forget = () => {
      if (this.worker === w) this.worker = null;
    };
    w.on('error', forget);
    w.on('exit', forget);
    w.unref();
    this.worker = w;
    return w;
  }

  private ask(req: EngineRequest): Promise<EngineReply | { fail: 'timeout' | 'memory' | 'worker'; detail?: string }> {
    const w = this.start();
    if (!w) return Promise.resolve({ fail: 'worker', detail: 'ontbreekt (dist/extract.js niet gevonden)' });
    const id = req.id;
    return new Promise((resolve) => {
      let settled = false;
      const done = (r: EngineReply | { fail: 'timeout' | 'memory' | 'worker'; detail?: string }, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          if (this.worker === w) this.worker = null;
          void w.terminate();
        } else {
          w.unref();
        }
        resolve(r);
      };
      const onMessage = (m: EngineReply) => {
        if (m && m.id === id) done(m, false);
      };
      // The error's own text is English (a stack overflow, a parser's exception): the line says what happened in Dutch.
      const onError = (e: Error & { code?: string }) => done(e?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { fail: 'memory' } : { fail: 'worker', detail: 'liep vast op dit bestand' }, true);
      const onExit = () => done({ fail: 'worker', detail: 'stopte onverwacht' }, true);
      const timer = setTimeout(() => done({ fail: 'timeout' }, true), this.timeLimitMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.ref();
      w.postMessage(req);
    });
  }

  /** Ends the worker thread, if one runs. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

function tooBig(name: string, size: number, kind: ExtractKind): string {
  return `${name} is te groot (${mb(size)} MB; de grens voor ${kind === 'pdf' ? 'een PDF' : 'een Word-bestand'} is ${mb(MAX_FILE_BYTES[kind])} MB)`;
}

/** The bytes of a regular file no larger than the bound for its kind (read by host/read.ts). */
async function readBounded(file: string, name: string, kind: ExtractKind, opts: ReadOptions): Promise<{ bytes: Uint8Array } | { error: string }> {
  const read = await readFileBytes(file, { ...opts, maxBytes: MAX_FILE_BYTES[kind] });
  if (!('error' in read)) return { bytes: read.bytes };
  if (read.error === 'too-large' && read.size !== undefined) return { error: tooBig(name, read.size, kind) };
  return { error: `${name}: ${read.reason}` };
}

/** The process's one extractor (the worker is shared by every caller in a process). */
export const extractor = new Extractor();

/**
 * `extractText(path | bytes, kind)`: the text of a PDF or Word file, `{ text, pageOf(offset) }`,
 * or `{ error }` with one Dutch line ("… heeft geen tekstlaag (gescand?)").
 */
export function extractText(input: string | Uint8Array, kind?: ExtractKind | null, name?: string, read?: ReadOptions): Promise<ExtractOutcome> {
  return extractor.extract(input, kind, name, read);
}

/** PDF and Word files under a folder, as `letterFiles` walks it (`check MAP`, the workspace check). */
export async function extractedFilesUnder(dir: string, listings?: FolderListings): Promise<string[]> {
  return (await extractedFilesWalk(dir, listings)).files;
}

/** `extractedFilesUnder` with why the list was cut, if it was (see `walkNotice` in host/read.ts). */
export function extractedFilesWalk(dir: string, listings?: FolderListings): Promise<WalkResult> {
  const isExtracted = (name: string) => extractKind(name) !== null;
  return walkFolder(dir, { maxDepth: WORKSPACE_LIMITS.maxDepth, limit: WORKSPACE_LIMITS.files, listings, acceptName: isExtracted, accept: isExtracted });
}
