/**
 * The letter model: sections, question units, their subquestions and answers.
 *
 * Reading goes in stages, each a small reader, every one linear:
 * 1. Lines (`lines.ts`): each line classified on its own — headings (`Vraag 1`, `Vragen 9 en
 *    10`, `Vraag 4 t/m 6`, `Vraag 12 (blz. 4)`, `Antwoord 4–6`, `Antwoord op de vragen 1 tot en
 *    met 3`), fractie headings, `N.` items, page furniture of PDFs, stop lines (signature,
 *    "Mededeling van …").
 * 2. Layout readers (`layouts.ts`) that need more than one line: lines whose breaks were lost
 *    are cut into virtual lines before unambiguous markers; a lijst van vragen's bare number lines
 *    become question headings.
 * 3. Sentences (`sentences.ts`), then units, one pass over the lines:
 *    - `Vraag 1` / `Vraag 1a` headings with the question and then its answer under each (with or
 *      without an `Antwoord 1` heading). Without an answer heading the question is the text up to
 *      and including the run of asking sentences; the rest is the answer. A joint heading gives
 *      one unit per number, answered together unless a numbered answer heading leaves one out.
 *      A `Vraag 1` directly followed by `Vraag 1a` is context only (answered by its subquestions)
 *      when it asks nothing; when it asks, it must be answered by its own answer.
 *    - Kamervragen numbering (`1.` items, each asking something; a numbered list inside an answer
 *      asks nothing and stays answer text), answered under `Antwoord 1` / `Antwoord op vraag 1`.
 *    - Prose question blocks each followed by `N. Antwoord van het kabinet` (the unit's id is N).
 *      The question block starts at the first asking or committee-voiced sentence after the
 *      previous answer heading; what precedes it is the previous answer.
 *    - An inbreng without answer headings: each asking paragraph of a fractie is a unit.
 *    Answers that stand apart from their questions are matched by number, in the same section first.
 * 4. Parts (`parts.ts`): a document that reprints its questions before the answer letter (a
 *    verslag) is read as one unit per question, answered by its repetition; a mededeling instead
 *    of answers answers every question by reference to the Kamerstuk it cites.
 */
import type { Answer, AnswerReference, Letter, QuestionUnit, Section, Subquestion } from '../model';
import type { Span } from '../text';
import { LineKind, expandIdList, readLines, readLinesFresh, type Lines } from './lines';
import { readSentences, readSentencesFresh, type Sentence } from './sentences';
import { findAnswerReferences } from './references';
import { findPlaceholders } from './placeholders';
import { firstSentenceAt, sentencesIn, splitId, type Draft, type DraftKind } from './draft';
import { findReferral, pairReprintedInbreng, pairRepeatedQuestions } from './parts';
import { findCitations } from '../citations/index';
import { readFootnoteBodies, readNumberLines, readSignatures, splitRunOnLines } from './layouts';
import type { Memo } from '../memo';

export type LetterKind = 'answer-letter' | 'question-letter' | 'none';

/**
 * Whether a unit's id was given by the parser rather than the letter: a prose question in an
 * inbreng with no answer heading yet. Its number is a running count, not a number to check.
 */
export function isUnnumbered(q: QuestionUnit): boolean {
  return q.unnumbered === true;
}


/** An answer heading that matched no question. */
export interface OrphanAnswer {
  id: string;
  span: Span;
  sectionIndex: number;
  /**
   * Set when question `id` exists and already has an answer (the same heading twice, or an answer
   * repeated): a duplicated answer, not an answer without question. The fractie's title when the
   * question stands in a fractie section, else null.
   */
  duplicate?: { section: string | null };
}

/** The letter model plus what the checks need beyond the shared contract. */
export interface ParsedLetter extends Letter {
  kind: LetterKind;
  /** Answer headings without a question of that number. */
  orphanAnswers: OrphanAnswer[];
  /** How many sentences of the text end in a question mark (whether or not in a question unit). */
  askingSentences: number;
}

