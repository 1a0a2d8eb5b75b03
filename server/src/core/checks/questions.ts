/**
 * The checks of issue 2: every (sub)question answered. Pure: a letter model in, findings out.
 * Messages are Dutch and say what to do; `data` carries what a quick fix needs.
 */
import type { Finding, Letter, QuestionUnit } from '../model';
import { lastStartingAtOrBefore, type Span } from '../text';
import { answerPlaceholders } from '../letter/placeholders';
import { resolveAnswerTarget, resolveTarget } from '../letter/references';
import { isUnnumbered, type OrphanAnswer, type LetterKind } from '../letter/parse';
import { keyTerms, type KeyTerm } from '../lang/dutch';

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
  askingSentences?: number;
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
  else noQuestionsFound(letter, extras.askingSentences ?? 0, out);
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
    const unnumbered = isUnnumbered(q);
    if (unnumbered) {
      insertAt = Math.max(q.questionSpan.end, q.headingSpan.end);
      insertText = `\n${q.id}. Antwoord van het kabinet\n${ANSWER_PLACEHOLDER}`;
    } else if (q.answer.headingSpan) {
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
      message: unnumbered
        ? `De vraag ‘${quote(q.subquestions[0]?.text ?? q.questionText, 60)}’${q.section ? ` (${q.section})` : ''} is niet beantwoord. Voeg na de vraag een genummerd antwoord toe.`
        : `Vraag ${label(q, letter)} is niet beantwoord. Voeg onder de vraag een antwoord toe.`,
      question: q.id,
      data,
    });
  }
}

