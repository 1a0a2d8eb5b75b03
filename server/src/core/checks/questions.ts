/**
 * The checks of issue 2: every (sub)question answered. Pure: a letter model in, findings out.
 * Messages are Dutch and say what to do; `data` carries what a quick fix needs.
 */
import type { Finding, Letter, QuestionUnit } from '../model';
import type { Span } from '../text';
import { findPlaceholders } from '../letter/placeholders';
import { resolveTarget } from '../letter/references';
import type { OrphanAnswer, LetterKind } from '../letter/parse';
import { keyTerms, stemSet, type KeyTerm } from '../lang/dutch';

/** What a quick fix for `unanswered-question` needs: where and what to insert. */
export interface UnansweredData {
  question: string;
  sectionIndex: number;
  insertAt: number;
  insertText: string;
}

/** The placeholder text the quick fix inserts; itself reported until replaced. */
export const ANSWER_PLACEHOLDER = '[PM antwoord]';

interface LetterExtras {
  kind?: LetterKind;
  orphanAnswers?: OrphanAnswer[];
}

function label(q: QuestionUnit, letter: Letter): string {
  return letter.sections.length > 1 && q.section ? `${q.id} (${q.section})` : q.id;
}

function quote(s: string, max = 70): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** Run every question check on a parsed letter. */
export function checkQuestions(letter: Letter): Finding[] {
  const extras = letter as Letter & LetterExtras;
  const out: Finding[] = [];
  const questions = letter.questions;
  const isQuestionLetter = extras.kind === 'question-letter';

  unanswered(letter, isQuestionLetter, out);
  placeholders(letter, out);
  references(letter, out);
  for (const o of extras.orphanAnswers ?? []) {
    out.push({
      code: 'answer-without-question',
      span: o.span,
      message: `Bij dit antwoord hoort geen vraag ${o.id}. Controleer het nummer of voeg vraag ${o.id} toe.`,
      question: o.id,
    });
  }
  numbering(letter, out);
  if (questions.length) notAddressed(letter, out);
  out.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return out;
}

function unanswered(letter: Letter, isQuestionLetter: boolean, out: Finding[]): void {
  if (isQuestionLetter) return; // a question letter asks; it is not expected to answer
  const headingStyle = letter.questions.find((q) => q.answer.headingSpan && /^\W*Antwoord\b/.test(letter.text.slice(q.answer.headingSpan.start, q.answer.headingSpan.end)));
  for (const q of letter.questions) {
    if (q.answer.status !== 'missing') continue;
    let insertAt: number;
    let insertText: string;
    if (q.answer.headingSpan) {
      insertAt = q.answer.headingSpan.end;
      insertText = `\n${ANSWER_PLACEHOLDER}`;
    } else {
      insertAt = Math.max(q.questionSpan.end, q.headingSpan.end);
      insertText = headingStyle ? `\n\nAntwoord ${q.id}\n${ANSWER_PLACEHOLDER}` : `\n\n${ANSWER_PLACEHOLDER}`;
    }
    const data: UnansweredData = { question: q.id, sectionIndex: q.sectionIndex, insertAt, insertText };
    out.push({
      code: 'unanswered-question',
      span: q.answer.headingSpan ?? q.headingSpan,
      message: `Vraag ${label(q, letter)} is niet beantwoord. Voeg onder de vraag een antwoord toe.`,
      question: q.id,
      data,
    });
  }
}

function placeholders(letter: Letter, out: Finding[]): void {
  for (const q of letter.questions) {
    const a = q.answer;
    if (!a.span || a.status === 'missing' || a.status === 'context') continue;
    for (const p of findPlaceholders(letter.text, a.span.start, a.span.end)) {
      const token = letter.text.slice(p.start, p.end);
      out.push({
        code: 'placeholder-in-answer',
        span: p,
        message:
          a.status === 'placeholder'
            ? `Het antwoord op vraag ${label(q, letter)} is nog alleen een placeholder (‘${quote(token, 30)}’). Vervang die door het antwoord.`
            : `Het antwoord op vraag ${label(q, letter)} bevat nog een placeholder (‘${quote(token, 30)}’). Vul het antwoord aan en haal de placeholder weg.`,
        question: q.id,
      });
    }
  }
}

type Chain = { ok: true } | { ok: false; cycle: boolean; path: QuestionUnit[] };

