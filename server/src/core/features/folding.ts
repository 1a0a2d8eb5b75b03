/** Foldable regions: each fractie section and each question unit. */
import type { Letter } from '../model';
import type { FoldSpan } from './types';

/** Fold spans in document order (sections end where the next section starts). */
export function foldingSpans(letter: Letter): FoldSpan[] {
  const out: FoldSpan[] = [];
  const sections = [...letter.sections].sort((a, b) => a.span.start - b.span.start);
  sections.forEach((s, i) => {
    const inSection = letter.questions.filter((q) => q.sectionIndex === s.index);
    const lastEnd = inSection.reduce((e, q) => Math.max(e, q.span.end), s.span.end);
    const next = sections[i + 1]?.span.start ?? letter.text.length;
    out.push({ span: { start: s.span.start, end: Math.min(Math.max(lastEnd, s.span.end), Math.max(next, s.span.end)) }, kind: 'section' });
  });
  for (const q of letter.questions) {
    out.push({ span: { start: Math.min(q.headingSpan.start, q.span.start), end: q.span.end }, kind: 'question' });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
