/**
 * Parts of a document beyond one letter's questions and answers: a verslag that reprints the
 * question letter before the answer letter (each question one unit, answered by its
 * repetition), and a mededeling that answers every question by another paper.
 */
import type { Section } from '../model';
import type { Span } from '../text';
import { findCitations } from '../citations/index';
import { firstSentenceAt, type Draft } from './draft';
import type { Sentence } from './sentences';

/** Lowercased words of a text, at most `max`. */
function wordsOf(s: string, max: number): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(s); m && out.length < max; m = re.exec(s)) out.push(m[0].toLowerCase());
  return out;
}

/** Whether two question texts are the same question (a reprint may break lines and hyphenate otherwise). */
function sameQuestion(a: string, b: string): boolean {
  const wa = wordsOf(a, 16);
  if (wa.length < 2) return false;
  const wb = new Set(wordsOf(b, 48));
  let hit = 0;
  for (const w of wa) if (wb.has(w)) hit++;
  return hit >= wa.length * 0.75;
}

/**
 * The question units of a document that reprints its questions before the answer letter (a
 * verslag: the committee's letter, a covering letter, then the minister's letter repeating each
 * question with its answer). The layout is recognised when headed questions repeat, by number
 * (within a fractie of the same name) and confirmed by their text, and either at least half of
 * the questions before the first repetition repeat or those questions stand without answers
 * (all but possibly the last, which a covering letter follows). Then each question of the
 * first part is one unit, answered by its repetition's answer; what follows a question in the first part (a
 * covering letter, an uitstelbericht) is nobody's answer, so a question the answer part leaves
 * out stays unanswered at the question. Without such repetitions the drafts come back as they
 * are. Each draft is compared with at most eight earlier drafts of its id: linear.
 */
export function pairRepeatedQuestions(sentences: Sentence[], sections: Section[], drafts: Draft[]): Draft[] {
  const headed = (d: Draft) => d.kind === 'heading' || d.kind === 'item';
  const title = (d: Draft) => (d.sectionIndex >= 0 ? sections[d.sectionIndex]?.title ?? '' : '');
  // The opening of a question is enough to recognise it (and keeps each comparison short).
  const textOf = (d: Draft) => {
    const out: string[] = [];
    for (let i = firstSentenceAt(sentences, d.qStart); i < sentences.length && sentences[i].start < d.qEnd && out.length < 4; i++) out.push(sentences[i].text.slice(0, 600));
    return out.join(' ');
  };
  const byId = new Map<string, Draft[]>();
  const repeatOf = new Map<Draft, Draft>();
  const repeated = new Set<Draft>();
  let boundary = -1;
  // The first part's questions in order, and the one after the last repeated.
  const order: Draft[] = [];
  const orderIndex = new Map<Draft, number>();
  let pointer = 0;
  const sectionFirst = new Map<number, number>();
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    if (!headed(d)) continue;
    if (boundary < 0) {
      orderIndex.set(d, order.length);
      order.push(d);
    }
    const list = byId.get(d.id);
    let match: Draft | undefined;
    if (list) {
      const own = textOf(d);
      for (let k = list.length - 1; k >= 0 && k >= list.length - 8; k--) {
        const e = list[k];
        if (repeated.has(e)) continue;
        if (title(e) && title(d) && title(e) !== title(d)) continue;
        if (sameQuestion(textOf(e), own)) {
          match = e;
          break;
        }
      }
    }
    // The section a draft stands in had questions before it: an answer letter without fractie
    // headings of its own stands in the committee letter's last section, whose title says nothing.
    const inherited = d.sectionIndex >= 0 && (sectionFirst.get(d.sectionIndex) ?? i) < i;
    if (!sectionFirst.has(d.sectionIndex)) sectionFirst.set(d.sectionIndex, i);
    if (!match && (boundary >= 0 || inherited)) {
      // Renumbered in the answer part (the committee restarted per fractie, the answer letter
      // counts on, or the other way round), or under no fractie heading of its own: the next
      // question of the first part in order, when its text is this one's.
      // A question the answer letter leaves out is skipped: up to eight ahead.
      while (pointer < order.length && repeated.has(order[pointer])) pointer++;
      const own = textOf(d);
      for (let k = pointer; k < order.length && k < pointer + 8 && !match; k++) {
        const e = order[k];
        if (e !== d && !repeated.has(e) && (inherited || !(title(e) && title(d) && title(e) !== title(d))) && sameQuestion(textOf(e), own)) match = e;
      }
    }
    if (match) {
      repeatOf.set(d, match);
      repeated.add(match);
      if (boundary < 0) boundary = i;
      const at = orderIndex.get(match);
      if (at !== undefined) pointer = at + 1;
    } else if (boundary < 0 || !list) {
      if (list) list.push(d);
      else byId.set(d.id, [d]);
    }
  }
  if (boundary < 0) return drafts;
  // A question letter: its questions stand without answers (the last one may be followed by a
  // covering letter). An answer letter that happens to repeat a question answers them.
  let firstPart = 0;
  let unanswered = 0;
  for (let i = 0; i < boundary; i++) {
    const d = drafts[i];
    if (!headed(d)) continue;
    firstPart++;
    if (d.context || (d.aHeadLine < 0 && !hasText(sentences, d.aStart, d.aEnd))) unanswered++;
  }
  if (repeatOf.size * 2 < firstPart && unanswered < firstPart - 1) return drafts;
  for (let i = 0; i < boundary; i++) {
    const e = drafts[i];
    if (!headed(e) || e.aHeadLine >= 0 || e.context) continue;
    e.aStart = -1;
    e.aEnd = -1;
  }
  for (const [d, e] of repeatOf) {
    e.aHeadLine = d.aHeadLine;
    e.aStart = d.aStart;
    e.aEnd = d.aEnd;
    e.detached = true;
    if (d.context && !e.context) e.context = true;
  }
  return drafts.filter((d) => !repeatOf.has(d));
}