/** Follow by-reference answers from `start` until one that answers, fails, or repeats. */
function follow(letter: Letter, start: QuestionUnit, memo: Map<QuestionUnit, Chain>): Chain {
  const path: QuestionUnit[] = [];
  const onPath = new Set<QuestionUnit>();
  const walk = (q: QuestionUnit): Chain => {
    const known = memo.get(q);
    if (known) return known;
    if (onPath.has(q)) return { ok: false, cycle: true, path: [...path, q] };
    const s = q.answer.status;
    if (s === 'answered' || s === 'context') return { ok: true };
    if (s === 'missing' || s === 'placeholder') return { ok: false, cycle: false, path: [...path, q] };
    path.push(q);
    onPath.add(q);
    let result: Chain = { ok: true };
    for (const t of q.answer.refersTo) {
      const target = resolveTarget(letter, q.sectionIndex, t);
      if (!target) continue; // reported as dangling where the reference stands
      const r = walk(target);
      if (!r.ok) {
        result = r;
        break;
      }
    }
    path.pop();
    onPath.delete(q);
    return result;
  };
  const r = walk(start);
  // Only chains that end well are shared: a failing chain's path depends on where it began.
  if (r.ok) memo.set(start, r);
  return r;
}

function unitOfOffset(letter: Letter): (offset: number) => QuestionUnit | undefined {
  const withAnswers = letter.questions.filter((q) => q.answer.span).sort((a, b) => a.answer.span!.start - b.answer.span!.start);
  return (offset) => {
    let lo = 0;
    let hi = withAnswers.length - 1;
    let found: QuestionUnit | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = withAnswers[mid].answer.span!;
      if (s.start <= offset) {
        found = withAnswers[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && offset < found.answer.span!.end ? found : undefined;
  };
}

function references(letter: Letter, out: Finding[]): void {
  const unitAt = unitOfOffset(letter);
  const memo = new Map<QuestionUnit, Chain>();
  for (const r of letter.answerReferences) {
    const from = unitAt(r.span.start);
    if (!from) continue; // only references inside an answer are promises that an answer exists
    for (let i = 0; i < r.targets.length; i++) {
      const t = r.targets[i];
      const span: Span = r.targetSpans[i];
      const target = resolveTarget(letter, from.sectionIndex, t);
      if (!target) {
        out.push({
          code: 'dangling-answer-reference',
          span,
          message: `Vraag ${t} bestaat niet in deze brief. Controleer het nummer in de verwijzing naar het antwoord op vraag ${t}.`,
          question: from.id,
          data: { target: t },
        });
        continue;
      }
      const chain = follow(letter, target, memo);
      if (chain.ok) continue;
      const end = chain.path[chain.path.length - 1];
      let message: string;
      if (chain.cycle) {
        const seen = new Set<QuestionUnit>();
        const loop: QuestionUnit[] = [];
        for (const u of [from, ...chain.path]) {
          loop.push(u);
          if (seen.has(u)) break;
          seen.add(u);
        }
        const ids = loop.map((q) => q.id);
        // A cycle that does not pass through `from` still leaves `from` without an answer.
        message = `Kringverwijzing: ${ids.map((id) => `vraag ${id}`).join(' → ')}. Nergens in deze keten staat het antwoord zelf; schrijf het uit bij een van deze vragen.`;
      } else if (end === target) {
        message = `Vraag ${label(target, letter)} is zelf niet beantwoord, dus deze verwijzing beantwoordt niets. Beantwoord vraag ${target.id} of schrijf het antwoord hier uit.`;
      } else {
        message = `Het antwoord op vraag ${label(target, letter)} verwijst door naar vraag ${label(end, letter)}, die niet beantwoord is. Beantwoord vraag ${end.id} of schrijf het antwoord hier uit.`;
      }
      out.push({
        code: 'reference-to-unanswered',
        span,
        message,
        question: from.id,
        data: { target: target.id, chain: chain.path.map((q) => q.id), cycle: chain.cycle },
      });
    }
  }
}

function numbering(letter: Letter, out: Finding[]): void {
  const units = letter.questions.filter((q) => q.number > 0);
  if (!units.length) return;
  // Numbering restarts per section when a later section starts again at 1; otherwise it runs on.
  const firstOfSection = new Map<number, QuestionUnit>();
  for (const q of units) if (!firstOfSection.has(q.sectionIndex)) firstOfSection.set(q.sectionIndex, q);
  let restarts = false;
  let i = 0;
  for (const q of firstOfSection.values()) {
    if (i++ > 0 && q.number === 1) restarts = true;
  }
  const runs = new Map<string, QuestionUnit[]>();
  for (const q of units) {
    const key = restarts ? String(q.sectionIndex) : 'all';
    let run = runs.get(key);
    if (!run) runs.set(key, (run = []));
    run.push(q);
  }
  const inSection = (q: QuestionUnit) => (restarts && q.section ? ` in de vragen van de ${q.section}` : '');
  for (const run of runs.values()) {
    const seen = new Map<string, QuestionUnit>();
    let prev: QuestionUnit | null = null;
    for (const q of run) {
      const first = seen.get(q.id);
      if (first) {
        out.push({
          code: 'duplicate-question-number',
          span: q.headingSpan,
          message: `Vraag ${q.id} komt twee keer voor${inSection(q)}. Nummer de vragen opnieuw of voeg ze samen.`,
          question: q.id,
          data: { first: first.headingSpan },
        });
        continue;
      }
      seen.set(q.id, q);
      const gap = missingBefore(prev, q);
      if (gap) {
        out.push({
          code: 'missing-question-number',
          span: q.headingSpan,
          message: `${gap.missing.length === 1 ? `Vraag ${gap.missing[0]} ontbreekt` : `Vragen ${gap.missing[0]} tot en met ${gap.missing[gap.missing.length - 1]} ontbreken`}: ${prev ? `na vraag ${prev.id} volgt vraag ${q.id}` : `de eerste vraag is vraag ${q.id}`}${inSection(q)}. Controleer de nummering.`,
          question: q.id,
          data: { missing: gap.missing },
        });
      }
      if (!prev || q.number > prev.number || (q.number === prev.number && q.suffix > prev.suffix)) prev = q;
    }
  }
}

function missingBefore(prev: QuestionUnit | null, q: QuestionUnit): { missing: string[] } | null {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const missing: string[] = [];
  const prevNumber = prev ? prev.number : 0;
  if (q.number > prevNumber + 1) {
    const last = Math.min(q.number - 1, prevNumber + 50);
    for (let n = prevNumber + 1; n <= last; n++) missing.push(String(n));
  }
  if (q.suffix) {
    const idx = letters.indexOf(q.suffix);
    const from = prev && prev.number === q.number && prev.suffix ? letters.indexOf(prev.suffix) + 1 : 0;
    for (let k = from; k < idx; k++) missing.push(`${q.number}${letters[k]}`);
  }
  return missing.length ? { missing } : null;
}

const MIN_PART = 6;
/** A subquestion needs this many key terms before their absence says anything (corpus-tuned). */
const MIN_TERMS = 3;
const CONDITIONAL = /^(?:en\s+)?(?:zo\s+(?:ja|nee|neen|niet)|indien\s+(?:ja|nee|niet|dat\s+zo\s+is)|als\s+dat\s+(?:zo\s+is|niet\s+zo\s+is)|mocht\s+dat)\b/i;

function notAddressed(letter: Letter, out: Finding[]): void {
  for (const q of letter.questions) {
    const s = q.answer.status;
    // With a single subquestion the whole answer is about it; only several can be half answered.
    if ((s !== 'answered' && s !== 'by-reference') || q.subquestions.length < 2) continue;
    const texts = [q.answer.text];
    const seen = new Set<QuestionUnit>([q]);
    const queue = [q];
    while (queue.length) {
      const u = queue.shift()!;
      for (const t of u.answer.refersTo) {
        const target = resolveTarget(letter, u.sectionIndex, t);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        texts.push(target.answer.text);
        if (target.answer.status === 'by-reference') queue.push(target);
      }
    }
    const stems = stemSet(texts.join(' '));
    // Dutch compounds: "cyberafschrikking" is answered by "afschrikking", "capaciteiten" by
    // "cybercapaciteiten"; stems also differ in a last letter ("cyberaanvall"/"cyberaanval").
    // The part sets are built only when an exact test fails, which is rare.
    let parts: Set<string> | null = null;
    const partsOf = () => {
      if (parts) return parts;
      parts = new Set<string>();
      for (const st of stems) {
        for (let k = MIN_PART; k < st.length; k++) parts.add(st.slice(0, k));
        for (let k = 1; k <= st.length - MIN_PART; k++) parts.add(st.slice(k));
      }
      return parts;
    };
    const exact = (term: KeyTerm) => term.stems.some((st) => stems.has(st) || (st.length > MIN_PART && stems.has(st.slice(0, -1))));
    const loose = (term: KeyTerm) =>
      term.stems.some((st) => {
        if (partsOf().has(st)) return true;
        for (let k = 1; k <= st.length - MIN_PART; k++) if (stems.has(st.slice(k))) return true;
        return false;
      });
    const mentioned = (term: KeyTerm) => exact(term);
    for (const sub of q.subquestions) {
      // "Zo ja, …" asks only if the answer to the previous subquestion was yes.
      if (CONDITIONAL.test(sub.text)) continue;
      const terms = keyTerms(sub.text);
      if (terms.length < MIN_TERMS || terms.some(mentioned) || terms.some(loose)) continue;
      const names = terms.slice(0, 5).map((t) => `‘${t.word}’`);
      out.push({
        code: 'subquestion-not-addressed',
        span: sub.span,
        message: `Subvraag ‘${quote(sub.text)}’ lijkt niet beantwoord: het antwoord noemt geen van de kernwoorden ${names.join(', ')}${terms.length > 5 ? ' …' : ''}. Ga in het antwoord op deze subvraag in.`,
        question: q.id,
        data: { terms: terms.map((t) => t.word) },
      });
    }
  }
}
