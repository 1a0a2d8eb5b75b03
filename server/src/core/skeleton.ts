/**
 * *Maak antwoordopzet*: the answer skeleton of a question letter, as Markdown. It carries every
 * question verbatim (display form) under its `Vraag` heading with an empty answer under it,
 * built on the same letter model the pair check uses, so a fresh skeleton has no
 * `question-missing` or `question-text-differs` findings against its question letter.
 *
 * Footnote markers in a question ("…(KOZP)?1 Bent u voorts …") are kept: they are part of the
 * Kamer's text as published, the answer in the Aanhangsel repeats the questions with them, and
 * the verbatim check compares them as text (dropping them would need the check to drop them too).
 * The footnote bodies are not carried: the drafter copies them from the question letter.
 * A joint question heading ("Vraag 9 en 10", one text for both) stays one block with a joint
 * answer heading, as the letter prints it; questions the letter asks apart stay apart.
 * The opening names the questions from the header line only ("Vragen van het lid … (ingezonden …)").
 */
import type { Letter, QuestionUnit } from './model';
import { displayQuestionText } from './pair/display';
import { findTerm, dutchDate } from './pair/term';

export interface SkeletonOptions {
  /** Path of the question letter relative to the answer letter, written as a link comment. */
  questionLetterRef?: string;
}

const WS = /[\s\u00A0]+/g;

/**
 * The header line of a Kamervragen letter or Aanhangsel: "Vragen van het lid X (Partij) aan de
 * minister van Y over Z (ingezonden 12 maart 2025)", possibly broken over lines. It ends at its
 * "(ingezonden …)"; without one, at the end of its first sentence, a blank line or the line that
 * opens what follows ("Antwoord van …", "Vraag 1", "Mededeling", a number) — never body text.
 * Whitespace collapsed; null when the letter has no such line.
 */
export function kamervragenTitle(text: string): string | null {
  const head = text.slice(0, 3000);
  const open = /(?:^|\n)[ \t]*(?:\*\*|#{1,6}[ \t]*)?(Vragen[ \t]+van[ \t]+(?:het[ \t]+lid|de[ \t]+leden)\b)/u.exec(head);
  if (!open) return null;
  const from = open.index + open[0].length - open[1].length;
  // At most a short paragraph: the header never runs past 800 characters.
  let rest = head.slice(from, from + 800);
  const stop = /\n[ \t]*(?:\n|Antwoord[ \t]+van\b|Vraag[ \t]*\d|Mededeling\b|Antwoord[ \t]*\d|\d+[ \t]*[.)]?[ \t]*\n|#)/u.exec(rest);
  if (stop) rest = rest.slice(0, stop.index);
  const sent = /\(ingezonden[^()]*\)/u.exec(rest);
  if (sent) rest = rest.slice(0, sent.index + sent[0].length);
  else {
    const end = /(?<![\s.]\p{Ll})[.?!](?=\s|$)/u.exec(rest);
    if (end) rest = rest.slice(0, end.index);
  }
  const title = rest.replace(WS, ' ').replace(/\*+$/u, '').trim();
  return title || null;
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
  const units = questionLetter.questions;
  for (let k = 0; k < units.length; k++) {
    const unit = units[k];
    if (unit.sectionIndex !== section && unit.sectionIndex >= 0 && questionLetter.sections[unit.sectionIndex]) {
      out.push(`## ${sectionHeading(questionLetter, unit.sectionIndex)}`, '');
    }
    section = unit.sectionIndex;
    // A joint heading ("Vraag 9 en 10") prints its text once for all its numbers: so does the
    // skeleton, with one joint answer heading, as the letter asks them.
    let id = unit.id;
    if (unit.jointIds) {
      let end = k + 1;
      while (end < units.length && units[end].jointIds && units[end].headingSpan.start === unit.headingSpan.start) end++;
      if (end - k > 1) {
        const ids = units.slice(k, end).map((u) => u.id);
        id = `${ids.slice(0, -1).join(', ')} en ${ids[ids.length - 1]}`;
        k = end - 1;
      }
    }
    out.push(`### Vraag ${id}`, '', displayQuestionText(unit.questionText), '');
    if (needsAnswer(unit)) out.push(`### Antwoord ${id}`, '', '');
  }
  out.push('Hoogachtend,', '', 'DE MINISTER,', '');
  return out.join('\n');
}
