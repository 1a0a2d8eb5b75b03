// The citation workspace of a document, for the language server and the CLI: the letters and
// papers in its folder (and subfolders, two levels deep) on disk, with the open editors' texts
// taking precedence. The letters on disk are read only when asked (`readLetters`), within
// CONTEXT_LIMITS (host/read.ts), the document's own folder first; each file is read and analysed
// once per modification, and what is kept in memory is bounded too.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { CONTEXT_LIMITS, FolderListings, MAX_LETTER_BYTES, fsPathOf, isLetterFile, readLetterFile, statLetterFile, walkLetterFiles, type ReadOptions } from './read';
import { findCitations, type Citations } from '../core/citations';
import { idFromFileName, type CitationDoc, type CitationWorkspace } from '../core/features/citationLookup';

const MAX_FILES = 400;
const MAX_DEPTH = 2;
/** Folders whose letters read are kept (each at most CONTEXT_LIMITS). */
const MAX_FOLDERS = 4;

interface Cached {
  mtimeMs: number;
  size: number;
  doc: CitationDoc;
}

export interface OpenDoc {
  uri: string;
  text: string;
  citations: () => Citations;
}

export class CitationFiles {
  private readonly files = new Map<string, Cached>();
  /** Bytes of the texts in `files` (kept below twice the context budget). */
  private cachedBytes = 0;
  private readonly listings = new Map<string, { at: number; generation: number; files: string[]; docs?: Map<string, CitationDoc> }>();

  /**
   * @param open the documents open in the editor (their text is newer than the disk).
   * @param readOptions how files are read (`within` the workspace when it is untrusted).
   * @param folders the folder listings shared with the other walks; what is built on them here
   *   holds as long as they do (their time to live, until cleared).
   */
  constructor(
    private readonly open: () => OpenDoc[],
    private readonly readOptions: (dir: string) => ReadOptions = () => ({}),
    private readonly folders: FolderListings = new FolderListings(),
  ) {}

  /**
   * The folder's letter and paper files (names only), and with `readLetters` the letters among
   * them read (asynchronously, through `readLetterFile`): at most `CONTEXT_LIMITS.letters`
   * letters and `CONTEXT_LIMITS.bytes` together, those of the folder itself before those of its
   * subfolders, `skip` (the document itself) left out. Once per listing of the folder (until a
   * file changes on disk or the listing's time to live has passed), not once per keystroke.
   */
  private async list(dir: string, readLetters: boolean, skip: string | null): Promise<{ files: string[]; docs?: Map<string, CitationDoc> }> {
    const hit = this.listings.get(dir);
    const now = Date.now();
    const generation = this.folders.generation;
    const fresh = hit && hit.generation === generation && now - hit.at < this.folders.ttlMs() ? hit : undefined;
    if (fresh && (fresh.docs || !readLetters)) return fresh;
    const files =
      fresh?.files ??
      (await walkLetterFiles(dir, { maxDepth: MAX_DEPTH, limit: MAX_FILES, listings: this.folders, acceptName: (name) => isLetterFile(name) || idFromFileName(name) !== null, accept: () => true }));
    let docs: Map<string, CitationDoc> | undefined;
    if (readLetters) {
      docs = new Map();
      // The folder's own letters first, then those of its subfolders (each in name order).
      const letters = files.filter((f) => isLetterFile(f) && f !== skip).sort((a, b) => depthOf(a) - depthOf(b));
      let bytes = 0;
      for (const f of letters) {
        if (docs.size >= CONTEXT_LIMITS.letters) break;
        const opts = { ...this.readOptions(dir), maxBytes: Math.min(MAX_LETTER_BYTES, CONTEXT_LIMITS.bytes - bytes) };
        const d = await this.load(f, opts);
        if (!d) continue;
        docs.set(f, d.doc);
        bytes += d.size;
      }
    }
    const listing = { at: fresh?.at ?? now, generation, files, docs };
    this.listings.delete(dir);
    this.listings.set(dir, listing);
    for (const k of this.listings.keys()) {
      if (this.listings.size <= MAX_FOLDERS) break;
      this.listings.delete(k);
    }
    return listing;
  }

  private async load(file: string, opts: ReadOptions): Promise<{ doc: CitationDoc; size: number } | null> {
    const st = await statLetterFile(file, opts);
    if ('error' in st) return null;
    const hit = this.files.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return { doc: hit.doc, size: hit.size };
    const read = await readLetterFile(file, opts);
    if ('error' in read) return null;
    const doc: CitationDoc = { uri: URI.file(file).toString(), text: read.text, citations: findCitations(read.text) };
    this.remember(file, { mtimeMs: read.mtimeMs, size: read.size, doc });
    return { doc, size: read.size };
  }

  /** Keep a file read; the oldest are forgotten when the texts kept pass twice the context budget. */
  private remember(file: string, entry: Cached): void {
    const old = this.files.get(file);
    if (old) {
      this.cachedBytes -= old.size;
      this.files.delete(file);
    }
    this.files.set(file, entry);
    this.cachedBytes += entry.size;
    for (const [f, e] of this.files) {
      if (this.cachedBytes <= 2 * CONTEXT_LIMITS.bytes || f === file) break;
      this.files.delete(f);
      this.cachedBytes -= e.size;
    }
  }

  /**
   * The workspace as seen from the document `uri` (which itself is left out): the open
   * documents, the files named by a paper id, and with `readLetters` the letters on disk
   * (bounded, see `list`).
   */
  async workspace(uri: string, readLetters = true): Promise<CitationWorkspace> {
    const file = fsPathOf(uri);
    const dir = file ? path.dirname(file) : null;
    const listing = dir ? await this.list(dir, readLetters, file) : { files: [], docs: undefined };
    const files = listing.files;
    // Taken after the await: the open documents as they are now.
    const openDocs = this.open();
    return {
      documents(): CitationDoc[] {
        const out: CitationDoc[] = [];
        const seen = new Set<string>([uri]);
        for (const o of openDocs) {
          if (seen.has(o.uri)) continue;
          seen.add(o.uri);
          out.push({ uri: o.uri, text: o.text, citations: o.citations() });
        }
        for (const f of files) {
          if (!isLetterFile(f)) continue;
          const fu = URI.file(f).toString();
          if (seen.has(fu)) continue;
          const d = listing.docs?.get(f);
          if (d) {
            seen.add(fu);
            out.push(d);
          }
        }
        return out;
      },
      paperFiles(): { uri: string; id: string }[] {
        const out: { uri: string; id: string }[] = [];
        for (const f of files) {
          const id = idFromFileName(path.basename(f));
          if (id) out.push({ uri: URI.file(f).toString(), id });
        }
        return out;
      },
    };
  }

  /** Forget one file and every folder listing (the file may have appeared or gone). */
  forget(file: string): void {
    const old = this.files.get(file);
    if (old) this.cachedBytes -= old.size;
    this.files.delete(file);
    this.listings.clear();
  }

  clear(): void {
    this.files.clear();
    this.cachedBytes = 0;
    this.listings.clear();
  }
}

/** Path depth, to read a folder's own letters before those of its subfolders. */
function depthOf(file: string): number {
  let n = 0;
  for (const c of file) if (c === '/' || c === '\\') n++;
  return n;
}
