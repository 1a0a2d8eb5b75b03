/**
 * Where a motion mention got its number: the one reading of `MotionMention.via` that the hover
 * ("Gekoppeld via voetnoot 7.") and the CLI's `refs` ("voetnoot 7") word each in their own way.
 */
import type { MotionMention } from '../citations/types';
import { LineIndex } from '../text';
import { uriBaseName } from './citationLookup';

export type MotionLinkPlace =
  | { kind: 'parenthesis' }
  | { kind: 'footnote'; footnote: string }
  /**
   * Another citation of the same motion: its line (1-based) in this letter (`later` when it stands
   * after the mention), or in the letter `file` (its file name; line null when its text is unknown).
   */
  | { kind: 'earlier'; file: string | null; line: number | null; later: boolean };

/**
 * The place a motion mention was linked through, or null when it was not linked. `lines`: the
 * mention's own letter; `textOf(uri)`: the text of another letter of the workspace, if known.
 */
export function motionLinkPlace(m: MotionMention, lines: LineIndex, textOf: (uri: string) => string | undefined): MotionLinkPlace | null {
  const via = m.via;
  if (!via) return null;
  switch (via.kind) {
    case 'parenthesis':
      return { kind: 'parenthesis' };
    case 'footnote':
      return { kind: 'footnote', footnote: String(via.footnote) };
    case 'earlier': {
      if (!via.uri) return { kind: 'earlier', file: null, line: lines.lineAt(via.citationSpan.start) + 1, later: via.citationSpan.start > m.span.start };
      const text = textOf(via.uri);
      return { kind: 'earlier', file: uriBaseName(via.uri), line: text === undefined ? null : new LineIndex(text).lineAt(via.citationSpan.start) + 1, later: false };
    }
  }
}

/**
 * The mention as shown to the user: whitespace collapsed and a name hyphenated over a line joined
 * again ("de motie Podt-⏎Overmars" → "de motie Podt-Overmars").
 */
export function mentionDisplay(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/(\p{L})- (\p{Lu})/gu, '$1-$2');
}
