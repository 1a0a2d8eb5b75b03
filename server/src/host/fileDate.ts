// The date of a letter's file, for letters whose header carries no date.
import { statSync } from 'node:fs';
import { URI } from 'vscode-uri';

/** The local calendar date (`YYYY-MM-DD`) the file at a `file:` URI was last modified, or null. */
export function fileDate(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    const st = statSync(URI.parse(uri).fsPath);
    if (!st.isFile()) return null;
    return localIsoDate(st.mtime);
  } catch {
    return null;
  }
}

/** `YYYY-MM-DD` of a moment in the local time zone. */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
