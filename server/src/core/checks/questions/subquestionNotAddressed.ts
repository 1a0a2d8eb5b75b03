/**
 * `subquestion-not-addressed`: a question with several subquestions whose answer names none of
 * one subquestion's key terms (issue 2; key terms and linear time: issue 11). Pure: a letter model
 * in, findings out. Runs in time linear in the letter: each subquestion's key terms are looked up
 * in an index of its answer's words, never by scanning the answer once per subquestion.
 */
import type { Finding, Letter, QuestionUnit } from '../../model';
import { resolveAnswerTarget } from '../../letter/references';
import { keyTerms, type KeyTerm } from '../../lang/dutch';
import type { Memo } from '../../memo';
import { quote } from './common';
import { answersWithCommitment, asksForCommitment } from '../../commitments/answers';

/** Stems shorter than this count only at the start of a word; tails of stems this long count anywhere. */
const MIN_PART = 6;
/** Tails of compounds this short count as a word of the answer ("druk" for "werkdruk"). */
const MIN_HEAD = 4;
/** A subquestion needs this many key terms before their absence says anything (corpus-tuned). */
const MIN_TERMS = 3;
/** Up to this length an answer is searched directly: each look-up then costs a bounded time. */
const DIRECT_SEARCH = 4096;
/** Longer runs of letters are no words (a hash, a URL); they are left out of the index. */
const MAX_WORD = 64;
const CONDITIONAL = /^(?:en\s+)?(?:zo\s+(?:ja|nee|neen|niet)|indien\s+(?:ja|nee|niet|dat\s+zo\s+is)|als\s+dat\s+(?:zo\s+is|niet\s+zo\s+is)|mocht\s+dat)\b/i;
/** A subquestion that asks for a count ("Hoeveel …", "Hoe vaak …", "Welk aantal …"). */
const ASKS_COUNT = /\b(?:hoeveel|hoe\s+vaak|hoe\s+groot|welk\s+(?:aantal|percentage|bedrag))\b/i;
/** A count in an answer: digits or a number word ("vier regionale cyberdialogen"). */
const COUNT = /\d|\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|veertig|vijftig|honderd|duizend|miljoen|miljard|tweetal|drietal|viertal|vijftal|tiental)\b/i;

/** Snowball's Dutch stemmer drops these accents ("Oekraïne" → "oekrain"); fold the answer alike. */
const ACCENTS: Record<string, string> = { ä: 'a', ë: 'e', ï: 'i', ö: 'o', ü: 'u', á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', è: 'e' };
function foldAccents(s: string): string {
  return s.replace(/[äëïöüáéíóúè]/g, (c) => ACCENTS[c]);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57);
}

/** The first index of a sorted array whose element is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The words of an answer (lowercased, accents folded), asked two things: does a stem occur
 * inside a word, and does a word start with it. A short answer is searched directly (a bounded
 * cost per look-up); a long one gets an index once: its distinct words and all their suffixes,
 * sorted, so that a look-up is a binary search (cost in the stem's length and the log of the
 * answer's size). Either way the check's total time is linear (up to a log) in the letter.
 */
export class AnswerWords {
  private readonly text: string;
  private words?: string[];
  private suffixes?: string[];

  /** @param text the answer text(s), as written. */
  constructor(text: string) {
    this.text = foldAccents(text.toLowerCase());
  }

  /** Whether the answer gives a count (digits or a Dutch number word). */
  hasCount(): boolean {
    return COUNT.test(this.text);
  }

  private index(): void {
    if (this.words) return;
    const distinct = new Set<string>();
    const t = this.text;
    for (let i = 0; i < t.length; ) {
      if (!isWordChar(t.charCodeAt(i))) {
        i++;
        continue;
      }
      let e = i + 1;
      while (e < t.length && isWordChar(t.charCodeAt(e))) e++;
      if (e - i <= MAX_WORD) distinct.add(t.slice(i, e));
      i = e;
    }
    const suffixes: string[] = [];
    for (const w of distinct) for (let k = 0; k < w.length; k++) suffixes.push(k ? w.slice(k) : w);
    this.words = [...distinct].sort();
    this.suffixes = suffixes.sort();
  }

  /** Whether `stem` occurs inside one of the answer's words. */
  inside(stem: string): boolean {
    if (this.text.length <= DIRECT_SEARCH) return this.text.includes(stem);
    this.index();
    const s = this.suffixes!;
    const at = lowerBound(s, stem);
    return at < s.length && s[at].startsWith(stem);
  }

  /** Whether one of the answer's words starts with `stem`. */
  startsWord(stem: string): boolean {
    if (this.text.length <= DIRECT_SEARCH) {
      for (let at = this.text.indexOf(stem); at >= 0; at = this.text.indexOf(stem, at + 1)) if (!isLetter(this.text.charCodeAt(at - 1))) return true;
      return false;
    }
    this.index();
    const w = this.words!;
    const at = lowerBound(w, stem);
    return at < w.length && w[at].startsWith(stem);
  }

  /**
   * Whether a key term's stem is mentioned. The answer is searched for the stem, not stemmed
   * itself: a stem is the start of its inflected forms ("maatregel" in "maatregelen") and sits
   * inside compounds ("capaciteit" in "cybercapaciteiten"); a compound in the question is
   * answered by its head ("afschrikking" for "cyberafschrikking", "druk" for "werkdruk"), so
   * tails of long stems count as well, short tails only as a word of their own. Short stems
   * count only at the start of a word ("ai" must not match "maatregel").
   */
  mentions(st: string): boolean {
    if (st.length < MIN_PART - 1) return this.startsWord(st);
    if (this.inside(st)) return true;
    if (st.length > MIN_PART && this.inside(st.slice(0, -1))) return true;
    for (let k = 1; k <= st.length - MIN_PART; k++) if (this.inside(st.slice(k))) return true;
    if (st.length >= 2 * MIN_HEAD) for (let k = Math.max(1, st.length - MIN_PART + 1); k <= st.length - MIN_HEAD; k++) if (this.startsWord(st.slice(k))) return true;
    return false;
  }
}

