/**
 * Find references: every place in the document and the workspace that cites the same paper as
 * the citation or motion mention at the cursor (motion mentions linked to it included).
 */
import type { Citations } from '../citations/types';
import { LineIndex, type Range, type Span } from '../text';
import { citationAtLinked, type CitationWorkspace } from './citationLookup';
import type { CitationAnalysis } from './citationHover';

export interface CitationLocation {
  /** Absent for the document asked about. */
  uri?: string;
  span: Span;
  /** For other documents: the range in their text. */
  range?: Range;
}

function spansCiting(c: Citations, ids: Set<string>): Span[] {
  const out: Span[] = [];
  for (const r of c.references) if (ids.has(r.id)) out.push(r.span);
  for (const m of c.motions) if (m.refs.some((r) => ids.has(r.id))) out.push(m.span);
  return out.sort((a, b) => a.start - b.start);
}

/** The papers at `offset` (identifiers), or null when no citation stands there. */
export function papersAt(c: Citations, offset: number, workspace?: CitationWorkspace): Set<string> | null {
  const hit = citationAtLinked(c, offset, workspace);
  if (!hit) return null;
  if (hit.kind === 'reference') return new Set([hit.ref.id]);
  if (hit.kind === 'motion') return hit.motion.refs.length ? new Set(hit.motion.refs.map((r) => r.id)) : null;
  return null;
}

export function findCitationReferences(a: CitationAnalysis, offset: number, workspace?: CitationWorkspace): CitationLocation[] | null {
  const ids = papersAt(a.citations, offset, workspace);
  if (!ids) return null;
  const out: CitationLocation[] = spansCiting(a.citations, ids).map((span) => ({ span }));
  for (const d of workspace?.documents() ?? []) {
    const spans = spansCiting(d.citations, ids);
    if (!spans.length) continue;
    const lines = new LineIndex(d.text);
    for (const span of spans) out.push({ uri: d.uri, span, range: lines.range(span) });
  }
  return out;
}
