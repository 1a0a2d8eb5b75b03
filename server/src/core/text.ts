/**
 * Positions in a document. The core works on UTF-16 offsets into the text (what JavaScript
 * strings index); `LineIndex` converts them to LSP positions (0-based line, UTF-16 character).
 * Line ends may be LF, CRLF or CR.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * A copy of `s` that does not keep the string it was cut from alive. In V8 a `slice` (and a regex
 * match, `trim`, …) of 13 or more characters is a view that holds its whole parent: a title or
 * a word kept in a cache between analyses would keep every earlier version of a 10 MB letter in
 * memory. Concatenation then slicing makes V8 copy the characters into a string of their own.
 * Call it only for what outlives the analysis of the text (caches); costs one copy of `s`.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A half-open span of UTF-16 offsets, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Only LF line ends (the usual case): let the native search find them.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line that holds `offset` (binary search). */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - this.lineStarts[line] };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** Offset of an LSP position, clamped to the line's content (line end excluded). */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
}

/**
 * Index of the last of `items` (in order of `startOf`) that starts at or before `offset`, or -1
 * when none does. Binary search.
 */
export function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) <= offset) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Runs of whitespace (line breaks included) as one space, trimmed: text shown on one line. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A piece of user input fit to quote in a one-line message: whitespace runs (newlines too) made
 * one space, other control characters dropped, and at most `max` characters (UTF-16 code units;
 * longer input ends in "…", never half a surrogate pair). Messages never echo unbounded input.
 */
export function clip(s: string, max = 80): string {
  const t = collapseWhitespace(s).replace(/[\u0000-\u001f\u007f]/gu, '');
  if (t.length <= max) return t;
  let cut = max - 1;
  const last = t.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${t.slice(0, cut).trimEnd()}…`;
}