const KAMERVRAGEN_HEADER = /^[ \t]*(?:\*\*|#{1,6}[ \t]*)?Vragen[ \t]+van[ \t]+(?:het[ \t]+lid|de[ \t]+leden)[ \t]/m;


/**
 * Parse a letter (Markdown or plain text, typed or pasted from a PDF). Linear in its length.
 * With the analyzer's memo, the readings of the previous version of a long text are reused.
 */
export function parseLetter(text: string, memo?: Memo): ParsedLetter {
  const lines = splitRunOnLines(text, readLines(text, memo));
  readNumberLines(text, lines);
  readFootnoteBodies(text, lines);
  readSignatures(text, lines);
  return parseLines(text, lines, readSentences(text, lines, memo));
}

/** `parseLetter` without reuse of earlier readings of lines and sentences (the reference for tests). */
export function parseLetterFresh(text: string): ParsedLetter {
  const lines = splitRunOnLines(text, readLinesFresh(text));
  readNumberLines(text, lines);
  readFootnoteBodies(text, lines);
  readSignatures(text, lines);
  return parseLines(text, lines, readSentencesFresh(text, lines));
}

function parseLines(text: string, lines: Lines, sentences: Sentence[]): ParsedLetter {

  let hasQuestionHeadings = false;
  let hasProseHeadings = false as boolean;
  let hasAnswerHeadings = false;
  for (let l = 0; l < lines.count; l++) {
    const k = lines.kind[l];
    if (k === LineKind.QuestionHeading) hasQuestionHeadings = true;
    else if (k === LineKind.ProseAnswerHeading) hasProseHeadings = true;
    else if (k === LineKind.AnswerHeading) hasAnswerHeadings = true;
  }
  const kamervragen = KAMERVRAGEN_HEADER.test(text.length > 20000 ? text.slice(0, 20000) : text) && /\(ingezonden\b/.test(text.slice(0, 20000));
  const itemMode = !hasQuestionHeadings && !hasProseHeadings && (kamervragen || itemsLookLikeQuestions(lines, sentences));

  // An inbreng or verslag answered under unnumbered labels ("Antwoord", "Reactie van het
  // kabinet"): each label answers the question block before it, as a numbered prose heading does.
  if (!hasQuestionHeadings && !itemMode) {
    for (let l = 0; l < lines.count; l++) {
      if (lines.kind[l] === LineKind.AnswerHeading && lines.id[l] === '') {
        lines.kind[l] = LineKind.ProseAnswerHeading;
        hasProseHeadings = true;
      }
    }
  }
  let proseCount = 0;

  const layout = layoutOf(text, lines);
  const sections: Section[] = [];
  const drafts: Draft[] = [];
  const orphanLines: { line: number; id: string; sectionIndex: number }[] = [];
  /** Answer headings repeating the one just before them over an empty answer. */
  const duplicateLines: { line: number; id: string; sectionIndex: number }[] = [];
  /** Numbered answer headings standing apart from their question, in order; `block` counts runs of them. */
  const detachedAnswers: DetachedAnswer[] = [];
  let answerBlock = 0;
  /** Prose question blocks whose answer number skips numbers (see `splitGappedBlocks`). */
  const gapped: { draft: Draft; gap: number; first: number }[] = [];
  let sectionIndex = -1;
  let cur: Draft | null = null;
  let proseFrom = 0;
  let lastItem = 0;

  const close = (at: number) => {
    if (!cur) return;
    if (cur.kind === 'orphan') {
      cur = null;
      return;
    }
    if (cur.aHeadLine >= 0) {
      cur.aEnd = at;
      for (const j of cur.joint ?? []) j.aEnd = at;
    } else {
      cur.qEnd = at;
      cur.unsplit = cur.kind === 'heading' || cur.kind === 'item';
    }
    cur = null;
  };
  const newDraft = (kind: DraftKind, id: string, headingStart: number, headingEnd: number, qStart: number): Draft => {
    const { number, suffix } = splitId(id);
    return { kind, id, number, suffix, sectionIndex, headingStart, headingEnd, qStart, qEnd: qStart, aHeadLine: -1, aStart: -1, aEnd: -1, unsplit: false, context: false };
  };
  // Drafts still without an answer, by id, so that a detached answer finds its question fast.
  // `head` skips the answered drafts at the front (the earliest unanswered one), so that all
  // look-ups together stay linear.
  const open = new Map<string, { list: Draft[]; head: number }>();
  const remember = (d: Draft) => {
    let entry = open.get(d.id);
    if (!entry) open.set(d.id, (entry = { list: [], head: 0 }));
    entry.list.push(d);
  };
  const sectionTitle = (i: number) => (i >= 0 ? sections[i]?.title ?? '' : '');
  /**
   * The question an answer heading standing apart from its question answers: the latest
   * unanswered draft of that id in the same section, else in a section of the same fractie (an
   * answer letter repeating the fractie headings), else the earliest unanswered one (answers
   * follow the questions' order).
   */
  const findUnanswered = (id: string): Draft | undefined => {
    const entry = open.get(id);
    if (!entry) return undefined;
    const list = entry.list;
    while (list.length > entry.head && list[list.length - 1].aHeadLine >= 0) list.pop();
    while (entry.head < list.length && list[entry.head].aHeadLine >= 0) entry.head++;
    if (entry.head >= list.length) return undefined;
    const title = sectionTitle(sectionIndex);
    let sameFractie: Draft | undefined;
    for (let i = list.length - 1; i >= entry.head && i >= list.length - 8; i--) {
      const d = list[i];
      if (d.aHeadLine >= 0) continue;
      if (d.sectionIndex === sectionIndex) return d;
      if (title && !sameFractie && sectionTitle(d.sectionIndex) === title) sameFractie = d;
    }
    return sameFractie ?? list[entry.head];
  };

  /**
   * "Antwoord 6a" when the letter has a question 6 but no 6a: the drafter answers the
   * subquestions of question 6 one by one. When question 6 (unanswered, asked under its own
   * heading or item) marks its subquestions with letters ("a) …", "b. …", "(c) …"), or else asks
   * in two or more sentences (a, b, … in order), it becomes a context-only parent of one question
   * per subquestion (6a, 6b …, as if the letter had headed them so), and the one of `id` is
   * returned: its answer is this heading's; the others stay open until their own answers come.
   * Undefined when question 6 has no subquestion `id`'s letter (`markedOnly`: no letter marks).
   */
  const splitIntoSubquestions = (id: string, markedOnly = false): Draft | undefined => {
    const { number, suffix } = splitId(id);
    if (!suffix) return undefined;
    const parent = findUnanswered(String(number));
    if (!parent || (parent.kind !== 'heading' && parent.kind !== 'item') || parent.twins || parent.twinOf || parent.context) return undefined;
    // A question read once per kind of look (its text is closed by now): many stray "Antwoord
    // 6x" headings under one long question stay linear.
    const key = markedOnly ? 1 : 0;
    let known = partsOf.get(parent);
    if (!known) partsOf.set(parent, (known = [null, null]));
    const parts = (known[key] ??= subquestionParts(text, lines, sentences, parent.qStart, parent.qEnd, markedOnly));
    if (!parts.some((p) => p.letter === suffix)) return undefined;
    let found: Draft | undefined;
    parts.forEach((p, k) => {
      const qEnd = k + 1 < parts.length ? parts[k + 1].start : parent.qEnd;
      const line = lineOf(lines, p.start);
      const child = newDraft(parent.kind, `${number}${p.letter}`, p.start, Math.max(p.start, Math.min(lines.tend[line], qEnd)), p.start);
      child.sectionIndex = parent.sectionIndex;
      child.qEnd = qEnd;
      child.unsplit = true;
      child.split = true;
      drafts.push(child);
      remember(child);
      if (p.letter === suffix) found = child;
    });
    parent.qEnd = parts[0].start;
    parent.unsplit = false;
    parent.context = true;
    splitParents = true;
    return found;
  };
  let splitParents = false;
  const partsOf = new Map<Draft, [SubquestionPart[] | null, SubquestionPart[] | null]>();
  /** Questions whose text up to a "6a." line had no lettered subquestions: not looked at again. */
  const unlettered = new Set<Draft>();

  // Per numbered item line: whether the next heading or item after it is its own number's answer
  // heading ("3. Een overzicht." | "Antwoord 3"): then it is a question however it is worded.
  // Filled only in item mode; one backward pass.
  const answeredNext: boolean[] = itemMode ? new Array<boolean>(lines.count).fill(false) : [];
  if (itemMode) {
    let nextAnswer: string | null = null;
    for (let l = lines.count - 1; l >= 0; l--) {
      const k = lines.kind[l];
      if (k === LineKind.AnswerHeading) nextAnswer = lines.id[l] || null;
      else if (k === LineKind.NumberedItem) {
        answeredNext[l] = nextAnswer === lines.id[l];
        nextAnswer = null;
      } else if (k === LineKind.QuestionHeading || k === LineKind.ProseAnswerHeading || k === LineKind.SectionHeading || k === LineKind.PartHeading || k === LineKind.Stop) nextAnswer = null;
    }
  }
  // A question letter: the Kamervragen header and no answer heading anywhere.
  const questionLetter = kamervragen && !hasAnswerHeadings && !hasProseHeadings;
  // The line of the last accepted item; how far after it a repeated header was looked for.
  let itemLine = -1;
  let headerScan = -1;
  let headerSeen = false;
  // A numbered list inside an item's answer: its last number, and whether a blank line followed.
  let innerLast = -1;
  let innerBlank = false;
  for (let l = 0; l < lines.count; l++) {
    const kind = lines.kind[l];
    const ls = lines.tstart[l];
    const le = lines.tend[l];
    if (kind === LineKind.Blank) innerBlank = true;
    switch (kind) {
      case LineKind.SectionHeading: {
        close(lines.start[l]);
        sections.push({ title: lines.title[l], span: { start: ls, end: le }, index: sections.length });
        sectionIndex = sections.length - 1;
        answerBlock++;
        proseFrom = lines.end[l];
        lastItem = 0;
        break;
      }
      case LineKind.PartHeading:
      case LineKind.Stop: {
        close(lines.start[l]);
        if (kind === LineKind.PartHeading) sectionIndex = -1;
        proseFrom = lines.end[l];
        break;
      }
      case LineKind.QuestionHeading: {
        answerBlock++;
        close(lines.start[l]);
        cur = newDraft('heading', lines.id[l], ls, le, lines.rest[l] < le ? lines.rest[l] : lines.end[l]);
        drafts.push(cur);
        remember(cur);
        // "Vraag 9 en 10": question 10 is asked by the same text; it is answered with 9 unless a
        // numbered answer heading leaves it out.
        const twins = [...(lines.also.get(l) ?? []), ...continuedIds(text, lines, l)];
        if (twins.length) cur.twins = twins;
        for (const t of twins) {
          const twin = newDraft('heading', t, ls, le, cur.qStart);
          twin.twinOf = cur;
          drafts.push(twin);
          remember(twin);
        }
        break;
      }
      case LineKind.NumberedItem: {
        if (!itemMode) break;
        const n = parseInt(lines.id[l], 10);
        // A question letter pasted twice into one file (its header "Vragen van het lid …" again
        // after questions): its items count anew, so that the numbers read as duplicates instead
        // of vanishing into the last question.
        if (questionLetter && lastItem > 0 && n === 1) {
          // Each line is looked at once: from the last accepted item or the last look, on.
          if (headerScan < itemLine) {
            headerScan = itemLine;
            headerSeen = false;
          }
          headerSeen ||= headerSince(text, lines, headerScan, l);
          headerScan = l;
          if (headerSeen) lastItem = 0;
        }
        // A list restarting at 1 inside an answer ("1. Hoe groot …", "2. Wat zijn …") is answer
        // text: its items run on while no blank line parts them; the next question's number
        // after the list (a paragraph later) is a question again.
        if (cur && cur.kind === 'item' && n === 1 && lastItem >= 1) {
          innerLast = 1;
          innerBlank = false;
          break;
        }
        if (innerLast >= 0 && !innerBlank && n === innerLast + 1) {
          innerLast = n;
          break;
        }
        const inList = innerLast >= 0 && !innerBlank;
        innerLast = -1;
        // A numbered list inside an answer ("1. eerst …", "2. daarna …") asks nothing: it is answer
        // text, whatever its numbers. But an item with the next number of the letter's own count
        // is a question however it is worded ("3. Graag ontvang ik een overzicht.", "2) Wat zijn
        // de gevolgen voor:") in a question letter, or when its own `Antwoord N` heading follows
        // it; it opens with a capital, as a question does and a list item inside an answer rarely.
        const c0 = text.charCodeAt(lines.rest[l] < le ? lines.rest[l] : le);
        const capital = (c0 >= 65 && c0 <= 90) || c0 === 0xab || c0 === 0x2018 || c0 === 0x201c || c0 === 34 || c0 === 39 || (c0 >= 0xc0 && c0 <= 0xde);
        const ownNumber = n === lastItem + 1 && capital && !inList && (cur === null || cur.kind === 'item') && (questionLetter || answeredNext[l]);
        const accept = n > lastItem && n <= lastItem + 3 && (cur === null || cur.kind === 'item' || cur.kind === 'orphan' || n === lastItem + 1) && (ownNumber || itemAsks(lines, sentences, l));
        if (!accept) break;
        lastItem = n;
        itemLine = l;
        answerBlock++;
        close(lines.start[l]);
        cur = newDraft('item', lines.id[l], ls, lines.rest[l] < le ? lines.rest[l] : le, lines.rest[l] < le ? lines.rest[l] : lines.end[l]);
        drafts.push(cur);
        remember(cur);
        break;
      }
      case LineKind.AnswerHeading: {
        const id = lines.id[l];
        // "Antwoord 9 en" | page furniture | "10": the list runs on over the page break.
        const also = id ? [...(lines.also.get(l) ?? []), ...continuedIds(text, lines, l)] : [];
        const restStart = lines.rest[l] < le ? lines.rest[l] : lines.end[l];
        let primary: Draft | undefined;
        if (cur && cur.kind !== 'orphan' && cur.aHeadLine >= 0 && cur.aHeadLine !== l && (id === '' || id === cur.id) && !hasText(sentences, cur.aStart, lines.start[l])) {
          // "Antwoord 2" | "Antwoord 2" | "Het Rijk.": the heading repeated over an empty answer.
          // The answer is the text under the second; the repetition is reported as a duplicate.
          if (id) duplicateLines.push({ line: l, id, sectionIndex });
          cur.aStart = restStart;
          for (const j of cur.joint ?? []) j.aStart = restStart;
          break;
        }
        if (cur && cur.kind !== 'orphan' && cur.aHeadLine < 0 && (id === '' || id === cur.id || also.includes(cur.id))) {
          answerBlock++;
          cur.qEnd = lines.start[l];
          cur.aHeadLine = l;
          cur.aStart = restStart;
          primary = cur;
        } else {
          if (id === '') break; // a stray "Antwoord" line: text of whatever it stands in
          close(lines.start[l]);
          detachedAnswers.push({ line: l, id, joint: also.length > 0, block: answerBlock, sectionIndex });
          primary = findUnanswered(id) ?? splitIntoSubquestions(id);
          if (primary) {
            primary.aHeadLine = l;
            primary.aStart = restStart;
            primary.unsplit = false;
            cur = primary;
          } else {
            orphanLines.push({ line: l, id, sectionIndex });
            cur = newDraft('orphan', id, ls, le, restStart);
            break;
          }
        }
        // "Antwoord 1 en 2": one answer for several questions.
        for (const other of [id, ...also]) {
          if (other === primary.id) continue;
          const d = findUnanswered(other);
          if (!d || d === primary) continue;
          d.aHeadLine = l;
          d.aStart = restStart;
          d.unsplit = false;
          (primary.joint ??= []).push(d);
        }
        break;
      }
      case LineKind.ProseAnswerHeading: {
        const unnumbered = lines.id[l] === '';
        const id = unnumbered ? String(proseCount + 1) : lines.id[l];
        if (cur && (cur.kind === 'heading' || cur.kind === 'item') && cur.aHeadLine < 0 && cur.id === id) {
          cur.qEnd = lines.start[l];
          cur.aHeadLine = l;
          cur.aStart = lines.end[l];
          break;
        }
        const regionStart = cur ? (cur.aHeadLine >= 0 ? cur.aStart : cur.qStart) : proseFrom;
        const block = questionBlockStart(sentences, regionStart, lines.start[l], layout);
        if (block >= 0) {
          close(block);
          // "2. Antwoord …" then two asking paragraphs, then "4. Antwoord …": maybe questions 3 and
          // 4 (decided after the loop, by the letter's other questions).
          const gap = unnumbered ? 0 : parseInt(id, 10) - proseCount;
          const firstLine = lineOf(lines, block);
          cur = newDraft('prose', id, block, Math.max(block, lines.tend[firstLine]), block);
          if (unnumbered) cur.unnumbered = true;
          proseCount = Math.max(proseCount, parseInt(id, 10) || 0);
          cur.qEnd = lines.start[l];
          cur.aHeadLine = l;
          cur.aStart = lines.end[l];
          if (gap >= 2) gapped.push({ draft: cur, gap, first: parseInt(id, 10) - gap + 1 });
          drafts.push(cur);
        } else {
          close(lines.start[l]);
          if (unnumbered) break; // a label with no question before it: text of what it stands in
          const target = findUnanswered(id);
          if (target) {
            target.aHeadLine = l;
            target.aStart = lines.end[l];
            target.unsplit = false;
            cur = target;
          } else {
            orphanLines.push({ line: l, id, sectionIndex });
            cur = newDraft('orphan', id, ls, le, lines.end[l]);
          }
        }
        break;
      }
      case LineKind.Text: {
        // "6a. Er zijn 312 klachten." in a lijst: the answer to subquestion a) of question 6, right
        // after the question (or after the answer to another of its subquestions).
        const c = text.charCodeAt(ls);
        if (c < 48 || c > 57 || !cur || (cur.kind !== 'heading' && cur.kind !== 'item')) break;
        const m = SUB_ANSWER_MARK.exec(text.slice(ls, Math.min(le, ls + 12)));
        if (!m) break;
        const n = String(parseInt(m[1], 10));
        if (!(cur.split ? String(cur.number) === n : cur.id === n && cur.aHeadLine < 0)) break;
        const id = `${n}${m[2]}`;
        // The question (or the sibling's answer) ends here; a sibling without answer is closed as such.
        const at = lines.start[l];
        const prev = cur;
        if (prev.split ? !findUnanswered(id) : unlettered.has(prev) || !subquestionParts(text, lines, sentences, prev.qStart, at, true).some((p) => p.letter === m[2])) {
          if (!prev.split) unlettered.add(prev);
          break;
        }
        if (!prev.split || prev.aHeadLine < 0) close(at);
        else prev.aEnd = at;
        const target = findUnanswered(id) ?? splitIntoSubquestions(id, true);
        if (!target) break;
        lines.kind[l] = LineKind.AnswerHeading;
        lines.id[l] = id;
        lines.rest[l] = ls + m[0].length;
        target.aHeadLine = l;
        target.aStart = ls + m[0].length < le ? ls + m[0].length : lines.end[l];
        target.unsplit = false;
        cur = target;
        break;
      }
      default:
        break;
    }
  }
  close(text.length);
  if (splitParents) drafts.sort((x, y) => x.qStart - y.qStart);
  if (gapped.length) splitGappedBlocks(lines, sentences, drafts, gapped, layout);
  if (detachedAnswers.length) realignDetachedAnswers(text, lines, sentences, sections, drafts, detachedAnswers, orphanLines);
  if (hasProseHeadings) splitTrailingQuestions(sentences, drafts, layout);

  // Sections without any unit and without answer headings are an inbreng: every paragraph that
  // asks something is a question (numbered on through the letter, as the answers will be).
  if (!hasQuestionHeadings && !itemMode) addInbrengUnits(text, lines, sentences, sections, drafts, orphanLines);

  // Answers standing apart from their question, matched by number after the inbreng units exist.
  const orphanAnswers: OrphanAnswer[] = [];
  const inbreng = new Map<string, Draft>();
  for (const d of drafts) if (d.kind === 'inbreng') inbreng.set(d.id, d);
  for (const o of orphanLines) {
    const target = inbreng.get(o.id);
    if (target && target.aHeadLine < 0) {
      target.aHeadLine = o.line;
      target.aStart = lines.end[o.line];
      target.aEnd = answerEndAfter(lines, o.line, text.length);
    } else {
      orphanAnswers.push({ id: o.id, span: { start: lines.tstart[o.line], end: lines.tend[o.line] }, sectionIndex: o.sectionIndex });
    }
  }
  markDuplicateAnswers(drafts, sections, orphanAnswers);
  const answeredById = new Map<string, Draft>();
  if (duplicateLines.length) for (const d of drafts) if (d.aHeadLine >= 0 && !answeredById.has(d.id)) answeredById.set(d.id, d);
  for (const o of duplicateLines) {
    const q = answeredById.get(o.id);
    const section = q && q.sectionIndex >= 0 ? sections[q.sectionIndex]?.title ?? null : null;
    orphanAnswers.push({ id: o.id, span: { start: lines.tstart[o.line], end: lines.tend[o.line] }, sectionIndex: o.sectionIndex, duplicate: { section } });
  }
  if (duplicateLines.length) orphanAnswers.sort((a, b) => a.span.start - b.span.start);

  // Context-only parents: `Vraag 1` directly followed by `Vraag 1a`, with no answer of its own
  // and no asking sentence (an introduction the subquestions answer). A parent that asks ("Vraag
  // 1" | "Hoeveel handhavers zet u in?" | "Vraag 1a" …) is a question of its own and must be
  // answered by its own answer: the answers of its subquestions do not answer it.
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const next = drafts[i + 1];
    if (d.unsplit && !d.suffix && next && next.number === d.number && next.suffix && next.sectionIndex === d.sectionIndex && next.kind === d.kind && !asksIn(sentences, d.qStart, d.qEnd)) d.context = true;
  }

  // "Antwoord op vraag 3" as an answer heading is a heading, not a reference.
  const answerReferences = findAnswerReferences(text, (offset) => sectionAtOffset(sections, offset), sections).filter((r) => {
    const l = lineOf(lines, r.span.start);
    return !(lines.kind[l] === LineKind.AnswerHeading && r.span.start < lines.rest[l]);
  });
  const letterIsQuestions = kamervragen && !hasAnswerHeadings && !hasProseHeadings;

  for (const d of drafts) {
    if (d.twinOf) continue;
    if (d.unsplit && !d.context) splitBody(sentences, d, letterIsQuestions || d.kind === 'item' && !hasAnswerHeadings && kamervragen);
  }
  for (const d of drafts) if (d.twinOf) readTwin(lines, d, d.twinOf);
  // A question letter has no answer part that could reprint its questions: a repetition there
  // is the letter pasted twice, whose numbers the checks report as duplicates.
  const units = letterIsQuestions ? drafts : pairRepeatedQuestions(sentences, sections, drafts);

  const questions: QuestionUnit[] = [];
  for (const d of units) {
    const unit = buildUnit(text, lines, sentences, sections, d, answerReferences);
    if (d.kind === 'inbreng' || d.unnumbered) unit.unnumbered = true;
    const head = d.twinOf ?? d;
    if (head.twins?.length) unit.jointIds = [head.id, ...head.twins];
    if (d.split) unit.split = true;
    questions.push(unit);
  }
  questions.sort((a, b) => a.headingSpan.start - b.headingSpan.start);
  // A mededeling instead of answers: every question is answered by the paper it cites.
  if (questions.length && questions.every((q) => q.answer.status === 'missing' || q.answer.status === 'context')) {
    const referral = findReferral(text, sentences);
    if (referral) {
      for (const q of questions) {
        if (q.answer.status === 'missing') {
          q.answer = { status: 'by-reference', span: referral.span, headingSpan: null, text: referral.text, refersTo: [] };
          if (referral.paper) q.answer.paper = referral.paper;
        }
      }
    }
  }

  let kind: LetterKind = 'none';
  if (questions.length) {
    // "Vraag N" headings are how an answer letter repeats its questions: such a letter is an
    // answer letter even before the first answer is written.
    // A Kamervragen letter ("Vragen van het lid … (ingezonden …)") without any answer or answer
    // heading is the question letter, whatever numbers its questions (a lijst's bare numbers).
    const answered = questions.some((q) => q.answer.status !== 'missing' && q.answer.status !== 'context');
    const anyAnswer = (hasQuestionHeadings && !kamervragen) || hasAnswerHeadings || hasProseHeadings || answered;
    kind = anyAnswer ? 'answer-letter' : 'question-letter';
  }
  let askingSentences = 0;
  for (const x of sentences) if (x.question) askingSentences++;
  return { text, sections, questions, answerReferences, kind, orphanAnswers, askingSentences };
}

/** A numbered answer heading that did not follow its question (see `realignDetachedAnswers`). */
interface DetachedAnswer {
  line: number;
  id: string;
  /** A joint heading ("Antwoord 3 en 4"): left as the unit reader matched it. */
  joint: boolean;
  /** Answers with the same block number follow each other without a question or fractie heading between them. */
  block: number;
  /** The section the answer stands in (-1 outside any). */
  sectionIndex: number;
}

/**
 * Answers standing apart from their questions, matched again where the unit reader's rule (by
 * number, in the answer's section) cannot see the layout:
 * - A run of answers longer than its section's open questions spans several fracties (an answer
 *   letter after the whole inbreng, without fractie headings): its answers follow the questions'
 *   order, so each takes the next open question of its number in document order.
 * - Answers numbered on through the letter (1..N) while the questions restart per fractie: answer
 *   k answers the k-th question of the letter. Only where the questions' numbers repeat (a
 *   restart), every answer of the run finds an open question at its place, in increasing order,
 *   after that question; for a single answer, only right after its question (an interleaved
 *   verslag: "Vraag 1" of the second fractie, then "Antwoord 3").
 * Matches nothing when neither reading fits every answer of the run: a wrong number stays an
 * answer without question. Joint answer headings are left as they were. Linear in the drafts
 * and answers.
 */
function realignDetachedAnswers(text: string, lines: Lines, sentences: Sentence[], sections: Section[], drafts: Draft[], detached: DetachedAnswer[], orphanLines: { line: number; id: string; sectionIndex: number }[]): void {
  const headed = drafts.filter((d) => d.kind === 'heading' || d.kind === 'item');
  if (headed.length < 2) return;
  // Restarted numbering: a number that two questions of different fracties carry.
  const seen = new Map<string, number>();
  let restart = false;
  let plain = true;
  for (const d of headed) {
    if (d.suffix) plain = false;
    const s = seen.get(d.id);
    if (s !== undefined && s !== d.sectionIndex) restart = true;
    seen.set(d.id, d.sectionIndex);
  }
  const byLine = new Map<number, Draft[]>();
  for (const d of headed) {
    if (d.aHeadLine < 0) continue;
    const list = byLine.get(d.aHeadLine);
    if (list) list.push(d);
    else byLine.set(d.aHeadLine, [d]);
  }
  const orphanAt = new Set(orphanLines.map((o) => o.line));
  const assigned = new Set<number>();
  const questions = headed.filter((d) => !d.twinOf);
  const position = new Map<Draft, number>();
  questions.forEach((d, k) => position.set(d, k + 1));
  // Each run looks at the questions before it: a budget of steps keeps all runs together linear
  // (a text of thousands of stray answers leaves the later ones as the unit reader matched them).
  let budget = 8 * (questions.length + detached.length) + 1000;
  for (let i = 0; i < detached.length && budget > 0; ) {
    let j = i;
    while (j < detached.length && detached[j].block === detached[i].block) j++;
    const run = detached.slice(i, j);
    i = j;
    if (run.some((a) => a.joint)) continue;
    const first = lines.start[run[0].line];
    // The questions the run may answer: before it, not answered in place (answered by this run at most).
    const inRun = new Set(run.map((a) => a.line));
    const open: Draft[] = [];
    let steps = run.length;
    for (const d of questions) {
      if (d.headingStart >= first) break;
      steps++;
      if (d.aHeadLine < 0 || inRun.has(d.aHeadLine)) open.push(d);
    }
    budget -= steps;
    if (!open.length) continue;
    // The open questions of the run's fractie (by title: an answer letter may repeat the headings).
    const title = (k: number) => (k >= 0 ? sections[k]?.title ?? '' : '');
    const own = run[0].sectionIndex;
    const openHere = open.filter((d) => d.sectionIndex === own || (own >= 0 && title(d.sectionIndex) === title(own))).length;
    let target: (Draft | undefined)[] | null = null;
    if (run.length > openHere && run.length > 1) {
      // In order, by number.
      const got: Draft[] = [];
      let p = 0;
      for (const a of run) {
        while (p < open.length && open[p].id !== a.id) p++;
        if (p >= open.length) break;
        got.push(open[p++]);
      }
      if (got.length === run.length) target = got;
    }
    if (!target && restart && plain) {
      // Numbered on through the letter.
      const byPos = new Map<number, Draft>();
      for (const d of open) byPos.set(position.get(d)!, d);
      const got: Draft[] = [];
      let prev = 0;
      for (const a of run) {
        const k = parseInt(a.id, 10);
        const d = byPos.get(k);
        if (!d || k <= prev) break;
        got.push(d);
        prev = k;
      }
      const single = run.length === 1 && got.length === 1 && got[0] === open[open.length - 1] && (byLine.get(run[0].line) === undefined);
      if (got.length === run.length && (run.length > 1 || single)) target = got;
    }
    if (!target) continue;
    // Undo what the unit reader matched, then answer each question by its answer.
    for (const a of run) for (const d of byLine.get(a.line) ?? []) {
      d.aHeadLine = -1;
      d.aStart = -1;
      d.aEnd = -1;
    }
    run.forEach((a, k) => {
      const d = target![k]!;
      const l = a.line;
      d.unsplit = true;
      splitBody(sentences, d, false);
      d.aHeadLine = l;
      d.aStart = lines.rest[l] < lines.tend[l] ? lines.rest[l] : lines.end[l];
      d.aEnd = answerEndAfter(lines, l, text.length);
      d.detached = true;
      if (orphanAt.has(l)) assigned.add(l);
    });
  }
  if (assigned.size) {
    const kept = orphanLines.filter((o) => !assigned.has(o.line));
    orphanLines.length = 0;
    orphanLines.push(...kept);
  }
}

/**
 * Answer headings that matched no unanswered question, but whose question exists and is answered
 * already (in the same fractie section when the heading stands in one): a duplicated answer ("Antwoord
 * 2" twice, or an answer repeated), which the check names as such instead of "no question 2".
 * Changes `orphans` in place. Linear (one map of the answered drafts by id).
 */
function markDuplicateAnswers(drafts: Draft[], sections: Section[], orphans: OrphanAnswer[]): void {
  if (!orphans.length) return;
  const answered = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.aHeadLine < 0 || d.kind === 'orphan') continue;
    const list = answered.get(d.id);
    if (list) list.push(d);
    else answered.set(d.id, [d]);
  }
  for (const o of orphans) {
    const list = answered.get(o.id);
    if (!list) continue;
    const q = list.find((d) => d.sectionIndex === o.sectionIndex || (d.sectionIndex >= 0 && o.sectionIndex >= 0 && sections[d.sectionIndex]?.title === sections[o.sectionIndex]?.title)) ?? (sections.length ? undefined : list[0]);
    if (!q) continue;
    o.duplicate = { section: q.sectionIndex >= 0 ? sections[q.sectionIndex]?.title ?? null : null };
  }
}

