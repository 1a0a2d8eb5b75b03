/**
 * *Maak antwoordopzet*: the answer skeleton of a question letter, as Markdown. It carries every
 * question verbatim (display form) under its `Vraag` heading with an empty answer under it,
 * built on the same letter model the pair check uses, so a fresh skeleton has no
 * `question-missing` or `question-text-differs` findings against its question letter.
 */
import type { Letter, QuestionUnit } from './model';
import { displayQuestionText } from './pair/display';
import { findTerm, dutchDate } from './pair/term';

export interface SkeletonOptions {
  /** Path of the question letter relative to the answer letter, written as a link comment. */
  questionLetterRef?: string;
}

const WS = /[\s\u00A0]+/g;

/** "Vragen van het lid X (Partij) aan de minister van Y over Z (ingezonden 12 maart 2025)". */
function kamervragenTitle(text: string): string | null {
  const head = text.slice(0, 3000);
  const m = /Vragen[ \t]+van[ \t]+(?:het[ \t]+lid|de[ \t]+leden)\b[^]*?(?:\)|\.)[ \t]*(?:\r?\n[ \t]*){2}/u.exec(head);
  const block = m ? m[0] : /Vragen[ \t]+van[ \t]+(?:het[ \t]+lid|de[ \t]+leden)\b[^\n]*/u.exec(head)?.[0];
  if (!block) return null;
  return block.replace(WS, ' ').trim();
}

function aanhef(letter: Letter, text: string): string {
  const title = kamervragenTitle(text);
  if (title) {
    // "Vragen van het lid … aan de minister van … over …" → "de vragen van het lid … over …".
    const about = title.replace(/^Vragen/u, 'de vragen').replace(/[ \t]+aan[ \t]+de[ \t]+(?:minister|staatssecretaris)[^(]*?(?=[ \t]+over[ \t]|\(|$)/u, '');
    return `Hierbij ontvangt u de antwoorden op ${about.replace(/[.\s]+$/u, '')}.`;
  }
  const term = findTerm(text);
  const sent = term.sent ? ` die op ${dutchDate(term.sent)} zijn ingezonden` : '';
  return letter.sections.length
    ? `Hierbij ontvangt u de antwoorden op de vragen en opmerkingen van de fracties${sent}.`
    : `Hierbij ontvangt u de antwoorden op de vragen${sent}.`;
}

function sectionHeading(letter: Letter, index: number): string {
  const s = letter.sections[index];
  return letter.text.slice(s.span.start, s.span.end).replace(WS, ' ').replace(/^#+ /u, '').trim();
}

function needsAnswer(unit: QuestionUnit): boolean {
  return unit.answer.status !== 'context';
}

/** The answer skeleton (Markdown, LF line ends) for a question letter. */
export function makeSkeleton(questionLetter: Letter, text: string = questionLetter.text, options: SkeletonOptions = {}): string {
  const out: string[] = [];
  if (options.questionLetterRef) out.push(`<!-- vragen: ${options.questionLetterRef} -->`, '');
  out.push('Geachte voorzitter,', '', aanhef(questionLetter, text), '');
  let section = -2;
  for (const unit of questionLetter.questions) {
    if (unit.sectionIndex !== section && unit.sectionIndex >= 0 && questionLetter.sections[unit.sectionIndex]) {
      out.push(`## ${sectionHeading(questionLetter, unit.sectionIndex)}`, '');
    }
    section = unit.sectionIndex;
    out.push(`### Vraag ${unit.id}`, '', displayQuestionText(unit.questionText), '');
    if (needsAnswer(unit)) out.push(`### Antwoord ${unit.id}`, '', '');
  }
  out.push('Hoogachtend,', '', 'DE MINISTER,', '');
  return out.join('\n');
}
