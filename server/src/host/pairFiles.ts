// Finding an answer letter's question letter on disk, for the language server and the CLI:
// the named one (front matter, comment, setting) or one discovered in the same folder.
import * as path from 'node:path';
import type { Letter } from '../core/model';
import { isQuestionLetter, linkQuestionLetter, questionLetterRef } from '../core/pair/link';
import { answerOnlyHeadings } from '../core/pair/answerOnly';
import { parseLetter } from '../core/letter/parse';
import { CONTEXT_LIMITS, displayPath, FolderListings, isLetterFile, readLetterFile, statLetterFile, walkFolder, type ReadOptions } from './read';
import type { LinkVia } from '../core/pair/state';

/** How the question letter was found (shown to the user in Dutch by `viaText` in core/pair/state.ts). */
export type { LinkVia };

export interface QuestionLetterLink {
  path: string;
  via: LinkVia;
  letter: Letter;
  text: string;
}

export type LinkOutcome = { link: QuestionLetterLink } | { error: string; path?: string; pending?: boolean } | null;

/** PDF and Word letters: read by the host through the extractor, then `provide`d here. */
const EXTRACTED_EXT = /\.(pdf|docx)$/iu;

/** Reads and parses letters, each file once per modification (through `readLetterFile`). */
export class LetterFiles {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; text: string; letter: Letter; generation: number; at: number }>();

  /**
   * @param openText the text of a file open in an editor (newer than the disk), if any.
   * @param readOptions how files are read (e.g. `within` the workspace folders when untrusted).
   * @param onMissing called when a PDF or Word file is asked for that no host has provided yet (or that changed).
   * @param listings the folder listings shared with the other walks (host/read.ts).
   */
  constructor(
    private readonly openText: (file: string) => string | undefined = () => undefined,
    private readonly readOptions: () => ReadOptions = () => ({}),
    private readonly onMissing: (file: string) => void = () => undefined,
    private readonly listings: FolderListings = new FolderListings(),
  ) {}

  private readonly provided = new Map<string, { mtimeMs: number; size: number; result: { text: string; letter: Letter } | { error: string } }>();

  /**
   * The text extracted from a PDF or Word file (or why there is none), as read at `stat`: the
   * extraction is asynchronous and bounded apart (host/extract), so the host reads the file and
   * hands the result in here.
   */
  provide(file: string, outcome: { text: string } | { error: string }, stat: { mtimeMs: number; size: number }): void {
    const result = 'error' in outcome ? { error: outcome.error } : { text: outcome.text, letter: parseLetter(outcome.text) };
    this.provided.set(path.resolve(file), { mtimeMs: stat.mtimeMs, size: stat.size, result });
  }

  /** The provided text of a PDF or Word file, or a Dutch reason; `onMissing` when not (yet) read. */
  private async loadExtracted(file: string): Promise<{ text: string; letter: Letter } | { error: string; pending?: boolean }> {
    const name = displayPath(path.basename(file));
    // As for a text letter: in an untrusted workspace only a file inside its folders is followed
    // (host/read.ts); the extractor bounds the size itself.
    const st = await statLetterFile(file, { ...this.readOptions(), maxBytes: Number.MAX_SAFE_INTEGER });
    if ('error' in st) return { error: st.error === 'not-found' ? `de vragenbrief ${name} bestaat niet` : `de vragenbrief ${name}: ${st.reason}` };
    const hit = this.provided.get(path.resolve(file));
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.result;
    this.onMissing(path.resolve(file));
    return { error: `${name} wordt nog gelezen`, pending: true };
  }

  /**
   * A PDF or Word file's text as provided and still current, without asking the host to read it
   * (the question-letter picker lists such files unread); null when it has not been read (or changed since).
   */
  async peekExtracted(file: string): Promise<{ text: string; letter: Letter } | { error: string } | null> {
    const st = await statLetterFile(file, { ...this.readOptions(), maxBytes: Number.MAX_SAFE_INTEGER });
    if ('error' in st) return null;
    const hit = this.provided.get(path.resolve(file));
    return hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size ? hit.result : null;
  }

  /** The text and letter of a file, or a Dutch reason why it cannot be read. */
  async load(file: string): Promise<{ text: string; letter: Letter } | { error: string; pending?: boolean }> {
    const open = this.openText(file);
    if (open !== undefined) return { text: open, letter: this.parse(file, open, -1, open.length) };
    if (EXTRACTED_EXT.test(file)) return this.loadExtracted(file);
    const name = displayPath(path.basename(file));
    const opts = this.readOptions();
    const cached = this.cache.get(file);
    if (cached) {
      // Read since the folder listings were last cleared and within their time to live: not looked at again
      // (checking every letter of a folder looks at each candidate once, issue 10).
      if (cached.generation === this.listings.generation && Date.now() - cached.at < this.listings.ttlMs()) return cached;
      const st = await statLetterFile(file, opts);
      if (!('error' in st) && cached.mtimeMs === st.mtimeMs && cached.size === st.size) {
        cached.generation = this.listings.generation;
        cached.at = Date.now();
        return cached;
      }
    }
    const read = await readLetterFile(file, opts);
    if ('error' in read) {
      if (read.error === 'not-found') return { error: `de vragenbrief ${name} bestaat niet` };
      return { error: `de vragenbrief ${name}: ${read.reason}` };
    }
    return { text: read.text, letter: this.parse(file, read.text, read.mtimeMs, read.size) };
  }

  private parse(file: string, text: string, mtimeMs: number, size: number): Letter {
    const cached = this.cache.get(file);
    if (cached && cached.text === text) return cached.letter;
    const letter = parseLetter(text);
    if (mtimeMs >= 0) {
      this.cache.delete(file);
      this.cache.set(file, { mtimeMs, size, text, letter, generation: this.listings.generation, at: Date.now() });
      // Bounded: the letters of about two folders' candidates (the oldest read forgotten first).
      for (const k of this.cache.keys()) {
        if (this.cache.size <= 2 * CONTEXT_LIMITS.candidates) break;
        this.cache.delete(k);
      }
    }
    return letter;
  }

  /** Forget the letters read. */
  clear(): void {
    this.cache.clear();
  }

  /**
   * Letter files in a folder (not recursive), sorted by name; PDF and Word files once provided;
   * at most `CONTEXT_LIMITS.candidates` of them that are no larger than a question letter can be.
   */
  async list(dir: string, unread = false): Promise<string[]> {
    return (await this.listSized(dir, unread)).map((f) => f.file);
  }

  /**
   * `list` with each file's size in bytes, as the folder's listing looked at it (once per listing).
   * `unread`: PDF and Word files also before they are provided (the picker offers them unread).
   */
  async listSized(dir: string, unread = false): Promise<{ file: string; size: number }[]> {
    const walked = await walkFolder(dir, {
      maxDepth: 0,
      limit: CONTEXT_LIMITS.candidates + 1,
      listings: this.listings,
      acceptName: (name) => isLetterFile(name) || EXTRACTED_EXT.test(name),
      accept: (name, size) => (isLetterFile(name) && size <= CONTEXT_LIMITS.questionLetterBytes) || (EXTRACTED_EXT.test(name) && (unread || this.provided.has(path.resolve(dir, name)))),
    });
    return walked.files.map((file, i) => ({ file, size: walked.sizes[i] }));
  }
}