function hasText(sentences: Sentence[], start: number, end: number): boolean {
  if (start < 0) return false;
  for (let i = firstSentenceAt(sentences, start); i < sentences.length && sentences[i].start < end; i++) {
    if (/[\p{L}\p{N}]/u.test(sentences[i].text)) return true;
  }
  return false;
}

function lineOf(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.start[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function sectionAtOffset(sections: Section[], offset: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].span.start <= offset) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return idx;
}

/**
 * Where the question block before a prose answer heading starts: the first sentence in
 * `[from, to)` that asks or speaks for the committee. -1 when there is none.
 */
function questionBlockStart(sentences: Sentence[], from: number, to: number, layout: Layout): number {
  const first = firstSentenceAt(sentences, from);
  for (let i = first; i < sentences.length && sentences[i].start < to; i++) {
    const s = sentences[i];
    if (!(s.question || s.request || s.committee)) continue;
    // The question's paragraph may open with context ("In de brief staat …. Wat is …?"): take
    // it along, as long as the paragraph break before it is clear.
    // Without a clear break the walk would reach the previous answer: then keep to the asking
    // sentence, for a missing paragraph break must never make a written answer disappear.
    let k = i;
    while (k > first && !layout.paragraphBreak(sentences[k - 1], sentences[k])) k--;
    return k > first ? sentences[k].start : s.start;
  }
  return -1;
}