/** "Vraag 3", "Vragen 2 en 3", "Antwoord 4", "Antwoord op vraag 5": headings of a question letter or its answer. */
const MARKER = /\b(?:Vra(?:ag|gen)[ \t\u00a0]+\d{1,4}[a-z]?|Antwoord(?:[ \t\u00a0]+op)?(?:[ \t\u00a0]+vraag)?[ \t\u00a0]+\d{1,4}[a-z]?)(?![\p{L}\p{N}])/gu;
/** An "Antwoord" label alone on its line. */
const ANSWER_LABEL = /^[ \t#*_]*Antwoord[ \t*_]*:?[ \t]*\r?$/gm;
/** Question marks per this many characters that make a text look like it asks (a letter may quote one or two). */
const CHARS_PER_ASKING = 4000;

/**
 * `no-questions-found`: the reader found no question, yet the text looks like it holds some —
 * a `Vraag N` / `Antwoord N` marker, an `Antwoord` label on its own line, or sentences ending in
 * `?` (at least two, and at least one per CHARS_PER_ASKING characters: a letter without
 * questions may quote a question or two). Reported once, at the first marker (else the first
 * question mark), naming what looked like markers. Linear (two global scans, capped at 3 hits).
 */
function noQuestionsFound(letter: Letter, asking: number, out: Finding[]): void {
  const text = letter.text;
  const seen: { at: number; end: number; what: string }[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m && seen.length < 3; m = MARKER.exec(text)) seen.push({ at: m.index, end: m.index + m[0].length, what: m[0] });
  let labels = 0;
  ANSWER_LABEL.lastIndex = 0;
  for (let m = ANSWER_LABEL.exec(text); m && labels < 3; m = ANSWER_LABEL.exec(text)) {
    labels++;
    const at = m.index + m[0].indexOf('A');
    seen.push({ at, end: at + 8, what: 'Antwoord' });
    if (m[0].length === 0) ANSWER_LABEL.lastIndex++;
  }
  const asks = asking >= 2 && asking * CHARS_PER_ASKING >= text.length;
  if (!seen.length && !asks) return;
  seen.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  const names = [...new Set(seen.map((s) => s.what.replace(/\s+/g, ' ')))].slice(0, 3);
  if (names.length) parts.push(names.map((n) => `‘${n}’`).join(', '));
  if (asking) parts.push(`${asking} ${asking === 1 ? 'zin' : 'zinnen'} met een vraagteken`);
  let span: Span;
  if (seen.length) span = { start: seen[0].at, end: seen[0].end };
  else {
    const q = text.indexOf('?');
    const from = Math.max(0, text.lastIndexOf('\n', q) + 1);
    span = { start: from, end: q + 1 };
  }
  out.push({
    code: 'no-questions-found',
    span,
    message: `Geen vragen herkend in deze brief, terwijl er wel iets op vragen lijkt: ${parts.join(' en ')}. Zet elke vraag onder een kopje ‘Vraag N’ (of begin haar met ‘N.’) en het antwoord eronder, zodat de controle de vragen kan vinden.`,
    data: { markers: names, asking },
  });
}

function placeholders(letter: Letter, out: Finding[]): void {
  for (const q of letter.questions) {
    const a = q.answer;
    if (!a.span || a.status === 'missing' || a.status === 'context') continue;
    for (const p of answerPlaceholders(letter.text, a)) {
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

/** Where a chain of answers by reference ends: in an answer, in a missing one, or in a loop. */
type Outcome = { ok: true } | { ok: false; end: QuestionUnit; cycle: false } | { ok: false; cycle: true; loop: QuestionUnit[] };

/**
 * The outcome of following by-reference answers from each unit. Iterative (chains can be long)
 * and memoised per unit, so all references together cost time linear in the letter.
 */
function chainOutcomes(letter: Letter): (q: QuestionUnit) => Outcome {
  const memo = new Map<QuestionUnit, Outcome>();
  const OK: Outcome = { ok: true };
  const settle = (q: QuestionUnit): Outcome | undefined => {
    const s = q.answer.status;
    if (s === 'answered' || s === 'context') return OK;
    if (s === 'missing' || s === 'placeholder') return { ok: false, end: q, cycle: false };
    return undefined;
  };
  return (start) => {
    const known = memo.get(start);
    if (known) return known;
    const direct = settle(start);
    if (direct) {
      memo.set(start, direct);
      return direct;
    }
    type Frame = { u: QuestionUnit; i: number; child: QuestionUnit | null };
    const stack: Frame[] = [{ u: start, i: 0, child: null }];
    const onStack = new Set<QuestionUnit>([start]);
    const finish = (o: Outcome) => {
      const f = stack.pop()!;
      onStack.delete(f.u);
      memo.set(f.u, o);
    };
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.child) {
        const r = memo.get(top.child)!;
        top.child = null;
        if (!r.ok) {
          finish(r);
          continue;
        }
      }
      if (top.i >= top.u.answer.refersTo.length) {
        finish(OK);
        continue;
      }
      const t = resolveAnswerTarget(letter, top.u, top.u.answer.refersTo[top.i++]);
      if (!t) continue; // reported as dangling where the reference stands
      const seen = memo.get(t);
      if (seen) {
        if (!seen.ok) finish(seen);
        continue;
      }
      if (onStack.has(t)) {
        const from = stack.findIndex((f) => f.u === t);
        finish({ ok: false, cycle: true, loop: stack.slice(from).map((f) => f.u) });
        continue;
      }
      const direct2 = settle(t);
      if (direct2) {
        memo.set(t, direct2);
        if (!direct2.ok) finish(direct2);
        continue;
      }
      top.child = t;
      stack.push({ u: t, i: 0, child: null });
      onStack.add(t);
    }
    return memo.get(start)!;
  };
}

const LOOP_POSITIONS = new WeakMap<QuestionUnit[], Map<QuestionUnit, number>>();

/** Where `q` stands in a loop (-1 when outside it); indexed once per loop. */
function loopPosition(loop: QuestionUnit[], q: QuestionUnit): number {
  let pos = LOOP_POSITIONS.get(loop);
  if (!pos) {
    pos = new Map(loop.map((u, i) => [u, i]));
    LOOP_POSITIONS.set(loop, pos);
  }
  return pos.get(q) ?? -1;
}

/** "vraag 2 → vraag 3 → vraag 2", starting at `at` (or the loop's start); long loops shortened. */
function loopText(loop: QuestionUnit[], at: number): string[] {
  const start = at >= 0 ? at : 0;
  const n = loop.length;
  const pick = (k: number) => `vraag ${loop[(start + k) % n].id}`;
  if (n <= 6) return [...Array.from({ length: n }, (_, k) => pick(k)), pick(0)];
  return [pick(0), pick(1), pick(2), `… (${n - 4} meer)`, pick(n - 1), pick(0)];
}

function unitOfOffset(letter: Letter): (offset: number) => QuestionUnit | undefined {
  const withAnswers = letter.questions.filter((q) => q.answer.span).sort((a, b) => a.answer.span!.start - b.answer.span!.start);
  return (offset) => {
    const found = withAnswers[lastStartingAtOrBefore(withAnswers, offset, (q) => q.answer.span!.start)];
    return found && offset < found.answer.span!.end ? found : undefined;
  };
}

function references(letter: Letter, out: Finding[]): void {
  const unitAt = unitOfOffset(letter);
  const outcome = chainOutcomes(letter);
  for (const r of letter.answerReferences) {
    const from = unitAt(r.span.start);
    if (!from) continue; // only references inside an answer are promises that an answer exists
    for (let i = 0; i < r.targets.length; i++) {
      const t = r.targets[i];
      const span: Span = r.targetSpans[i];
      const target = resolveTarget(letter, r.sectionIndex, t);
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
      const o = outcome(target);
      if (o.ok) continue;
      let message: string;
      let data: Record<string, unknown>;
      if (o.cycle) {
        const at = loopPosition(o.loop, from);
        const ids = loopText(o.loop, at);
        message =
          at >= 0
            ? `Kringverwijzing: ${ids.join(' → ')}. Nergens in deze keten staat het antwoord zelf; schrijf het uit bij een van deze vragen.`
            : `Het antwoord op vraag ${label(target, letter)} komt uit in een kringverwijzing (${ids.join(' → ')}); nergens staat het antwoord zelf. Schrijf het antwoord hier of in die keten uit.`;
        data = { target: target.id, cycle: true, loop: o.loop.length <= 50 ? o.loop.map((q) => q.id) : undefined };
      } else if (o.end === target) {
        message = `Vraag ${label(target, letter)} is zelf niet beantwoord, dus deze verwijzing beantwoordt niets. Beantwoord vraag ${target.id} of schrijf het antwoord hier uit.`;
        data = { target: target.id, cycle: false, end: o.end.id };
      } else {
        message = `Het antwoord op vraag ${label(target, letter)} verwijst door naar vraag ${label(o.end, letter)}, die niet beantwoord is. Beantwoord vraag ${o.end.id} of schrijf het antwoord hier uit.`;
        data = { target: target.id, cycle: false, end: o.end.id };
      }
      out.push({ code: 'reference-to-unanswered', span, message, question: from.id, data });
    }
  }
}

function numbering(letter: Letter, out: Finding[]): void {
  const units = letter.questions.filter((q) => q.number > 0 && !isUnnumbered(q));
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

/** Snowball's Dutch stemmer drops these accents ("Oekraïne" → "oekrain"); fold the answer alike. */
const ACCENTS: Record<string, string> = { ä: 'a', ë: 'e', ï: 'i', ö: 'o', ü: 'u', á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', è: 'e' };
function foldAccents(s: string): string {
  return s.replace(/[äëïöüáéíóúè]/g, (c) => ACCENTS[c]);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

/** Whether a stem occurs in the (lowercased) answer, as described in `notAddressed`. */
function stemOccurs(answer: string, st: string): boolean {
  if (st.length < MIN_PART - 1) {
    // Short stems only at the start of a word ("ai" must not match "maatregel").
    for (let at = answer.indexOf(st); at >= 0; at = answer.indexOf(st, at + 1)) if (!isLetter(answer.charCodeAt(at - 1))) return true;
    return false;
  }
  if (answer.includes(st)) return true;
  if (st.length > MIN_PART && answer.includes(st.slice(0, -1))) return true;
  for (let k = 1; k <= st.length - MIN_PART; k++) if (answer.includes(st.slice(k))) return true;
  return false;
}

/** Subquestion + answer text → its unmentioned key terms, or false when it is addressed. */
const UNADDRESSED_CACHE = new Map<string, KeyTerm[] | false>();
/** Bound on the characters held by the cache's keys (about 16 MB); it starts afresh beyond. */
const UNADDRESSED_CACHE_CHARS = 8_000_000;
let unaddressedCacheSize = 0;

function notAddressed(letter: Letter, out: Finding[]): void {
  for (const q of letter.questions) {
    const s = q.answer.status;
    // With a single subquestion the whole answer is about it; only several can be half answered.
    // An answer by another paper (a mededeling) holds no text to search.
    if ((s !== 'answered' && s !== 'by-reference') || q.subquestions.length < 2 || q.answer.paper) continue;
    const texts = [q.answer.text];
    const seen = new Set<QuestionUnit>([q]);
    const queue = [q];
    while (queue.length) {
      const u = queue.shift()!;
      for (const t of u.answer.refersTo) {
        const target = resolveAnswerTarget(letter, u, t);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        texts.push(target.answer.text);
        if (target.answer.status === 'by-reference') queue.push(target);
      }
    }
    // The answer is searched for each key term's stem, not stemmed itself: a stem is the start
    // of its inflected forms ("maatregel" in "maatregelen") and sits inside compounds
    // ("capaciteit" in "cybercapaciteiten"); a compound in the question is answered by its head
    // ("afschrikking" for "cyberafschrikking"), so tails of long stems count as well.
    const joined = texts.join(' ');
    let answer: string | undefined;
    const mentioned = (term: KeyTerm) => term.stems.some((st) => stemOccurs(answer!, st));
    for (const sub of q.subquestions) {
      // "Zo ja, …" asks only if the answer to the previous subquestion was yes.
      if (CONDITIONAL.test(sub.text)) continue;
      // The verdict depends on the two texts only, and most units do not change between
      // keystrokes: remember it.
      const key = sub.text.length + ':' + sub.text + joined;
      let terms = UNADDRESSED_CACHE.get(key);
      if (terms === undefined) {
        const all = keyTerms(sub.text);
        answer ??= foldAccents(joined.toLowerCase());
        terms = all.length < MIN_TERMS || all.some(mentioned) ? false : all;
        unaddressedCacheSize += key.length;
        if (unaddressedCacheSize > UNADDRESSED_CACHE_CHARS) {
          UNADDRESSED_CACHE.clear();
          unaddressedCacheSize = key.length;
        }
        UNADDRESSED_CACHE.set(key, terms);
      }
      if (!terms) continue;
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