/**
 * The question letter of the answer letter at `file`: named in the letter, set in the settings
 * (`setting`, relative to the letter's folder), or discovered in the same folder.
 */
export async function findQuestionLetter(files: LetterFiles, file: string, text: string, letter: Letter, setting = ''): Promise<LinkOutcome> {
  const dir = path.dirname(file);
  const named = questionLetterRef(text);
  const explicit: { target: string; via: LinkVia } | null = named ? { target: named.target, via: named.via } : setting ? { target: setting, via: 'setting' } : null;
  if (explicit) {
    const target = path.resolve(dir, explicit.target);
    if (path.resolve(file) === target) return { error: 'de brief noemt zichzelf als vragenbrief', path: target };
    const loaded = await files.load(target);
    if ('error' in loaded) return { error: loaded.error, path: target, pending: loaded.pending };
    return { link: { path: target, via: explicit.via, letter: loaded.letter, text: loaded.text } };
  }
  if ((letter.questions.length === 0 && !answerOnlyHeadings(letter)) || isQuestionLetter(letter)) return null;
  // At most CONTEXT_LIMITS.candidates letters of the folder and CONTEXT_LIMITS.candidateBytes
  // together, the smallest first (a question letter is shorter than its answer; issue 10).
  const sized: { name: string; size: number }[] = [];
  for (const { file: other, size } of await files.listSized(dir)) {
    if (path.resolve(other) === path.resolve(file)) continue;
    sized.push({ name: other, size });
  }
  sized.sort((a, b) => a.size - b.size || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const candidates: { name: string; letter: Letter; text: string }[] = [];
  let bytes = 0;
  for (const { name: other, size } of sized) {
    if (candidates.length >= CONTEXT_LIMITS.candidates || bytes + size > CONTEXT_LIMITS.candidateBytes) break;
    const loaded = await files.load(other);
    if ('error' in loaded) continue;
    bytes += size;
    candidates.push({ name: other, letter: loaded.letter, text: loaded.text });
  }
  // Name order, as the candidates were compared before (the first best match wins).
  candidates.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found = linkQuestionLetter(letter, candidates);
  if (!found) return null;
  const c = candidates[found.index];
  return { link: { path: c.name, via: found.reason, letter: c.letter, text: c.text } };
}
