// Reading the workspace from disk, shared by the language server's hosts: a bounded walk of a
// folder and a strict UTF-8 read (a letter is never binary, never in a legacy encoding).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
/** The file path of a `file:` URI, or null for any other scheme (untitled, …). */
export function fsPathOf(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    // An untitled document opened at a path (the skeleton of a PDF question letter, beside it)
    // pairs as the file it will be saved as.
    if (u.scheme === 'untitled' && u.path.startsWith('/')) return u.fsPath;
    return u.scheme === 'file' ? u.fsPath : null;
  } catch {
    return null;
  }
}


/** The file names a letter may have: Markdown and plain text. */
export const LETTER_FILE = /\.(md|markdown|txt)$/i;

/** Whether a file name is a letter's. */
export function isLetterFile(name: string): boolean {
  return LETTER_FILE.test(name);
}

/** How deep and how many letter files a workspace walk takes, and the largest file it reads. */
export const WORKSPACE_LIMITS = { maxDepth: 6, files: 2000, bytes: 8 * 1024 * 1024 };

/** Letter files under `root` in name order, bounded in depth, count and size (the workspace check, `check MAP`). */
export function letterFiles(root: string, limit = WORKSPACE_LIMITS.files): string[] {
  return walkFiles(root, { maxDepth: WORKSPACE_LIMITS.maxDepth, limit, accept: (name, size) => isLetterFile(name) && size <= WORKSPACE_LIMITS.bytes });
}

export interface WalkOptions {
  maxDepth: number;
  limit: number;
  /** Which files to list, by name and size in bytes. */
  accept(name: string, size: number): boolean;
}

/** Files under `root` in name order; hidden folders and node_modules skipped; unreadable ones too. */
export function walkFiles(root: string, options: WalkOptions): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= options.limit) return;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = path.join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (depth < options.maxDepth) walk(p, depth + 1);
      } else if (st.isFile() && options.accept(name, st.size)) out.push(p);
    }
  };
  walk(root, 0);
  return out;
}

/**
 * The text of a letter's bytes, or null when they are not a letter's text: a NUL byte (a PDF,
 * Word file or image) or bytes that are not valid UTF-8. The one strict decoding every host uses.
 */
export function decodeLetter(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The file's text, or null when it cannot be read, holds a NUL byte or is not valid UTF-8. */
export function readUtf8(file: string): string | null {
  try {
    return decodeLetter(readFileSync(file));
  } catch {
    return null;
  }
}
