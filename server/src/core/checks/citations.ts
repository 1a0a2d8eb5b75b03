/**
 * Checks on the citations of a letter: motions whose paper cannot be found (`unlinked-motion`)
 * and Kamerstuk citations not in the official form (`noncanonical-citation`, off by default).
 */
import type { Finding } from '../model';
import type { Span } from '../text';
import type { Citations, Reference } from '../citations/types';
import { MAX_CITATIONS } from '../citations/index';
import { dutchNumber } from '../bounds';
import { collapseWhitespace } from '../text';

/** Data of a `noncanonical-citation` finding: what to write instead, and where. */
export interface CanonicalFix {
  replacement: string;
  span: { start: number; end: number };
}

/** Forms that are full citations of one paper, which the canonical form can replace one for one. */
const REWRITABLE = new Set(['kamerstuk', 'kamer', 'bare']);

const collapse = collapseWhitespace;

/** Whether `offset` lies in one of `spans` (sorted by start, not overlapping). */
function inside(spans: readonly Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid].start) hi = mid - 1;
    else if (offset >= spans[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The findings of a letter's citations: `unlinked-motion` for each motion mention without a linked
 * paper, `noncanonical-citation` for each single-paper Kamerstuk citation not in the official form.
 * `verbatim`: spans (UTF-16 offsets into `text`, sorted by start, not overlapping) the drafter must
 * copy unchanged — the Kamer's own question text in an answer letter; a motion mention starting in
 * one gets no `unlinked-motion` (the drafter cannot add its number there). Sorted by position.
 */
export function checkCitations(text: string, citations: Citations, verbatim: readonly Span[] = []): Finding[] {
  const findings: Finding[] = [];
  if (citations.truncatedAt !== undefined) {
    // A bound on hostile input (issue 10): say where reading stopped.
    const at = citations.truncatedAt;
    let end = at;
    while (end < text.length && end - at < 40 && !/\s/.test(text[end])) end++;
    findings.push({
      code: 'too-many-citations',
      span: { start: at, end: Math.max(end, Math.min(text.length, at + 1)) },
      message: `Deze brief noemt meer dan ${dutchNumber(MAX_CITATIONS)} Kamerstukken en moties; vanaf hier worden verwijzingen niet meer gelezen (geen uitleg bij aanwijzen, geen controle).`,
    });
  }
  for (const m of citations.motions) {
    if (m.via || inside(verbatim, m.span.start)) continue;
    if (m.candidates?.length) {
      // Conflicting evidence (issue 13): say which papers compete, link none.
      const ids = m.candidates.map((c) => c.refs.map((r) => r.canonical).join(' en ')).join(' of ');
      findings.push({
        code: 'unlinked-motion',
        span: m.span,
        message: `Bij ${collapse(m.text)} is niet zeker welk Kamerstuk bedoeld is: ${ids}. Zet het nummer van de motie zelf tussen haakjes of in de voetnoot.`,
      });
      continue;
    }
    findings.push({
      code: 'unlinked-motion',
      span: m.span,
      message:
        `Bij ${collapse(m.text)} staat geen Kamerstuknummer: zet de vindplaats tussen haakjes of in een voetnoot ` +
        `in de vorm „(Kamerstuk [dossiernummer], nr. [nummer van de motie])”, of noem de motie eerder in de brief met haar nummer.`,
    });
  }
  // Papers of one citation share its citationSpan: only single-paper citations are rewritten.
  const perCitation = new Map<number, Reference[]>();
  for (const r of citations.references) {
    const list = perCitation.get(r.citationSpan.start);
    if (list) list.push(r);
    else perCitation.set(r.citationSpan.start, [r]);
  }
  for (const refs of perCitation.values()) {
    if (refs.length !== 1) continue;
    const r = refs[0];
    if (r.kind !== 'kamerstuk' || !r.number || !r.form || !REWRITABLE.has(r.form) || (r.dossierCount ?? 1) !== 1) continue;
    const written = collapse(text.slice(r.span.start, r.span.end));
    if (written === r.canonical) continue;
    const data: CanonicalFix = { replacement: r.canonical, span: r.span };
    findings.push({
      code: 'noncanonical-citation',
      span: r.span,
      message: `Niet in de officiële vorm; schrijf „${r.canonical}”.`,
      data,
    });
  }
  findings.sort((a, b) => a.span.start - b.span.start);
  return findings;
}
