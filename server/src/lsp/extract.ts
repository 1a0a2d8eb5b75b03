// Host wiring of issue 15 in the language server: the extracted text of a PDF or Word file
// ("Open als tekst"), the skeleton of such a question letter, and PDF/Word question letters
// linked from an answer letter (read in the background, then the letters using them are
// checked again). Extraction runs in the worker of host/extract; nothing loads before the
// first PDF or Word file is asked for.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { extractKind, extractText, extractor } from '../host/extract/index';
import type { LetterFiles } from '../host/pairFiles';
import { parseLetter } from '../core/letter/parse';
import { makeSkeleton, skeletonCursor } from '../core/skeleton';
import {
  ExtractTextRequest,
  SkeletonFromFileRequest,
  type ExtractTextParams,
  type ExtractTextResult,
  type SkeletonFromFileParams,
  type SkeletonFromFileResult,
} from '../protocol';
import { runSafe } from './runner';
import { readLetterFile, walkLetterFiles, WORKSPACE_LIMITS, type ReadOptions } from '../host/read';
import { questionLetterRef } from '../core/pair/link';

function fileOf(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : null;
  } catch {
    return null;
  }
}

/** Extraction for the pair's question letters: one read per file version, then `changed`. */
export class ExtractedQuestionLetters {
  private readonly pending = new Map<string, Promise<void>>();

  /** @param readOptions how a named file is read (only `within` the workspace folders when the workspace is untrusted). */
  constructor(
    private readonly changed: (file: string) => void,
    private readonly readOptions: () => ReadOptions = () => ({}),
  ) {}

  /** LetterFiles' `onMissing`: read the file in the background and hand the text to `files`. */
  missing(files: LetterFiles, file: string): void {
    if (this.pending.has(file)) return;
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return;
    }
    const run = extractText(file, extractKind(file), path.basename(file), this.readOptions())
      .then((r) => files.provide(file, 'error' in r ? { error: r.error } : { text: r.text }, stat))
      .catch((e) => files.provide(file, { error: `${path.basename(file)} kon niet gelezen worden (${String((e as Error)?.message ?? e)})` }, stat))
      .finally(() => {
        this.pending.delete(file);
        this.changed(file);
      });
    this.pending.set(file, run);
  }

  /**
   * The text of a PDF or Word file (or a Dutch reason), waiting for its extraction if it has not
   * been read in this version: the workspace check diagnoses nothing before its letters are read.
   */
  async read(files: LetterFiles, file: string): Promise<{ text: string } | { error: string }> {
    const first = await files.load(file);
    if (!('pending' in first && first.pending)) return first;
    await this.pending.get(path.resolve(file));
    const again = await files.load(file);
    return 'pending' in again && again.pending ? { error: `${path.basename(file)} kon niet gelezen worden` } : again;
  }
}

/** Registers "Open als tekst" and the skeleton of a PDF or Word question letter. */
export function registerExtract(connection: Connection): void {
  connection.onRequest(
    ExtractTextRequest,
    runSafe<ExtractTextParams, ExtractTextResult>(connection, 'extractText', { error: 'Kan dit bestand niet lezen.' }, async ({ uri }) => {
      const file = fileOf(uri);
      const kind = file ? extractKind(file) : null;
      if (!file || !kind) return { error: 'Alleen een PDF- of Word-bestand (.pdf, .docx) op schijf kan als tekst worden geopend.' };
      const r = await extractText(file, kind, path.basename(file));
      return 'error' in r ? { error: r.error } : { text: r.text, source: r.source, pageStarts: r.pageStarts };
    }),
  );

  connection.onRequest(
    SkeletonFromFileRequest,
    runSafe<SkeletonFromFileParams, SkeletonFromFileResult>(connection, 'skeletonFromFile', { error: 'Kan van dit bestand geen antwoordopzet maken.' }, async ({ uri }) => {
      const file = fileOf(uri);
      if (!file) return { error: 'Kies een vragenbrief op schijf.' };
      let text: string;
      if (extractKind(file)) {
        const r = await extractText(file, extractKind(file), path.basename(file));
        if ('error' in r) return { error: r.error };
        text = r.text;
      } else {
        const t = await readLetterFile(file);
        if ('error' in t) return { error: `${path.basename(file)}: ${t.reason}.` };
        text = t.text;
      }
      const letter = parseLetter(text);
      const questionCount = letter.questions.filter((u) => u.answer.status !== 'context').length;
      if (!questionCount) return { error: `In ${path.basename(file)} zijn geen vragen gevonden; er is geen antwoordopzet gemaakt.` };
      const markdown = makeSkeleton(letter, text, { questionLetterRef: `./${path.basename(file)}` });
      return { markdown, questionCount, cursor: skeletonCursor(markdown) };
    }),
  );
}

/** How long after the first publish the prefetch looks for PDF and Word files. */
const PREFETCH_DELAY_MS = 500;

/**
 * The editor's prefetch of the extraction worker: once, a moment after the first diagnostics
 * were published (never before the first squiggle of a text letter), when an open letter names a
 * PDF or Word question letter or a workspace folder holds a PDF or Word file, the worker starts
 * and reads a built-in sample, so the drafter's first PDF finds pdf.js loaded and warm.
 */
export class ExtractPrefetch {
  private scheduled = false;

  constructor(
    private readonly folders: () => string[],
    private readonly openTexts: () => string[],
    private readonly log: (message: string) => void,
  ) {}

  /** Called after each publish; only the first one schedules the prefetch. */
  afterPublish(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => void this.run().catch(() => undefined), PREFETCH_DELAY_MS).unref?.();
  }

  private async run(): Promise<void> {
    if (!(await this.needed())) return;
    if (await extractor.prefetch()) this.log('Antwoordbrief: de lezer voor PDF en Word staat klaar.');
  }

  private async needed(): Promise<boolean> {
    for (const text of this.openTexts()) {
      const ref = questionLetterRef(text);
      if (ref && extractKind(ref.target)) return true;
    }
    for (const folder of this.folders()) {
      const found = await walkLetterFiles(folder, { maxDepth: WORKSPACE_LIMITS.maxDepth, limit: 1, acceptName: (name) => extractKind(name) !== null, accept: () => true });
      if (found.length) return true;
    }
    return false;
  }
}
