/**
 * "het antwoord op vraag 50", "antwoord op vraag 18 en 43": references from one answer to
 * another, and their resolution (same section first, then the whole letter).
 */
import type { AnswerReference, Letter, QuestionUnit } from '../model';
import type { Span } from '../text';

const REFERENCE =
  /(?:\bhet[ \t\r\n]+)?\bantwoord(?:en)?[ \t\r\n]+(?:op|bij|onder)[ \t\r\n]+(?:de[ \t\r\n]+)?vra(?:ag|gen)[ \t\r\n]+(\d{1,4}[a-z]?(?![\p{L}\p{N}]))((?:[ \t\r\n]*(?:,|en|&|t\/m|tot en met)[ \t\r\n]*\d{1,4}[a-z]?(?![\p{L}\p{N}]))*)/giu;
const TARGET = /\d{1,4}[a-z]?/gi;

/** Every reference phrase in the text, with the section it stands in. */
export function findAnswerReferences(text: string, sectionAt: (offset: number) => number): AnswerReference[] {
  const out: AnswerReference[] = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    const targets: string[] = [];
    const targetSpans: Span[] = [];
    const firstAt = m.index + m[0].length - m[2].length - m[1].length;
    targets.push(m[1].toLowerCase());
    targetSpans.push({ start: firstAt, end: firstAt + m[1].length });
    if (m[2]) {
      const restAt = firstAt + m[1].length;
      TARGET.lastIndex = 0;
      for (let t = TARGET.exec(m[2]); t; t = TARGET.exec(m[2])) {
        targets.push(t[0].toLowerCase());
        targetSpans.push({ start: restAt + t.index, end: restAt + t.index + t[0].length });
      }
    }
    out.push({ targets, targetSpans, span: { start: m.index, end: m.index + m[0].length }, sectionIndex: sectionAt(m.index) });
  }
  return out;
}

/**
 * The question unit a reference target names: in the same section when it has one with that
 * id, else the first unit with that id anywhere in the letter.
 */
export function resolveTarget(letter: Letter, sectionIndex: number, id: string): QuestionUnit | undefined {
  const key = id.toLowerCase();
  let global: QuestionUnit | undefined;
  for (const q of letter.questions) {
    if (q.id !== key) continue;
    if (q.sectionIndex === sectionIndex) return q;
    global ??= q;
  }
  return global;
}

/** The reference (and target index) at an offset, for hover and go to definition. */
export function referenceAt(letter: Letter, offset: number): { reference: AnswerReference; target: number } | undefined {
  for (const r of letter.answerReferences) {
    if (offset < r.span.start || offset > r.span.end) continue;
    for (let i = 0; i < r.targetSpans.length; i++) {
      const s = r.targetSpans[i];
      if (offset >= s.start && offset <= s.end) return { reference: r, target: i };
    }
    return { reference: r, target: 0 };
  }
  return undefined;
}
