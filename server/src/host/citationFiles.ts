// The citation workspace of a document, for the language server: the letters and papers in its
// folder (and subfolders, two levels deep) on disk, with the open editors' texts taking
// precedence. Each file is read and analysed once per modification.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { fsPathOf, isLetterFile, readLetterFile, statLetterFile, walkLetterFiles, type ReadOptions } from './read';
import { findCitations, type Citations } from '../core/citations';
import { idFromFileName, type CitationDoc, type CitationWorkspace } from '../core/features/citationLookup';

const MAX_FILES = 400;
const MAX_DEPTH = 2;
const LISTING_TTL_MS = 2000;

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
  private readonly listings = new Map<string, { at: number; files: string[]; docs: Map<string, CitationDoc> }>();

  /**
   * @param open the documents open in the editor (their text is newer than the disk).
   * @param readOptions how files are read (`within` the workspace when it is untrusted).
   */
  constructor(
    private readonly open: () => OpenDoc[],
    private readonly readOptions: (dir: string) => ReadOptions = () => ({}),
  ) {}

  /**
   * The folder's files and the letters among them, read (asynchronously, through
   * `readLetterFile`) at most once per `LISTING_TTL_MS` and per modification.
   */
  private async list(dir: string): Promise<{ files: string[]; docs: Map<string, CitationDoc> }> {
    const hit = this.listings.get(dir);
    const now = Date.now();
    if (hit && now - hit.at < LISTING_TTL_MS) return hit;
    const files = await walkLetterFiles(dir, { maxDepth: MAX_DEPTH, limit: MAX_FILES, accept: () => true });
    const docs = new Map<string, CitationDoc>();
    for (const f of files) {
      if (!isLetterFile(f)) continue;
      const d = await this.load(f, this.readOptions(dir));
      if (d) docs.set(f, d);
    }
    const listing = { at: Date.now(), files, docs };
    this.listings.set(dir, listing);
    return listing;
  }

  private async load(file: string, opts: ReadOptions): Promise<CitationDoc | null> {
    const st = await statLetterFile(file, opts);
    if ('error' in st) return null;
    const hit = this.files.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.doc;
    const read = await readLetterFile(file, opts);
    if ('error' in read) return null;
    const doc: CitationDoc = { uri: URI.file(file).toString(), text: read.text, citations: findCitations(read.text) };
    this.files.set(file, { mtimeMs: read.mtimeMs, size: read.size, doc });
    return doc;
  }

  /** The workspace as seen from the document `uri` (which itself is left out). */
  async workspace(uri: string): Promise<CitationWorkspace> {
    const file = fsPathOf(uri);
    const dir = file ? path.dirname(file) : null;
    const listing = dir ? await this.list(dir) : { files: [], docs: new Map<string, CitationDoc>() };
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
          const d = listing.docs.get(f);
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
    this.files.delete(file);
    this.listings.clear();
  }

  clear(): void {
    this.files.clear();
    this.listings.clear();
  }
}
