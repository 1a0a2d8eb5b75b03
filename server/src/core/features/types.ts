/**
 * Domain results of the editor features. Every feature returns these; the hosts convert them
 * (the language server in `server/src/lsp/convert.ts`). Spans are UTF-16 offsets into the text
 * the feature was given.
 */
import type { Range, Span } from '../text';

/**
 * One block of hover content. The host renders it as Markdown (escaping every text that came
 * from a document or a source) or as plain text, as the client asks.
 */
export type HoverBlock =
  /** A short bold heading line. */
  | { kind: 'title'; text: string }
  /** A sentence of our own (Dutch). */
  | { kind: 'text'; text: string }
  /** Text quoted from a document or a source, shown verbatim (never interpreted as Markdown). */
  | { kind: 'quote'; text: string }
  /** Label/value pairs ("Kamer: Tweede Kamer"). */
  | { kind: 'fields'; fields: [label: string, value: string][] }
  /** Links, e.g. to the official publication site. */
  | { kind: 'links'; links: { label: string; url: string }[] };

export interface HoverResult {
  /** The span the hover is about (highlighted by the editor). */
  span: Span;
  blocks: HoverBlock[];
}

/** Where a go-to-definition lands. Without `uri` the target is in the same document. */
export interface DefinitionTarget {
  /** The span the request was made on. */
  originSpan: Span;
  uri?: string;
  /** Target in the same document (offsets), or in `uri` when the host gives its text. */
  span?: Span;
  /** Target as an LSP range, for targets in other documents whose text the core did not see. */
  range?: Range;
}

/** A text edit on the analysed document. */
export interface TextEditSpan {
  span: Span;
  newText: string;
}

/** A quick fix for one finding. */
export interface QuickFix {
  /** Dutch title shown in the light bulb menu. */
  title: string;
  /** The finding's code, so the host can link the fix to its diagnostic. */
  code: string;
  /** The finding's span (identifies the diagnostic the fix belongs to). */
  findingSpan: Span;
  edits: TextEditSpan[];
  preferred?: boolean;
  /**
   * Text to select once the edits are applied, so that typing replaces it: UTF-16 offsets into
   * `edits[edit].newText` (the host turns them into a range of the edited document).
   */
  select?: { edit: number; start: number; end: number };
  /**
   * Text of the analysed document to select, for a fix that edits nothing (`edits` empty): the
   * host offers such a fix only when it can select (a client command), else drops it.
   */
  selectInText?: Span;
}

export type OutlineKind = 'section' | 'question' | 'subquestion' | 'commitments' | 'commitment';

/** One node of the document outline (sections → questions → subquestions). */
export interface OutlineNode {
  kind: OutlineKind;
  name: string;
  detail: string;
  /** The whole extent of the node. */
  span: Span;
  /** The part to select (a heading); contained in `span`. */
  selectionSpan: Span;
  children: OutlineNode[];
}

/** A foldable region. */
export interface FoldSpan {
  span: Span;
  kind: 'section' | 'question';
}