interface Layout {
  paragraphBreak(a: Sentence, b: Sentence): boolean;
}

/**
 * "2. Antwoord …", then two asking paragraphs, then "4. Antwoord …": the letter numbers its
 * questions, so when every other question of the letter is one asking paragraph, those paragraphs
 * are questions 3 and 4 (3 unanswered). Only when the gap in the numbers equals the asking
 * paragraphs; in a letter whose questions run over several asking paragraphs (a committee's
 * inbreng mostly does) they stay one question, and the number check reports the gap. Adds the
 * skipped questions to `drafts` in place. Linear (each block's sentences looked at once, at most
 * 200 per block).
 */
function splitGappedBlocks(lines: Lines, sentences: Sentence[], drafts: Draft[], gapped: { draft: Draft; gap: number; first: number }[], layout: Layout): void {
  const candidates = new Set(gapped.map((g) => g.draft));
  for (const d of drafts) {
    if (d.kind !== 'prose' || candidates.has(d) || d.unnumbered) continue;
    if (askingParagraphs(sentences, d.qStart, d.qEnd, layout).length > 1) return;
  }
  const added: Draft[] = [];
  for (const { draft: d, gap, first } of gapped) {
    const starts = askingParagraphs(sentences, d.qStart, d.qEnd, layout);
    if (starts.length !== gap) continue;
    for (let k = 0; k + 1 < starts.length; k++) {
      const at = k === 0 ? d.qStart : starts[k];
      const { number, suffix } = splitId(String(first + k));
      added.push({
        kind: 'prose', id: String(first + k), number, suffix, sectionIndex: d.sectionIndex, headingStart: at, headingEnd: Math.max(at, lines.tend[lineOf(lines, at)]),
        qStart: at, qEnd: starts[k + 1], aHeadLine: -1, aStart: -1, aEnd: -1, unsplit: false, context: false,
      });
    }
    const at = starts[starts.length - 1];
    d.qStart = at;
    d.headingStart = at;
    d.headingEnd = Math.max(at, lines.tend[lineOf(lines, at)]);
  }
  if (!added.length) return;
  drafts.push(...added);
  drafts.sort((a, b) => a.qStart - b.qStart);
}