/**
 * How many answers may answer one unit: its own and those its by-reference answers lead to,
 * breadth first. A longer chain ("zie het antwoord op vraag 9", which refers to 8, which refers
 * to 7 …) is not judged: its subquestions are never flagged. Without this bound a chain of n
 * answers by reference makes the check quadratic (each unit read the whole chain behind it).
 */
const MAX_ANSWERING_UNITS = 10;

/**
 * The units whose answers answer `q`: `q` itself and the targets of its references, then those
 * of targets that answer by reference in turn, at most `MAX_ANSWERING_UNITS`; `complete` is false
 * when more were left out.
 */
function answeringUnits(letter: Letter, q: QuestionUnit): { units: QuestionUnit[]; complete: boolean } {
  const units = [q];
  const seen = new Set<QuestionUnit>([q]);
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (i > 0 && u.answer.status !== 'by-reference') continue;
    for (const t of u.answer.refersTo) {
      const target = resolveAnswerTarget(letter, u, t);
      if (!target || seen.has(target)) continue;
      if (units.length >= MAX_ANSWERING_UNITS) return { units, complete: false };
      seen.add(target);
      units.push(target);
    }
  }
  return { units, complete: true };
}

/** Per check run: each unit's own answer words and whether its answer holds a commitment, made once. */
class UnitAnswers {
  private readonly words = new Map<QuestionUnit, { words: AnswerWords; stems: Map<string, boolean> }>();
  private readonly commitments = new Map<QuestionUnit, boolean>();

  /** Whether the answer of `u` itself mentions stem `st` (see `AnswerWords.mentions`). */
  mentions(u: QuestionUnit, st: string): boolean {
    const w = this.of(u);
    let m = w.stems.get(st);
    if (m === undefined) {
      m = w.words.mentions(st);
      w.stems.set(st, m);
    }
    return m;
  }

  /** Whether the answer of `u` itself gives a count. */
  hasCount(u: QuestionUnit): boolean {
    return this.of(u).words.hasCount();
  }

  /** Whether the answer of `u` itself holds a commitment. */
  commits(u: QuestionUnit): boolean {
    let c = this.commitments.get(u);
    if (c === undefined) {
      c = answersWithCommitment(u.answer.text);
      this.commitments.set(u, c);
    }
    return c;
  }

  private of(u: QuestionUnit) {
    let w = this.words.get(u);
    if (!w) {
      w = { words: new AnswerWords(u.answer.text), stems: new Map() };
      this.words.set(u, w);
    }
    return w;
  }
}

/**
 * The `subquestion-not-addressed` findings of a letter: for each answered question with two or
 * more subquestions, each subquestion (not a conditional "Zo ja, …") with at least `MIN_TERMS`
 * key terms (`keyTerms` in lang/dutch.ts: content words) of which the answer mentions none; a
 * subquestion asking for a count is addressed by any count, one asking for a commitment ("Bent u
 * bereid de Kamer te informeren …?") by any commitment (commitments/answers.ts). The answer is
 * the unit's own and those its references lead to (at most `MAX_ANSWERING_UNITS`; a longer
 * chain is not judged). Spans are the subquestions' (UTF-16 offsets into `letter.text`);
 * `data.terms` lists the terms as written. Linear in the letter: every answer is indexed once.
 * Never throws.
 */
export function checkNotAddressed(letter: Letter, memo?: Memo): Finding[] {
  const out: Finding[] = [];
  const answers = new UnitAnswers();
  for (const q of letter.questions) {
    const s = q.answer.status;
    // With a single subquestion the whole answer is about it; only several can be half answered.
    // An answer by another paper (a mededeling) holds no text to search.
    if ((s !== 'answered' && s !== 'by-reference') || q.subquestions.length < 2 || q.answer.paper) continue;
    let answering: QuestionUnit[] | undefined;
    const units = (): QuestionUnit[] => {
      if (answering) return answering;
      const found = answeringUnits(letter, q);
      return (answering = found.complete ? found.units : []);
    };
    const known = new Map<string, boolean>();
    const mentioned = (term: KeyTerm) =>
      term.stems.some((st) => {
        let m = known.get(st);
        if (m === undefined) {
          m = units().some((u) => answers.mentions(u, st));
          known.set(st, m);
        }
        return m;
      });
    for (const sub of q.subquestions) {
      // "Zo ja, …" asks only if the answer to the previous subquestion was yes.
      if (CONDITIONAL.test(sub.text)) continue;
      const terms = keyTerms(sub.text, memo);
      if (terms.length < MIN_TERMS || terms.some(mentioned)) continue;
      // A chain of references too long to follow: not judged.
      if (!units().length) break;
      if (ASKS_COUNT.test(sub.text) && units().some((u) => answers.hasCount(u))) continue;
      // "Bent u bereid de Kamer te informeren …?" is answered by a commitment (issue 12).
      if (asksForCommitment(sub.text) && units().some((u) => answers.commits(u))) continue;
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
  return out;
}

/** `checkNotAddressed`, appended to `out` (the shape of every check in checks/questions/). */
export function notAddressed(letter: Letter, out: Finding[], memo?: Memo): void {
  out.push(...checkNotAddressed(letter, memo));
}
