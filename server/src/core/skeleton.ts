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
 * The opening names the questions from the header line only ("Vragen van het lid … (ingezonden …)");
 * the signature names the offices the questions are addressed to (`signatures`).
 */
import type { Letter, QuestionUnit } from './model';
import { displayQuestionText } from './pair/display';
import { findTerm, dutchDate } from './pair/term';
import { parseLetter } from './letter/parse';
import { LineIndex } from './text';
import { answerStatus } from './features/status';

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

/** Offices a letter is addressed to ("de Minister van X", "de Ministers van X en van Y", "de Staatssecretaris van Z"). */
const OFFICE = /^(?:de[ \t]+)?(minister-president|ministers?|staatssecretariss?(?:en)?)(?:[ \t]+((?:van|voor)[ \t][^]*))?$/iu;

/**
 * The signature lines of the answer, one per office the questions are addressed to, from the
 * header ("Vragen van … aan de Minister van Justitie en Veiligheid en de Staatssecretaris van
 * Infrastructuur en Waterstaat over …") or an inbreng's opening ("… voor te leggen aan de minister
 * van Buitenlandse Zaken over …"): "DE MINISTER VAN JUSTITIE EN VEILIGHEID,",
 * "DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,". "DE MINISTER," when the letter does not
 * say (or says it in a form not read here): never a guess.
 */
export function signatures(text: string): string[] {
  const title = kamervragenTitle(text);
  let to: string | null = null;
  if (title) to = /[ \t]aan[ \t]+((?:de[ \t]+)?(?:minister|staatssecretaris)[^]*?)(?=[ \t]+over[ \t]|[ \t]*\(|$)/iu.exec(title)?.[1] ?? null;
  else to = /voor[ \t]+te[ \t]+leggen[ \t]+aan[ \t]+((?:de[ \t]+)?(?:minister|staatssecretaris)[^]{0,200}?)[ \t]+over[ \t]/iu.exec(text.slice(0, 3000).replace(WS, ' '))?.[1] ?? null;
  if (!to) return ['DE MINISTER,'];
  const out: string[] = [];
  // "… en de Staatssecretaris van …": one office each; a department's own "en" stays inside it.
  for (const part of to.split(/[ \t]+en[ \t]+(?=de[ \t]+(?:minister|staatssecretaris))/iu)) {
    const m = OFFICE.exec(part.trim());
    if (!m) return ['DE MINISTER,'];
    const office = m[1].toLowerCase();
    if (office === 'minister-president') {
      out.push('DE MINISTER-PRESIDENT,');
      continue;
    }
    if (!m[2]) return ['DE MINISTER,'];
    const single = office.startsWith('minister') ? 'MINISTER' : 'STAATSSECRETARIS';
    // "Ministers van A en van B" / "… en voor B": one minister each.
    const departments = /^ministers$|^staatssecretarissen$/u.test(office) ? m[2].split(/[ \t]+en[ \t]+(?=(?:van|voor)[ \t])/iu) : [m[2]];
    for (const d of departments) out.push(`DE ${single} ${d.trim().replace(/[.,;:]+$/u, '').toLocaleUpperCase('nl')},`);
  }
  return out.length ? out : ['DE MINISTER,'];
}

/**
 * Where the drafter starts typing in a fresh skeleton (`makeSkeleton`'s Markdown): the place the
 * status item goes to for its first open question (the blank line under the first answer
 * heading); the end of the text when nothing is open. Zero-based LSP line and UTF-16 character.
 */
export function skeletonCursor(markdown: string): { line: number; character: number } {
  const first = answerStatus(parseLetter(markdown)).open[0];
  return new LineIndex(markdown).position(first ? first.target.start : markdown.length);
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
  out.push('Hoogachtend,', '', ...signatures(text).flatMap((line) => [line, '']));
  return out.join('\n');
}
