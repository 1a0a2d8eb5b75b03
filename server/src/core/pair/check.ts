/**
 * Checks an answer letter against its question letter: every question carried, verbatim, in
 * order, nothing extra; and the answer term. Findings are in the answer letter.
 */
import type { Finding, Letter, QuestionUnit, Subquestion } from '../model';
import { collapseWhitespace, type Span } from '../text';
import { matchLetters, longestIncreasing, normalizedProse, type PairMatch } from './match';
import { describeChanges, normalizeQuestion, wordDiff, type WordChange } from './normalize';
import { daysBetween, dutchDate, findTerm, type Term } from './term';
import { displayQuestionText } from './display';
import { missingPlaces } from './missing';
import { answerStatus } from '../features/status';
import type { Memo } from '../memo';

export interface PairOptions {
  /** Name of the question letter as shown to the user (file name). */
  questionLetterName?: string;
  /** Today's date (ISO), for the answer term; no term check without it. */
  today?: string;
  /**
   * The answer letter's own date (ISO): its header date, `--datum` or the `briefdatum` setting.
   * When given, the term is compared with it instead of today (a dated letter is late by its date).
   */
  letterDate?: string | null;
  /** The question letter's term, when already computed. */
  term?: Term;
  /** The analyzer's caches. */
  memo?: Memo;
}

/** Quick-fix data of a pair finding: replace `span` of the answer letter by `text`. */
export interface PairFix {
  kind: 'pair-edit';
  /** Dutch title of the quick fix. */
  title: string;
  span: Span;
  text: string;
}

/** How the answer letter writes its headings, so inserted questions look like the rest. */
interface HeadingStyle {
  vraag: (id: string) => string;
  antwoord: (id: string) => string;
  prose: boolean;
}

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  return text.slice(start, end).replace(/\r$/, '');
}

