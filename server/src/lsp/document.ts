// The text of an open document, changed by the client's incremental edits without a copy of the
// whole text per edit.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** Past this many pieces the text is joined even before anyone asks for it (reads walk the pieces). */
const MAX_PIECES = 64;

/**
 * A `TextDocument` (the interface of vscode-languageserver-textdocument, whose behaviour it
 * keeps: positions clamped to the line's content, CRLF counted as one line break, line offsets
 * updated per change) that holds its text as pieces until someone reads it. The library's
 * document reads a character of its text at every change; in V8 that copies the whole text
 * (the concatenation of the edit is flattened), so a burst of keystrokes in a 10 MB letter left
 * a 20 MB copy per keystroke for the garbage collector. Here an edit splits pieces (slices of
 * the last joined text and the inserted texts; no copy), and `getText()` joins them once.
 * Offsets are UTF-16 code units.
 */
export class LetterDocument implements TextDocument {
  private pieces: string[];
  private length: number;
  private lineOffsets: number[];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    content: string,
  ) {
    this.pieces = [content];
    this.length = content.length;
    this.lineOffsets = lineOffsetsOf(content, true, 0);
  }

  get version(): number {
    return this._version;
  }

  get lineCount(): number {
    return this.lineOffsets.length;
  }

  getText(range?: Range): string {
    if (this.pieces.length !== 1) this.pieces = [this.pieces.join('')];
    const text = this.pieces[0];
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.lineOffsets;
    let low = 0;
    let high = lineOffsets.length;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEol(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.lineOffsets;
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.length;
    return this.beforeEol(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  /** The range of line `line`'s content (its line break left out). */
  getLineRange(line: number): Range {
    const lineOffsets = this.lineOffsets;
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lineOffsets[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line];
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  /** The line break that ends line `line` ('' for the last line). */
  getEOLCharacters(line: number): string {
    const lineOffsets = this.lineOffsets;
    if (line < 0 || line >= lineOffsets.length) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.length;
    const eol = this.beforeEol(next, lineOffsets[line]);
    let out = '';
    for (let i = eol; i < next; i++) out += String.fromCharCode(this.charCodeAt(i));
    return out;
  }

  /** Apply the client's changes in order (each range in the text as the earlier ones left it). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.pieces = [change.text];
        this.length = change.text.length;
        this.lineOffsets = lineOffsetsOf(change.text, true, 0);
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      this.splice(start, end, change.text);
      const insertedEnd = start + change.text.length;
      // A CRLF pair across an edit boundary is not in the inserted text's line offsets: count again.
      if ((this.charCodeAt(start - 1) === 13 && this.charCodeAt(start) === 10) || (this.charCodeAt(insertedEnd - 1) === 13 && this.charCodeAt(insertedEnd) === 10)) {
        this.lineOffsets = lineOffsetsOf(this.getText(), true, 0);
        continue;
      }
      const startLine = Math.max(range.start.line, 0);
      const endLine = Math.max(range.end.line, 0);
      const added = lineOffsetsOf(change.text, false, start);
      let lineOffsets = this.lineOffsets;
      if (endLine - startLine === added.length) {
        for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
      } else if (added.length < 10000) {
        lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
      } else {
        lineOffsets = this.lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
      }
      const diff = change.text.length - (end - start);
      if (diff !== 0) for (let i = startLine + 1 + added.length; i < lineOffsets.length; i++) lineOffsets[i] += diff;
    }
    this._version = version;
  }

  /** The code unit at `offset` (NaN outside the text), found among the pieces without joining them. */
  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    for (const p of this.pieces) {
      if (offset < p.length) return p.charCodeAt(offset);
      offset -= p.length;
    }
    return NaN;
  }

  /** Replace [start, end) by `text`: slices of the pieces around it (V8 slices share, not copy). */
  private splice(start: number, end: number, text: string): void {
    const out: string[] = [];
    let at = 0;
    let inserted = false;
    for (const p of this.pieces) {
      const pEnd = at + p.length;
      if (at < start) out.push(pEnd <= start ? p : p.substring(0, start - at));
      if (!inserted && pEnd >= start) {
        if (text) out.push(text);
        inserted = true;
      }
      if (pEnd > end) out.push(at >= end ? p : p.substring(end - at));
      at = pEnd;
    }
    if (!inserted && text) out.push(text);
    this.pieces = out.length ? out : [''];
    this.length += text.length - (end - start);
    if (this.pieces.length > MAX_PIECES) this.pieces = [this.pieces.join('')];
  }

  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEol(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** The factory `TextDocuments` takes: documents as `LetterDocument`s. */
export const LETTER_DOCUMENTS = {
  create: (uri: string, languageId: string, version: number, content: string) => new LetterDocument(uri, languageId, version, content),
  update: (doc: LetterDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
    doc.update(changes, version);
    return doc;
  },
};

function isEol(c: number): boolean {
  return c === 13 || c === 10;
}

/** Offsets of the line starts in `text` (plus `textOffset`), with 0 first when `atLineStart`. */
function lineOffsetsOf(text: string, atLineStart: boolean, textOffset: number): number[] {
  const out: number[] = atLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      if (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      out.push(textOffset + i + 1);
    }
  }
  return out;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
