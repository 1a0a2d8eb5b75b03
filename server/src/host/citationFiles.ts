// The citation workspace of a document, for the language server: the letters and papers in its
// folder (and subfolders, two levels deep) on disk, with the open editors' texts taking
// precedence. Each file is read and analysed once per modification.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { fsPathOf, isLetterFile, readUtf8, walkFiles } from './files';
import { findCitations, type Citations } from '../core/citations';
import { idFromFileName, type CitationDoc, type CitationWorkspace } from '../core/features/citationLookup';

const MAX_BYTES = 4 * 1024 * 1024;
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
  private readonly listings = new Map<string, { at: number; files: string[] }>();

  /** @param open the documents open in the editor (their text is newer than the disk). */
  constructor(private readonly open: () => OpenDoc[]) {}

  private list(dir: string): string[] {
    const hit = this.listings.get(dir);
    const now = Date.now();
    if (hit && now - hit.at < LISTING_TTL_MS) return hit.files;
    const out = walkFiles(dir, { maxDepth: MAX_DEPTH, limit: MAX_FILES, accept: () => true });
    this.listings.set(dir, { at: now, files: out });
    return out;
  }

  private load(file: string): CitationDoc | null {
    let st;
    try {
      st = statSync(file);
    } catch {
      return null;
    }
    if (st.size > MAX_BYTES) return null;
    const hit = this.files.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.doc;
    const text = readUtf8(file);
    if (text === null) return null;
    const doc: CitationDoc = { uri: URI.file(file).toString(), text, citations: findCitations(text) };
    this.files.set(file, { mtimeMs: st.mtimeMs, size: st.size, doc });
    return doc;
  }

  /** The workspace as seen from the document `uri` (which itself is left out). */
  workspace(uri: string): CitationWorkspace {
    const openDocs = this.open();
    const file = fsPathOf(uri);
    const dir = file ? path.dirname(file) : null;
    const files = dir ? this.list(dir) : [];
    const load = (f: string) => this.load(f);
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
          const d = load(f);
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
