/**
 * What citation stands at an offset (reference, motion mention, footnote marker), and the
 * workspace contract the citation features use. Lookups are binary searches over the sorted
 * results of `findCitations`, so hover and definition do not grow with the document.
 */
import type { Citations, Footnote, FootnoteMarker, MotionMention, PaperRef, Reference } from '../citations/types';
import { identifyPaper } from '../citations/paper';
import { linkAcrossWorkspace } from '../citations/index';
import { lastStartingAtOrBefore, type Span } from '../text';

/** Another document of the workspace, as the host sees it (open in an editor or on disk). */
export interface CitationDoc {
  uri: string;
  text: string;
  citations: Citations;
  /** The paper the document itself is (from its header); computed on demand when absent. */
  paper?: PaperRef | null;
}

/** What the host knows about the workspace. Everything is optional: features degrade to the document. */
export interface CitationWorkspace {
  /** The other documents of the workspace (not the one asked about). */
  documents(): CitationDoc[];
  /** Files named by a paper identifier (`kst-30821-125.xml`): their URIs and identifiers. */
  paperFiles?(): { uri: string; id: string }[];
}

export type CitationHit =
  | { kind: 'reference'; ref: Reference }
  | { kind: 'motion'; motion: MotionMention }
  | { kind: 'marker'; marker: FootnoteMarker; footnote: Footnote | null };

function covering<T extends { span: Span }>(items: T[], offset: number): T | null {
  const k = lastStartingAtOrBefore(items, offset, (it) => it.span.start);
  if (k < 0) return null;
  const it = items[k];
  // The end counts as inside: a cursor just after the last character still hovers the word.
  return offset <= it.span.end ? it : null;
}

/** The footnote a marker refers to: the first with its label after it (PDF), or any (Markdown). */
export function footnoteOf(c: Citations, marker: FootnoteMarker): Footnote | null {
  let first: Footnote | null = null;
  for (const f of c.footnotes) {
    if (f.label !== marker.label) continue;
    if (f.span.start > marker.span.start) return f;
    first ??= f;
  }
  return first;
}

/** The citation at `offset`, or null. Markers win over references, references over motions. */
export function citationAt(c: Citations, offset: number): CitationHit | null {
  const marker = covering(c.markers, offset);
  if (marker) return { kind: 'marker', marker, footnote: footnoteOf(c, marker) };
  const ref = covering(c.references, offset);
  if (ref) return { kind: 'reference', ref };
  const motion = covering(c.motions, offset);
  if (motion) return { kind: 'motion', motion };
  return null;
}

/**
 * The citation at `offset`, with an unlinked motion mention linked through the workspace (an
 * earlier citation of the same first signer in another document) when one is given.
 */
export function citationAtLinked(c: Citations, offset: number, workspace?: CitationWorkspace): CitationHit | null {
  const hit = citationAt(c, offset);
  if (!hit || hit.kind !== 'motion' || hit.motion.via || !workspace) return hit;
  const linked = linkAcrossWorkspace({ references: [], motions: [hit.motion], footnotes: [], markers: [] }, workspace.documents());
  return { kind: 'motion', motion: linked.motions[0] };
}

/** The paper a workspace document is, identified once and kept on the document (`d.paper`). */
export function paperOfDoc(d: CitationDoc): PaperRef | null {
  if (d.paper === undefined) d.paper = identifyPaper(d.text);
  return d.paper;
}

/** The paper identifier a file name stands for ("kst-30821-125.xml" → "kst-30821-125"), or null. */
export function idFromFileName(name: string): string | null {
  const m = /^((?:kst|ah-tk|ah-ek|h-tk|h-ek)-[0-9A-Za-z-]+?)\.(?:xml|html?|txt|md|markdown|pdf)$/i.exec(name);
  return m ? m[1] : null;
}

/** The last path segment of a URI, decoded. */
export function uriBaseName(uri: string): string {
  const s = uri.replace(/[?#].*$/, '');
  const k = s.lastIndexOf('/');
  try {
    return decodeURIComponent(s.slice(k + 1));
  } catch {
    return s.slice(k + 1);
  }
}