/**
 * The starts of the asking paragraphs of a prose question block [from, to). A paragraph asks when
 * one of its sentences asks; paragraphs that do not ask (context) go with the asking paragraph
 * after them. Looks at most at 200 sentences.
 */
function askingParagraphs(sentences: Sentence[], from: number, to: number, layout: Layout): number[] {
  const out: number[] = [];
  let paraStart = -1;
  let asked = false;
  let prev: Sentence | null = null;
  const first = firstSentenceAt(sentences, from);
  for (let i = first; i < sentences.length && sentences[i].start < to && i < first + 200; i++) {
    const s = sentences[i];
    if (prev && layout.paragraphBreak(prev, s)) {
      if (asked) out.push(paraStart);
      paraStart = -1;
      asked = false;
    }
    if (paraStart < 0) paraStart = s.start;
    asked ||= s.question || s.request;
    prev = s;
  }
  if (asked) out.push(paraStart);
  return out;
}

/**
 * Paragraph breaks between sentences: a blank line (unless every line is followed by one, as in
 * some PDF pastes), or a line that ends a sentence well short of the usual line width.
 */
function layoutOf(text: string, lines: Lines): Layout {
  const hist = new Int32Array(201);
  let textLines = 0;
  let followedByBlank = 0;
  for (let l = 0; l < lines.count; l++) {
    if (lines.kind[l] !== LineKind.Text) continue;
    textLines++;
    hist[Math.min(200, lines.tend[l] - lines.tstart[l])]++;
    // A blank after a line that ends mid-sentence: the text is double spaced (a typed letter
    // puts blanks only between paragraphs, after a sentence's end).
    if (l + 1 < lines.count && lines.kind[l + 1] === LineKind.Blank && !/[.?!:]["”’»)]?$/.test(text.slice(Math.max(lines.tstart[l], lines.tend[l] - 3), lines.tend[l]))) followedByBlank++;
  }
  const doubleSpaced = textLines > 4 && followedByBlank / textLines > 0.3;
  // The 80th percentile of text line lengths: the width of a full line.
  let width = 200;
  let acc = 0;
  for (let w = 0; w <= 200; w++) {
    acc += hist[w];
    if (acc >= textLines * 0.8) {
      width = w;
      break;
    }
  }
  const blankBetween = (a: number, b: number) => {
    for (let l = a + 1; l < b; l++) if (lines.kind[l] === LineKind.Blank) return true;
    return false;
  };
  return {
    paragraphBreak(a, b) {
      if (b.firstLine <= a.lastLine) return false;
      if (!doubleSpaced && blankBetween(a.lastLine, Math.min(b.firstLine, a.lastLine + 50))) return true;
      const endsLine = a.end >= lines.tend[a.lastLine] - 1;
      const len = lines.tend[a.lastLine] - lines.tstart[a.lastLine];
      return endsLine && len < width * 0.75;
    },
  };
}

/**
 * Prose answers (`N. Antwoord van het kabinet`, `Reactie van het kabinet`) run to the next
 * question block, fractie heading or stop. When the last paragraphs of such an answer ask
 * ("De leden vragen voorts of …", "Hoe beoordeelt de minister …?") and no answer text follows
 * them, they are a question of their own that no answer follows: a new unit (id "N+", given by
 * the reader), unanswered. The answer keeps at least its first paragraph. Each answer's sentences
 * are looked at once: linear.
 */
function splitTrailingQuestions(sentences: Sentence[], drafts: Draft[], layout: Layout): void {
  const added: Draft[] = [];
  for (const d of drafts) {
    if (d.kind !== 'prose' || d.aHeadLine < 0 || d.aStart < 0 || d.aEnd <= d.aStart) continue;
    const body = sentencesIn(sentences, d.aStart, d.aEnd);
    if (body.length < 2) continue;
    // Paragraph starts, then walk back over the asking paragraphs at the end.
    const paras: number[] = [0];
    for (let i = 1; i < body.length; i++) if (layout.paragraphBreak(body[i - 1], body[i])) paras.push(i);
    if (paras.length < 2) continue;
    // The trailing run: paragraphs that ask, speak for the committee ("Voor de leden van de
    // PVV-fractie zijn dat belangrijke punten."), or continue a sentence from another page (a
    // lowercase start, as the PDF's reading order leaves it). It must hold an asking paragraph;
    // the new unit starts at the first one.
    let k = paras.length;
    let askAt = -1;
    while (k > 1) {
      const from = paras[k - 1];
      const to = k < paras.length ? paras[k] : body.length;
      let asks = false;
      let voiced = false;
      for (let i = from; i < to; i++) {
        asks ||= body[i].question || body[i].request;
        voiced ||= body[i].committee;
      }
      const c = body[from].text.charCodeAt(0);
      const continues = c >= 97 && c <= 122;
      if (!asks && !voiced && !continues) break;
      k--;
      if (asks) askAt = k;
    }
    if (askAt < 1) continue;
    const first = body[paras[askAt]];
    const end = d.aEnd;
    d.aEnd = first.start;
    for (const j of d.joint ?? []) j.aEnd = first.start;
    const q: Draft = {
      kind: 'prose', id: `${d.id}+`, number: 0, suffix: '', sectionIndex: d.sectionIndex,
      headingStart: first.start, headingEnd: Math.max(first.start, Math.min(first.end, end)),
      qStart: first.start, qEnd: end, aHeadLine: -1, aStart: -1, aEnd: -1, unsplit: false, context: false, unnumbered: true,
    };
    added.push(q);
  }
  if (!added.length) return;
  drafts.push(...added);
  drafts.sort((a, b) => a.qStart - b.qStart);
}

/** Without an answer heading: the question runs through the asking sentences, the rest answers. */
function splitBody(sentences: Sentence[], d: Draft, questionOnly: boolean): void {
  d.unsplit = false;
  const body = sentencesIn(sentences, d.qStart, d.qEnd);
  if (questionOnly || !body.length) return;
  let first = -1;
  for (let i = 0; i < body.length; i++) {
    if (body[i].question || body[i].request) {
      first = i;
      break;
    }
  }
  let last: number;
  if (first < 0) last = 0;
  else {
    // The question runs on over asking sentences, and over committee-voiced ones only when an
    // asking sentence follows: an answer may open with "De leden hebben gelijk …".
    last = first;
    for (let k = first + 1; k < body.length; k++) {
      const b = body[k];
      if (b.question || b.request) last = k;
      else if (!b.committee) break;
    }
  }
  const end = d.qEnd;
  d.qEnd = body[last].end;
  d.aStart = body[last].end;
  d.aEnd = end;
}

/** An answer to a subquestion opening its line in a lijst: "6a.", "6a)", "6 a." (then text or nothing). */
const SUB_ANSWER_MARK = /^(\d{1,4})[ \t\u00a0]?([a-z])[.)](?:[ \t\u00a0]+|$)/;
/** A subquestion's letter at the start of its sentence: "a) ", "b. ", "(c) ". */
const SUBQUESTION_MARK = /^\(?([a-z])[.)][ \t\u00a0]/;

/**
 * The subquestions of the question text [from, to), each with its letter and where it starts:
 * the sentences opening with the letters a, b, c … in order (a sentence without a mark goes
 * with the subquestion before it), at least two; else, the letter not written, each asking
 * sentence in order (at least two). The text before the first is the question's introduction.
 * Empty when the question has fewer than two. Linear in the question's sentences.
 */
interface SubquestionPart {
  letter: string;
  start: number;
}

function subquestionParts(text: string, lines: Lines, sentences: Sentence[], from: number, to: number, markedOnly: boolean): SubquestionPart[] {
  const body = sentencesIn(sentences, from, to);
  // Where a mark may stand: a sentence's start, or a line's (a list under "Kunt u aangeven:").
  const starts: number[] = body.map((s) => s.start);
  for (let l = lineOf(lines, from); l < lines.count && lines.start[l] < to; l++) if (lines.tstart[l] >= from && lines.tstart[l] < to) starts.push(lines.tstart[l]);
  starts.sort((x, y) => x - y);
  const marked: SubquestionPart[] = [];
  for (const at of starts) {
    if (marked.length && marked[marked.length - 1].start === at) continue;
    const m = SUBQUESTION_MARK.exec(text.slice(at, at + 5));
    if (m && m[1].charCodeAt(0) === 97 + marked.length) marked.push({ letter: m[1], start: at });
  }
  if (marked.length >= 2) return marked;
  if (markedOnly) return [];
  const asking = body.filter((s) => s.question || s.request);
  if (asking.length < 2 || asking.length > 26) return [];
  return asking.map((s, k) => ({ letter: String.fromCharCode(97 + k), start: s.start }));
}

/** Whether a sentence in [start, end) asks (a question mark or a request). */
function asksIn(sentences: Sentence[], start: number, end: number): boolean {
  for (let i = firstSentenceAt(sentences, start); i < sentences.length && sentences[i].start < end; i++) {
    if (sentences[i].question || sentences[i].request) return true;
  }
  return false;
}

/**
 * Whether a Kamervragen header line ("Vragen van het lid …") stands between lines `from` and `to`
 * (exclusive). Each call looks at the lines of one item's body, so all calls together are linear.
 */
function headerSince(text: string, lines: Lines, from: number, to: number): boolean {
  for (let k = Math.max(0, from + 1); k < to; k++) {
    if (lines.kind[k] !== LineKind.Text) continue;
    const t = text.slice(lines.start[k], Math.min(lines.end[k], lines.start[k] + 60));
    if (KAMERVRAGEN_HEADER.test(t)) return true;
  }
  return false;
}

function answerEndAfter(lines: Lines, headingLine: number, textEnd: number): number {
  for (let l = headingLine + 1; l < lines.count; l++) {
    const k = lines.kind[l];
    if (k === LineKind.QuestionHeading || k === LineKind.AnswerHeading || k === LineKind.ProseAnswerHeading || k === LineKind.SectionHeading || k === LineKind.PartHeading || k === LineKind.Stop) return lines.start[l];
  }
  return textEnd;
}

/**
 * Whether the numbered item on line `l` asks something: an asking sentence before the next
 * item or heading. Each item looks only as far as the next one, so all items together are linear.
 */
function itemAsks(lines: Lines, sentences: Sentence[], l: number): boolean {
  let to = lines.count;
  for (let k = l + 1; k < lines.count; k++) {
    const kind = lines.kind[k];
    if (kind === LineKind.NumberedItem || kind === LineKind.QuestionHeading || kind === LineKind.AnswerHeading || kind === LineKind.ProseAnswerHeading || kind === LineKind.SectionHeading || kind === LineKind.PartHeading || kind === LineKind.Stop) {
      to = k;
      break;
    }
  }
  const end = to < lines.count ? lines.start[to] : Infinity;
  for (let s = firstSentenceAt(sentences, lines.start[l]); s < sentences.length && sentences[s].start < end; s++) {
    if (sentences[s].question || sentences[s].request) return true;
  }
  return false;
}

function itemsLookLikeQuestions(lines: Lines, sentences: Sentence[]): boolean {
  const items: number[] = [];
  for (let l = 0; l < lines.count; l++) if (lines.kind[l] === LineKind.NumberedItem) items.push(l);
  if (items.length < 2) return false;
  let asking = 0;
  for (let i = 0; i < items.length; i++) {
    const from = lines.start[items[i]];
    const to = i + 1 < items.length ? lines.start[items[i + 1]] : Infinity;
    for (let s = firstSentenceAt(sentences, from); s < sentences.length && sentences[s].start < to; s++) {
      if (sentences[s].question || sentences[s].request) {
        asking++;
        break;
      }
    }
  }
  return asking * 2 >= items.length && lines.id[items[0]] === '1';
}

function addInbrengUnits(text: string, lines: Lines, sentences: Sentence[], sections: Section[], drafts: Draft[], orphans: { line: number; id: string }[]): void {
  if (!sections.length) return;
  const starts = drafts.map((d) => d.qStart).sort((a, b) => a - b);
  const hasDraftIn = (from: number, to: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo] < to;
  };
  let counter = 0;
  for (const d of drafts) if (d.number > counter && d.kind === 'prose') counter = d.number;
  const added: Draft[] = [];
  // The paragraphs after each unit's question that neither ask nor speak for the committee, up to
  // the next asking paragraph: its answer if the unit turns out to be a reprinted question.
  const tails = new Map<Draft, { start: number; end: number }>();
  let last: Draft | null = null;
  for (let si = 0; si < sections.length; si++) {
    const from = sections[si].span.end;
    // Up to the next fractie heading, or a stop (signature, part heading) before it.
    const to = Math.min(si + 1 < sections.length ? sections[si + 1].span.start : text.length, regionEnd(lines, lineOf(lines, from), text.length));
    if (hasDraftIn(from, to)) continue;
    const body = sentencesIn(sentences, from, to);
    // Paragraphs: a blank line, or a short last line after a sentence end (PDF text).
    let para: Sentence[] = [];
    last = null;
    const flush = () => {
      const asking = para.filter((s) => s.question || s.request);
      if (!asking.length && last && para.length && !para.some((s) => s.committee)) {
        const tail = tails.get(last);
        if (tail) tail.end = para[para.length - 1].end;
        else if (para[0].start >= last.qEnd) tails.set(last, { start: para[0].start, end: para[para.length - 1].end });
      } else if (!asking.length && para.length) last = null;
      if (asking.length) {
        counter++;
        const id = String(counter);
        const first = para[0];
        const draft: Draft = {
          kind: 'inbreng', id, number: counter, suffix: '', sectionIndex: si,
          headingStart: first.start, headingEnd: Math.max(first.start, lines.tend[first.firstLine]),
          qStart: first.start, qEnd: para[para.length - 1].end, aHeadLine: -1, aStart: -1, aEnd: -1, unsplit: false, context: false,
        };
        added.push(draft);
        last = draft;
      }
      para = [];
    };
    const width = typicalWidth(lines, body);
    // Typed text, one paragraph per line (a short letter has too few lines for a width): almost
    // every line ends a sentence; then every line end after a sentence end is a paragraph break.
    const typed = typedLines(text, lines, body);
    for (let i = 0; i < body.length; i++) {
      const s = body[i];
      if (para.length) {
        const prev = para[para.length - 1];
        const gap = s.firstLine > prev.lastLine && hasBlankBetween(lines, prev.lastLine, s.firstLine);
        const endsLine = prev.end >= lines.tend[prev.lastLine] - 1;
        const shortEnd = s.firstLine > prev.lastLine && endsLine && (typed || lines.tend[prev.lastLine] - lines.tstart[prev.lastLine] < width * 0.7);
        if (gap || shortEnd) flush();
      }
      para.push(s);
    }
    flush();
  }
  void orphans;
  const kept = pairReprintedInbreng(sentences, sections, added, tails);
  drafts.push(...kept);
  drafts.sort((a, b) => a.qStart - b.qStart);
}