function detectStyle(answer: Letter): HeadingStyle {
  for (const u of answer.questions) {
    const line = lineOf(answer.text, u.headingSpan.start);
    const m = /^([ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?)Vraag\b/u.exec(line);
    if (m) {
      const prefix = m[1].trim();
      const close = prefix.endsWith('**') ? '**' : prefix.endsWith('__') ? '__' : '';
      const p = prefix.endsWith('**') || prefix.endsWith('__') ? prefix : prefix ? `${prefix} ` : '';
      let ans = (id: string) => `${p}Antwoord ${id}${close}`;
      if (u.answer.headingSpan) {
        const aline = lineOf(answer.text, u.answer.headingSpan.start);
        const am = /^([ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?)Antwoord(?:[ \t]+op[ \t]+vraag)?\b/iu.exec(aline);
        if (am) {
          const ap = am[1].trim();
          const aclose = ap.endsWith('**') ? '**' : ap.endsWith('__') ? '__' : '';
          const apx = ap.endsWith('**') || ap.endsWith('__') ? ap : ap ? `${ap} ` : '';
          const word = /Antwoord[ \t]+op[ \t]+vraag/iu.test(aline) ? 'Antwoord op vraag' : 'Antwoord';
          ans = (id: string) => `${apx}${word} ${id}${aclose}`;
        }
      }
      return { vraag: (id) => `${p}Vraag ${id}${close}`, antwoord: ans, prose: false };
    }
    if (u.answer.headingSpan && /^[ \t]*\d+[a-z]?\.[ \t]+Antwoord\b/iu.test(lineOf(answer.text, u.answer.headingSpan.start))) {
      return { vraag: () => '', antwoord: (id) => `${id}. Antwoord van het kabinet`, prose: true };
    }
  }
  return { vraag: (id) => `### Vraag ${id}`, antwoord: (id) => `### Antwoord ${id}`, prose: false };
}

function questionBlock(style: HeadingStyle, unit: QuestionUnit, eol: string): string {
  const body = displayQuestionText(unit.questionText);
  const parts = style.prose ? [body, style.antwoord(unit.id)] : [style.vraag(unit.id), body, style.antwoord(unit.id)];
  return parts.join(eol + eol) + eol + eol;
}

function label(unit: QuestionUnit): string {
  return unit.section ? `vraag ${unit.id} (${unit.section})` : `vraag ${unit.id}`;
}

/** "vragen 9 en 10", "vragen 2, 3 en 4" (with the fractie in a letter that has them). */
function jointLabel(units: QuestionUnit[]): string {
  const ids = units.map((u) => u.id);
  const list = ids.length > 1 ? `${ids.slice(0, -1).join(', ')} en ${ids[ids.length - 1]}` : ids[0];
  const section = units[0].section ? ` (${units[0].section})` : '';
  return `${ids.length > 1 ? 'vragen' : 'vraag'} ${list}${section}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function clip(text: string, max = 80): string {
  const t = collapseWhitespace(text);
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** A short span to put a finding on: the unit's heading (or its first line). */
function anchor(unit: QuestionUnit): Span {
  return unit.headingSpan.end > unit.headingSpan.start ? unit.headingSpan : unit.questionSpan;
}

/**
 * Leading or trailing additions that the question letter itself has (context the two letters
 * cut into units differently) are no differences.
 */
function trimContext(changes: WordChange[] | null, qFull: string): WordChange[] | null {
  if (!changes) return changes;
  return changes.filter((c, k) => !((k === 0 || k === changes.length - 1) && !c.removed && qFull.includes(normalizeQuestion(c.added))));
}

/** Compares the answer letter with its question letter; findings are in the answer letter. */
export function checkPair(questions: Letter, answer: Letter, options: PairOptions = {}, match?: PairMatch): Finding[] {
  const m = match ?? matchLetters(questions, answer, options.memo);
  const q = questions.questions;
  const a = answer.questions;
  const findings: Finding[] = [];
  const where = options.questionLetterName ? ` (${options.questionLetterName})` : '';
  const eol = answer.text.includes('\r\n') ? '\r\n' : '\n';

  // A joint question heading ("Vraag 9 en 10") carrying several questions: its text is compared
  // once with theirs in a row, and reported once, on the heading's first unit.
  const jointQuestions = new Set<number>();
  const reported = new Set<number>();
  for (const g of m.joint) {
    for (const i of g.questions) jointQuestions.add(i);
    for (const j of g.members) reported.add(j);
    const head = a[g.members[0]];
    if (m.kind[g.members[0]] !== 'differs') continue;
    const asked = [...new Set(g.questions.map((i) => q[i].questionText))].join(' ');
    const changes = trimContext(wordDiff(asked, head.questionText), m.qFull);
    const detail = changes && changes.length ? describeChanges(changes) : 'de tekst is sterk gewijzigd';
    const which = jointLabel(g.members.map((j) => a[j]));
    findings.push({
      code: 'question-text-differs',
      span: head.questionSpan.end > head.questionSpan.start ? head.questionSpan : anchor(head),
      message: `${cap(which)} ${g.members.length > 1 ? 'zijn' : 'is'} anders overgenomen dan in de vragenbrief${where}: ${detail}. Neem de vragen letterlijk over.`,
      question: head.id,
      data: {
        kind: 'pair-edit',
        title: `Herstel de tekst van ${which} uit de vragenbrief`,
        span: head.questionSpan,
        text: displayQuestionText(asked),
      } satisfies PairFix,
    });
  }

  // Carried with other words: a dropped subquestion is "missing", any other change "differs".
  const missingByUnit = new Map<number, Subquestion[]>();
  for (let i = 0; i < q.length; i++) {
    const carriers = m.carriers[i];
    if (!carriers.length || jointQuestions.has(i)) continue;
    // A carrier holding the whole question text carries every subquestion of it.
    if (carriers.some((j) => m.aNorm[j].includes(m.qNorm[i]))) continue;
    const carried = carriers.map((j) => m.aNorm[j]).join(' ');
    const missing = q[i].subquestions.filter((sq) => !carried.includes(normalizeQuestion(sq.text, options.memo)));
    if (missing.length) missingByUnit.set(i, missing);
  }
  // The question letter around unit i (its neighbours included, for context the two letters
  // cut differently) with the dropped subquestions cut out: bounded by the neighbours, so the
  // work stays linear however many units lose a subquestion.
  const withoutMissing = (i: number, missing: Subquestion[]): string => {
    const from = i > 0 ? q[i - 1].span.start : 0;
    const to = i + 1 < q.length ? q[i + 1].span.end : questions.text.length;
    let rest = questions.text.slice(from, to);
    for (const sq of [...missing].sort((x, y) => y.span.start - x.span.start)) {
      rest = rest.slice(0, sq.span.start - from) + ' ' + rest.slice(sq.span.end - from);
    }
    return normalizedProse(rest, options.memo);
  };
  for (let i = 0; i < q.length; i++) {
    const qu = q[i];
    const carriers = m.carriers[i];
    if (!carriers.length || jointQuestions.has(i)) continue;
    const missing = missingByUnit.get(i);
    if (!missing && carriers.every((j) => m.kind[j] !== 'differs')) continue;
    const first = a[carriers[0]];
    const restore: PairFix | undefined =
      carriers.length === 1
        ? { kind: 'pair-edit', title: `Herstel de tekst van ${label(qu)} uit de vragenbrief`, span: first.questionSpan, text: displayQuestionText(qu.questionText) }
        : undefined;
    const rest = missing ? withoutMissing(i, missing) : null;
    if (missing && rest !== null && carriers.every((j) => rest.includes(m.aNorm[j]))) {
      for (const sq of missing) {
        findings.push({
          code: 'question-missing',
          span: first.questionSpan.end > first.questionSpan.start ? first.questionSpan : anchor(first),
          message: `Een subvraag van ${label(qu)} uit de vragenbrief${where} ontbreekt: „${clip(sq.text)}”. Neem de vraag letterlijk over.`,
          question: first.id,
          data: restore ? { ...restore, title: `Voeg de ontbrekende subvraag toe aan vraag ${first.id}` } : undefined,
        });
      }
      carriers.forEach((j) => reported.add(j));
      continue;
    }
    for (const j of carriers) {
      if (m.kind[j] !== 'differs' && !missing) continue;
      if (reported.has(j)) continue;
      reported.add(j);
      const au = a[j];
      const changes = trimContext(wordDiff(qu.questionText, au.questionText), m.qFull);
      const detail = changes && changes.length ? describeChanges(changes) : 'de tekst is sterk gewijzigd';
      findings.push({
        code: 'question-text-differs',
        span: au.questionSpan.end > au.questionSpan.start ? au.questionSpan : anchor(au),
        message: `${cap(label(au))} is anders overgenomen dan in de vragenbrief${where}: ${detail}. Neem de vraag letterlijk over.`,
        question: au.id,
        data: carriers.length === 1 ? restore : undefined,
      });
    }
  }

  // Out of order: the matched units outside a longest run in the question letter's order.
  const matched: number[] = [];
  for (let j = 0; j < a.length; j++) if (m.aToQ[j] !== -1) matched.push(j);
  const inOrder = longestIncreasing(matched.map((j) => m.aToQ[j]));
  // A joint heading out of order is said once, for all its numbers.
  const groupOf = new Map<number, number[]>();
  for (const g of m.joint) for (const j of g.members) groupOf.set(j, g.members);
  const said = new Set<number>();
  matched.forEach((j, k) => {
    if (inOrder.has(k)) return;
    const group = groupOf.get(j);
    if (group && said.has(group[0])) return;
    if (group) said.add(group[0]);
    const qi = group ? Math.min(...group.map((x) => m.aToQ[x])) : m.aToQ[j];
    const before = qi > 0 ? `na ${label(q[qi - 1])}` : 'als eerste';
    const head = a[group ? group[0] : j];
    findings.push({
      code: 'question-order',
      span: anchor(head),
      message: group
        ? `${cap(jointLabel(group.map((x) => a[x])))} staan in een andere volgorde dan in de vragenbrief${where}: daar komen zij ${before}.`
        : `${cap(label(a[j]))} staat in een andere volgorde dan in de vragenbrief${where}: daar komt zij ${before}.`,
      question: head.id,
    });
  });

  for (let j = 0; j < a.length; j++) {
    if (m.aToQ[j] !== -1) continue;
    // A context-only parent that asks nothing ("Vraag 2" before 2a and 2b) introduces its
    // subquestions; it is not an extra question however it is worded.
    if (a[j].answer.status === 'context' && !a[j].subquestions.length) continue;
    findings.push({
      code: 'question-extra',
      span: anchor(a[j]),
      message: `${cap(label(a[j]))} staat niet in de vragenbrief${where}. Controleer of de vraag daar letterlijk zo gesteld is.`,
      question: a[j].id,
    });
  }

  // Missing questions: inserted before the next carried question of the same section, or after
  // the previous one, so the quick fix puts them where the question letter has them; the finding
  // marks that gap (an empty span), not the correct heading next to it.
  const style = detectStyle(answer);
  for (const place of missingPlaces(questions, answer, m)) {
    const qu = q[place.index];
    if (place.answer) {
      // Its answer is there ("Antwoord 8" without "Vraag 8"): the question goes above it.
      const body = displayQuestionText(qu.questionText);
      const text = (style.prose ? [body] : [style.vraag(qu.id), body]).join(eol + eol) + eol + eol;
      findings.push({
        code: 'question-missing',
        span: place.answer,
        message: `${cap(label(qu))} uit de vragenbrief${where} ontbreekt boven dit antwoord: „${clip(qu.questionText)}”. Neem de vraag letterlijk op.`,
        question: qu.id,
        data: { kind: 'pair-edit', title: `Voeg ${label(qu)} letterlijk toe boven het antwoord`, span: { start: place.insertAt, end: place.insertAt }, text } satisfies PairFix,
      });
      continue;
    }
    let block = questionBlock(style, qu, eol);
    if (place.after) block = eol + eol + block.replace(/(\r?\n)+$/, '');
    findings.push({
      code: 'question-missing',
      span: { start: place.at, end: place.at },
      message: `${cap(label(qu))} uit de vragenbrief${where} ontbreekt in de antwoordbrief: „${clip(qu.questionText)}”. Neem de vraag letterlijk op met een antwoord.`,
      question: qu.id,
      data: { kind: 'pair-edit', title: `Voeg ${label(qu)} letterlijk toe`, span: { start: place.insertAt, end: place.insertAt }, text: block } satisfies PairFix,
    });
  }

  // Only an unfinished answer letter gets the advice: for a finished one it is too late to act.
  // Unfinished by the status item's count: an open question (no answer, a placeholder, a reference
  // leading nowhere, a question of the question letter not carried).
  const unfinished = answerStatus(answer, { questions, match: m }).open.length > 0;
  if (options.today && unfinished) {
    const term = options.term ?? findTerm(questions.text);
    if (term.due) {
      const dated = options.letterDate ?? null;
      const left = daysBetween(dated ?? options.today, term.due);
      if (left < 0) {
        const firstLineEnd = answer.text.search(/\r?\n|$/);
        const sent = term.sent ? `de vragen zijn ingezonden op ${dutchDate(term.sent)} en ` : '';
        const days = `${-left} ${-left === 1 ? 'dag' : 'dagen'}`;
        const late = dated ? `de brief is gedateerd ${dutchDate(dated)}, ${days} later` : `${days} geleden`;
        findings.push({
          code: 'answer-term-exceeded',
          span: { start: 0, end: Math.max(firstLineEnd, 0) },
          message: `De antwoordtermijn is verstreken: ${sent}het antwoord werd uiterlijk ${dutchDate(term.due)} verwacht (${late}). Overweeg een uitstelbericht aan de Kamer.`,
        });
      }
    }
  }

  return findings.sort((x, y) => x.span.start - y.span.start || x.code.localeCompare(y.code));
}
