/**
 * Go to definition on a citation: to the paper itself when the workspace holds it (a file named
 * by its identifier, or a document whose own header identifies it), otherwise to the footnote or
 * earlier citation that carries the number; from a footnote marker to its footnote.
 */
import type { PaperRef } from '../citations/types';
import { LineIndex, type Span } from '../text';
import { citationAtLinked, paperOfDoc, type CitationWorkspace } from './citationLookup';
import type { CitationAnalysis } from './citationHover';
import type { DefinitionTarget } from './types';

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where the workspace holds the paper `ref` (files named by id first, then self-identifying documents). */
export function paperLocations(ref: PaperRef, workspace?: CitationWorkspace): { uri: string }[] {
  if (!workspace) return [];
  const out: { uri: string }[] = [];
  const seen = new Set<string>();
  for (const f of workspace.paperFiles?.() ?? []) {
    if (f.id === ref.id && !seen.has(f.uri)) {
      seen.add(f.uri);
      out.push({ uri: f.uri });
    }
  }
  for (const d of workspace.documents()) {
    if (seen.has(d.uri)) continue;
    if (paperOfDoc(d)?.id === ref.id) {
      seen.add(d.uri);
      out.push({ uri: d.uri });
    }
  }
  return out;
}

function toPapers(refs: PaperRef[], origin: Span, workspace?: CitationWorkspace): DefinitionTarget[] {
  const out: DefinitionTarget[] = [];
  for (const r of refs) for (const loc of paperLocations(r, workspace)) out.push({ originSpan: origin, uri: loc.uri, range: TOP });
  return out;
}

/** The definition targets at `offset`, or null when no citation stands there. */
export function definitionCitation(a: CitationAnalysis, offset: number, workspace?: CitationWorkspace): DefinitionTarget[] | null {
  const hit = citationAtLinked(a.citations, offset, workspace);
  if (!hit) return null;
  if (hit.kind === 'marker') {
    return hit.footnote ? [{ originSpan: hit.marker.span, span: hit.footnote.span }] : null;
  }
  if (hit.kind === 'reference') {
    const papers = toPapers([hit.ref], hit.ref.span, workspace);
    return papers.length ? papers : null;
  }
  const m = hit.motion;
  const papers = toPapers(m.refs, m.span, workspace);
  if (papers.length) return papers;
  const via = m.via;
  if (!via) return null;
  if (via.kind === 'footnote') return [{ originSpan: m.span, span: via.footnoteSpan }];
  if (via.kind === 'earlier') {
    if (!via.uri) return [{ originSpan: m.span, span: via.citationSpan }];
    const other = workspace?.documents().find((d) => d.uri === via.uri);
    if (!other) return [{ originSpan: m.span, uri: via.uri, range: TOP }];
    return [{ originSpan: m.span, uri: via.uri, range: new LineIndex(other.text).range(via.citationSpan) }];
  }
  return m.citationSpan ? [{ originSpan: m.span, span: m.citationSpan }] : null;
}