function regionEnd(lines: Lines, fromLine: number, textEnd: number): number {
  for (let l = fromLine + 1; l < lines.count; l++) {
    const k = lines.kind[l];
    if (k === LineKind.PartHeading || k === LineKind.Stop || k === LineKind.SectionHeading || k === LineKind.ProseAnswerHeading || k === LineKind.AnswerHeading) return lines.start[l];
  }
  return textEnd;
}

function hasBlankBetween(lines: Lines, a: number, b: number): boolean {
  for (let l = a + 1; l < b; l++) if (lines.kind[l] === LineKind.Blank) return true;
  return false;
}

/** Whether the lines of these sentences are typed paragraphs: at least two, and 80 % end a sentence. */
function typedLines(text: string, lines: Lines, body: Sentence[]): boolean {
  let all = 0;
  let ends = 0;
  const seen = new Set<number>();
  for (const s of body) {
    for (let l = s.firstLine; l <= s.lastLine && seen.size < 400; l++) {
      if (seen.has(l) || lines.kind[l] !== LineKind.Text) continue;
      seen.add(l);
      all++;
      if (/[.?!:]["”’»)*_]*$/.test(text.slice(Math.max(lines.tstart[l], lines.tend[l] - 4), lines.tend[l]))) ends++;
    }
  }
  return all >= 2 && ends >= all * 0.8;
}

function typicalWidth(lines: Lines, body: Sentence[]): number {
  let max = 0;
  const seen = new Set<number>();
  for (const s of body) {
    for (let l = s.firstLine; l <= s.lastLine && seen.size < 400; l++) {
      if (seen.has(l)) continue;
      seen.add(l);
      const w = lines.tend[l] - lines.tstart[l];
      if (w > max) max = w;
    }
  }
  return max;
}

/** A sentence that opens by pointing elsewhere: "Hiervoor verwijs ik u naar …", "Zie het antwoord …". */
const REFERENCE_LEAD =
  /^(?:in|bij)[ ]+(?:het[ ]+|mijn[ ]+|ons[ ]+)?antwoord(?:en)?[ ]+(?:op[ ]+(?:de[ ]+)?vra(?:ag|gen)[ ]+)?\d|^(?:(?:kortheidshalve|hiervoor|daarvoor|hierover|daarover|hiertoe|(?:voor|wat betreft) (?:het antwoord|de beantwoording|een antwoord)[^,]{0,60})[ ,]+)?(?:verwijs|verwijzen|verwezen|wordt verwezen|zie|ik verwijs|raadpleeg)\b/i;

/** A bare list of question numbers ("10", "10 en 11") continuing a joint heading after a page break. */
const ID_CONTINUATION = /^(\d{1,4}[a-z]?)((?:[ \t\u00a0]*(?:(?:,|en|&|t\/m|tot[ \t\u00a0]+en[ \t\u00a0]+met|[–-])[ \t\u00a0]*)?\d{1,4}[a-z]?)*)$/;
const DANGLING_CONNECTOR = /(?:,|[ \t\u00a0](?:en|&|t\/m|tot en met))$/;

/**
 * The ids of a joint question heading whose list runs over a page break ("Vraag 9 en" | page
 * furniture | "10"): the last bare number line among the blank and furniture lines after the
 * heading that is higher than the heading's own number (page numbers are lower). Looks at most
 * 30 lines ahead.
 */
function continuedIds(text: string, lines: Lines, l: number): string[] {
  if (!DANGLING_CONNECTOR.test(text.slice(Math.max(lines.tstart[l], lines.tend[l] - 12), lines.tend[l]))) return [];
  const own = parseInt(lines.id[l], 10);
  const known = lines.also.get(l) ?? [];
  const last = known.length ? parseInt(known[known.length - 1], 10) : own;
  let found: string[] = [];
  for (let k = l + 1; k < lines.count && k <= l + 30; k++) {
    const kind = lines.kind[k];
    if (kind !== LineKind.Blank && kind !== LineKind.Furniture && kind !== LineKind.NumberedItem) break;
    if (kind === LineKind.Blank) continue;
    const m = ID_CONTINUATION.exec(text.slice(lines.tstart[k], Math.min(lines.tend[k], lines.tstart[k] + 80)));
    if (!m) continue;
    const n = parseInt(m[1], 10);
    if (n <= last || n > last + 60) continue;
    const ids = [m[1].replace(/^0+(?=\d)/, ''), ...expandIdList(m[1], m[2])];
    // "en 12" after "Vraag 9, 10": the range connector may stand at the end of the heading.
    found = /(?:t\/m|tot en met)$/.test(text.slice(lines.tend[l] - 10, lines.tend[l])) ? [...expandIdList(String(last), ` t/m ${m[1]}`), ...ids.slice(1)] : ids;
    if (kind === LineKind.NumberedItem) lines.kind[k] = LineKind.Furniture;
  }
  return found;
}

/**
 * A further id of a joint question heading: its question is the heading's question; its answer
 * is its own answer heading's ("Antwoord 10", "Antwoord 9 en 10"), else the first id's answer
 * when that stands under no heading or an unnumbered `Antwoord` — a numbered heading that leaves
 * the id out ("Antwoord 9") leaves it unanswered.
 */
function readTwin(lines: Lines, d: Draft, first: Draft): void {
  d.qStart = first.qStart;
  d.qEnd = first.qEnd;
  d.unsplit = false;
  d.context = first.context;
  if (d.aHeadLine >= 0) {
    if (d.aEnd < 0) d.aEnd = first.aEnd;
    return;
  }
  if (first.aHeadLine >= 0 && lines.id[first.aHeadLine] !== '') return;
  d.aHeadLine = first.aHeadLine;
  d.aStart = first.aStart;
  d.aEnd = first.aEnd;
}


function buildUnit(text: string, lines: Lines, sentences: Sentence[], sections: Section[], d: Draft, refs: AnswerReference[]): QuestionUnit {
  const qs = sentencesIn(sentences, d.qStart, d.qEnd);
  const questionSpan: Span = qs.length ? { start: qs[0].start, end: qs[qs.length - 1].end } : { start: d.qStart, end: d.qStart };
  const questionText = qs.map((s) => s.text).join(' ');
  let asking = qs.filter((s) => s.question || s.request);
  // A numbered item read as a question for its own number ("3. Een overzicht van de
  // opbrengsten.") asks in words we do not recognise: its last sentence is what it asks.
  if (!asking.length && d.kind === 'item' && qs.length) asking = [qs[qs.length - 1]];
  const subquestions: Subquestion[] = asking.map((s) => ({ text: s.text, span: { start: s.start, end: s.end } }));

  const headingSpan: Span = { start: d.headingStart, end: d.headingEnd };
  const answerHeadingSpan: Span | null = d.aHeadLine >= 0 ? { start: lines.tstart[d.aHeadLine], end: lines.tend[d.aHeadLine] } : null;
  let answer: Answer;
  if (d.context) {
    answer = { status: 'context', span: null, headingSpan: null, text: '', refersTo: [] };
  } else {
    const as = d.aStart >= 0 ? sentencesIn(sentences, d.aStart, d.aEnd) : [];
    const span: Span | null = as.length ? { start: as[0].start, end: as[as.length - 1].end } : null;
    const atext = as.map((s) => s.text).join(' ');
    let status: Answer['status'] = 'answered';
    let refersTo: string[] = [];
    let paper: string | undefined;
    let ph: Span[] = [];
    if (!span || !/[\p{L}\p{N}]/u.test(atext)) status = 'missing';
    else {
      ph = findPlaceholders(text, span.start, span.end);
      // An answer that still holds a placeholder ("PM: afstemmen met directie …", "[PM antwoord]",
      // "TODO", "nog aanvullen") is not finished: it counts as open, however much text surrounds it.
      if (ph.length) status = 'placeholder';
      else {
        // By reference only when pointing is all the answer does: an answer that points elsewhere
        // and then answers in its own words is answered.
        const lead = leadingReferenceTargets(as, refs);
        if (lead.targets.length && !as.slice(lead.sentences).some((x) => /[\p{L}\p{N}]/u.test(x.text))) {
          refersTo = lead.targets;
          status = 'by-reference';
        } else if (!lead.targets.length && as.length === 1 && as[0].text.length < 600 && REFERENCE_LEAD.test(as[0].text)) {
          // "Voor het antwoord op deze vraag verwijs ik naar mijn brief … (Kamerstuk 28 807, nr.
          // 288)." as the whole answer: answered by that paper.
          const cited = findCitations(as[0].text).references.find((r) => r.kind === 'kamerstuk' && r.number);
          if (cited) {
            status = 'by-reference';
            paper = cited.id;
          }
        }
      }
    }
    answer = { status, span: status === 'missing' ? null : span, headingSpan: answerHeadingSpan, text: status === 'missing' ? '' : atext, refersTo, placeholders: status === 'missing' ? [] : ph };
    if (paper) answer.paper = paper;
  }
  const ends = [questionSpan.end, headingSpan.end];
  if (answer.span) ends.push(answer.span.end);
  if (answerHeadingSpan && d.aHeadLine >= 0 && (!answer.span || answer.span.start - questionSpan.end < 2000)) ends.push(answerHeadingSpan.end);
  // A verslag's answers can stand far from their question: the unit then covers the question only.
  const contiguous = !d.detached && !answer.paper && (!answer.span || answer.span.start - questionSpan.end < 20000 || d.kind !== 'inbreng');
  const unitEnd = contiguous ? Math.max(...ends) : Math.max(questionSpan.end, headingSpan.end);
  const section = d.sectionIndex >= 0 ? sections[d.sectionIndex]?.title ?? null : null;
  return {
    id: d.id,
    number: d.number,
    suffix: d.suffix,
    section,
    sectionIndex: d.sectionIndex,
    headingSpan,
    span: { start: Math.min(headingSpan.start, questionSpan.start), end: unitEnd },
    questionSpan,
    questionText,
    subquestions,
    answer,
  };
}

/**
 * An answer is "by reference" when it opens with a sentence that points to another answer
 * ("Hiervoor verwijs ik u naar het antwoord op vraag 50"); the targets are those of the opening
 * reference sentences. "Ja, zie ook het antwoord op vraag 2." answers itself.
 */
function leadingReferenceTargets(answerSentences: Sentence[], refs: AnswerReference[]): { targets: string[]; sentences: number } {
  const targets: string[] = [];
  const refsIn = (s: Sentence) => {
    let lo = 0;
    let hi = refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid].span.start < s.start) lo = mid + 1;
      else hi = mid;
    }
    const found: AnswerReference[] = [];
    for (let i = lo; i < refs.length && refs[i].span.start < s.end; i++) found.push(refs[i]);
    return found;
  };
  let i = 0;
  for (; i < answerSentences.length; i++) {
    const s = answerSentences[i];
    const inS = refsIn(s);
    if (!inS.length) break;
    if (!REFERENCE_LEAD.test(s.text)) break;
    for (const r of inS) for (const t of r.targets) if (!targets.includes(t)) targets.push(t);
  }
  return { targets, sentences: i };
}