/**
 * An inbreng reprinted with its answers (a verslag of the Eerste Kamer or a nota: the committee's
 * prose questions per fractie, then the minister's letter repeating each question paragraph with
 * the answer under it, no labels, no numbers). `units` are the asking paragraphs in order, `tails`
 * the paragraphs after each that neither ask nor speak for the committee. A later unit whose text
 * repeats an earlier one of the same fractie under a heading printed again (same opening words,
 * then `sameQuestion`) is that question's repetition:
 * the earlier unit is answered by the repetition's tail (unanswered without one) and the repetition
 * is no unit of its own. Only when at least half of the units before the first repetition repeat:
 * an inbreng that happens to ask one question twice stays as it is. Returns the units kept. Linear
 * (a map by opening words).
 */
export function pairReprintedInbreng(sentences: Sentence[], sections: Section[], units: Draft[], tails: Map<Draft, { start: number; end: number }>): Draft[] {
  if (units.length < 2) return units;
  const title = (d: Draft) => sections[d.sectionIndex]?.title ?? '';
  const textOf = (d: Draft) => {
    const out: string[] = [];
    for (let i = firstSentenceAt(sentences, d.qStart); i < sentences.length && sentences[i].start < d.qEnd && out.length < 4; i++) out.push(sentences[i].text.slice(0, 600));
    return out.join(' ');
  };
  const keyOf = (t: string) => wordsOf(t, 8).join(' ');
  const byKey = new Map<string, { list: Draft[]; head: number }>();
  const repeatOf = new Map<Draft, Draft>();
  const taken = new Set<Draft>();
  let first = -1;
  units.forEach((d, i) => {
    const t = textOf(d);
    const key = keyOf(t);
    const entry = byKey.get(key);
    // The earliest untaken of at most eight: a text repeating one paragraph endlessly stays linear.
    let e: Draft | undefined;
    if (entry) {
      while (entry.head < entry.list.length && taken.has(entry.list[entry.head])) entry.head++;
      for (let k = entry.head; k < entry.list.length && k < entry.head + 8 && !e; k++) {
        const x = entry.list[k];
        // The same fractie's heading printed again (two fracties asking alike stay two questions).
        if (!taken.has(x) && x.sectionIndex !== d.sectionIndex && title(x) === title(d) && sameQuestion(textOf(x), t)) e = x;
      }
    }
    if (e) {
      repeatOf.set(d, e);
      taken.add(e);
      if (first < 0) first = i;
    } else if (entry) entry.list.push(d);
    else byKey.set(key, { list: [d], head: 0 });
  });
  if (first < 0 || repeatOf.size * 2 < first) return units;
  for (const [d, e] of repeatOf) {
    const tail = tails.get(d);
    e.detached = true;
    if (tail) {
      e.aStart = tail.start;
      e.aEnd = tail.end;
    }
  }
  // Ids count the kept units on.
  const kept = units.filter((d) => !repeatOf.has(d));
  return kept;
}

function hasText(sentences: Sentence[], start: number, end: number): boolean {
  if (start < 0) return false;
  const i = firstSentenceAt(sentences, start);
  return i < sentences.length && sentences[i].start < end;
}

/** A mededeling: the questions are answered by another paper. */
export interface Referral {
  /** The cited paper's official id (`kst-36123-45`); undefined when the sentence names a letter without its Kamerstuk number. */
  paper?: string;
  span: Span;
  text: string;
}

const REFERRAL = /\b(?:zijn|werden|worden|is)[ ]+(?:reeds[ ]+|al[ ]+)?beantwoord[ ]+(?:met|bij|in|door)[ ]+(?:(?:de|het|mijn|onze|een)[ ]+)?(?:brief|brieven|antwoord|verslag|nota|kamerbrief)\b/i;

/**
 * The mededeling of a document whose questions are answered by another paper ("De vragen van
 * het lid … zijn beantwoord met de brief over … (Kamerstuk 36 123, nr. 45)."): a sentence about
 * "de vragen" saying they are answered by a letter, preferably one citing a Kamerstuk (else the
 * first naming a letter by its date, `paper` undefined). Null when there is none.
 */
export function findReferral(text: string, sentences: Sentence[]): Referral | null {
  let withoutPaper: Referral | null = null;
  for (let at = text.indexOf('beantwoord'); at >= 0; at = text.indexOf('beantwoord', at + 10)) {
    const i = firstSentenceAt(sentences, at + 1) - 1;
    const s = sentences[i];
    if (!s || s.end < at) continue;
    // Each sentence is looked at once, however often it says "beantwoord".
    at = Math.max(at, s.end - 10);
    if (s.text.length > 2000 || !/\bvragen\b/i.test(s.text) || !REFERRAL.test(s.text)) continue;
    const paper = findCitations(s.text).references.find((r) => r.kind === 'kamerstuk' && r.number);
    if (paper) return { paper: paper.id, span: { start: s.start, end: s.end }, text: s.text };
    // "… zijn beantwoord bij brief van 12 juni 2024 over …": a letter named by its date only.
    withoutPaper ??= { span: { start: s.start, end: s.end }, text: s.text };
  }
  return withoutPaper;
}
