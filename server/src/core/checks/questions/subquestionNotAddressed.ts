/**
 * `subquestion-not-addressed`: a subquestion the answer does not go into (issue 2; key terms and
 * linear time: issue 11; the kinds of subquestion and answer: TRY4 defect 2). A bare yes or no
 * leaves an open question ("Hoeveel …?", "Welke …?") unanswered and answers a yes/no question; a
 * conditional follow-up ("Zo ja, wanneer?") asks only after the yes or no it depends on; any
 * other subquestion is addressed when the answer names one of its own key terms. Pure: a letter
 * model in, findings out. Runs in time linear in the letter: each subquestion's key terms are looked up
 * in an index of its answer's words, never by scanning the answer once per subquestion.
 */
import type { Finding, Letter, QuestionUnit } from '../../model';
import { resolveAnswerTarget } from '../../letter/references';
import { keyTerms } from '../../lang/dutch';
import type { Memo } from '../../memo';
import { quote } from './common';
import { answersWithCommitment, asksForCommitment } from '../../commitments/answers';
import { answerShape, countWords, subquestionKind, type AnswerShape } from './subquestionKinds';

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
/**
 * An answer of at most this many words is short: when the other subquestions account for each
 * of its sentences, it did not go into a subquestion in other words, so one with fewer than
 * `MIN_TERMS` key terms is judged too ("Is dat voldoende?" beside "€ 12 miljoen is
 * beschikbaar."). Longer answers paraphrase (corpus-tuned: the corpus answers are longer).
 */
const SHORT_ANSWER = 40;
/** An answer of at most this many words without a yes or no and naming nothing asked is a blanket one ("Dat is onbekend."). */
const BLANKET_WORDS = 12;
/** A time or term in an answer: what "Zo ja, wanneer?" and "op welke termijn" ask for. */
const TIME = /\b(?:(?:19|20)\d\d|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|voorjaar|zomer|najaar|winter|zomerreces|kerstreces|herfstreces|voorjaarsreces|reces|kwartaal|jaar|maand|maanden|week|weken|binnenkort|spoedig|zo\s+snel\s+mogelijk|korte\s+termijn|eind|begin|medio|uiterlijk|dag|dagen|vandaag|morgen|direct|meteen)\b/i;
/** A follow-up that asks when ("wanneer?", "op welke termijn?"): answered by a time, a term or a commitment. */
const ASKS_WHEN = /^(?:(?:per|vanaf|tot|voor)\s+)?(?:wanneer|hoelang|hoe\s+snel|(?:op|binnen)\s+welke\s+termijn)\b/i;
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
   * Whether the stem itself stands in the answer: inside a word, or at the start of one when it
   * is short. Stricter than `mentions`: no tails of compounds ("dienst" does not name
   * "informatiebeveiligingsdienst").
   */
  names(st: string): boolean {
    return st.length < MIN_PART - 1 ? this.startsWord(st) : this.inside(st);
  }

  /**
   * Whether a key term's word stands in the answer as the question writes it (`names`): the stem
   * alone misses it where the stemmer undoubled a vowel ("oorzaak" is stemmed "oorzak").
   */
  namesWord(word: string): boolean {
    return this.names(foldAccents(word.toLowerCase()));
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
 * The units whose answers answer `q`: `q` itself, the other units of a joint question ("Vragen 1
 * en 2" with one question text and separate answers: `joint`, same question span, a different
 * answer), and the targets of their references, then those of targets that answer by reference
 * in turn; at most `MAX_ANSWERING_UNITS`, and `complete` is false when more were left out.
 */
function answeringUnits(letter: Letter, q: QuestionUnit, joint: readonly QuestionUnit[]): { units: QuestionUnit[]; complete: boolean } {
  const units = [q];
  const seen = new Set<QuestionUnit>([q]);
  for (const u of joint) {
    if (seen.has(u) || !u.answer.span || (q.answer.span && u.answer.span.start === q.answer.span.start)) continue;
    if (units.length >= MAX_ANSWERING_UNITS) return { units, complete: false };
    seen.add(u);
    units.push(u);
  }
  const own = units.length;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (i >= own && u.answer.status !== 'by-reference') continue;
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

/** The units of each question text that several units share (a joint heading), by question span. */
function jointUnits(letter: Letter): Map<QuestionUnit, QuestionUnit[]> {
  const bySpan = new Map<string, QuestionUnit[]>();
  for (const u of letter.questions) {
    if (u.questionSpan.end <= u.questionSpan.start) continue;
    const key = `${u.questionSpan.start}:${u.questionSpan.end}`;
    const list = bySpan.get(key);
    if (list) list.push(u);
    else bySpan.set(key, [u]);
  }
  const out = new Map<QuestionUnit, QuestionUnit[]>();
  for (const list of bySpan.values()) if (list.length > 1) for (const u of list) out.set(u, list);
  return out;
}

/** Per check run: each unit's own answer (read once), its words, count and commitment, made once. */
class UnitAnswers {
  private readonly index = new Map<QuestionUnit, { text: string; words: AnswerWords; stems: Map<string, boolean>; count?: number; commits?: boolean }>();

  /** The answer text of `u` itself. */
  text(u: QuestionUnit): string {
    return this.of(u).text;
  }

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

  /** Whether the answer of `u` itself holds a key term's word as written (see `AnswerWords.namesWord`). */
  namesWord(u: QuestionUnit, word: string): boolean {
    return this.of(u).words.namesWord(word);
  }

  /** The number of words of the answer of `u` itself. */
  words(u: QuestionUnit): number {
    const w = this.of(u);
    return (w.count ??= countWords(w.text));
  }

  /** Whether the answer of `u` itself gives a count. */
  hasCount(u: QuestionUnit): boolean {
    return this.of(u).words.hasCount();
  }

  /** Whether the answer of `u` itself holds a commitment. */
  commits(u: QuestionUnit): boolean {
    const w = this.of(u);
    return (w.commits ??= answersWithCommitment(w.text));
  }

  private of(u: QuestionUnit) {
    let w = this.index.get(u);
    if (!w) {
      const text = u.answer.text;
      w = { text, words: new AnswerWords(text), stems: new Map() };
      this.index.set(u, w);
    }
    return w;
  }
}

/** Why a subquestion counts as not addressed (`data.reason` of a finding). */
export type NotAddressedReason = 'terms' | 'yes-no' | 'conditional';

/** `data` of a `subquestion-not-addressed` finding. */
export interface NotAddressedData {
  reason: NotAddressedReason;
  /** The subquestion's key terms as written (empty when the reason is not `terms`). */
  terms: string[];
}

const OPEN = 'Ga in het antwoord op deze subvraag in.';

function finding(q: QuestionUnit, sub: { text: string; span: Finding['span'] }, why: string, data: NotAddressedData): Finding {
  return { code: 'subquestion-not-addressed', span: sub.span, message: `Subvraag ‘${quote(sub.text)}’ lijkt niet beantwoord: ${why}. ${OPEN}`, question: q.id, data };
}

/**
 * The `subquestion-not-addressed` findings of a letter. For each answered question (its own
 * answer, those of the other questions of a joint heading, and those their references lead to,
 * at most `MAX_ANSWERING_UNITS`; a longer chain is not judged), each subquestion by its kind (subquestionKinds.ts):
 * - an answer that is a bare yes or no ("Ja.", "Nee, dat klopt niet.") answers the yes/no
 *   questions and leaves each open one unanswered ("Hoeveel …?", "Welke …?", "Kunt u aangeven
 *   hoe …?"), also when it is the question's only subquestion;
 * - a conditional follow-up is moot when the answer opens with the other yes or no ("Nee." to
 *   "Zo ja, wanneer?"), and unanswered when the answer gives its yes or no and nothing more ("Nee."
 *   to "Zo nee, waarom niet?"), or no time to a "wanneer"; not judged when the answer opens
 *   without a yes or no;
 * - the first yes/no question is answered by the yes or no the answer opens with;
 * - any other subquestion of a question with two or more is unanswered when the answer names
 *   none of its key terms (`keyTerms` in lang/dutch.ts: content words), provided it has at
 *   least `MIN_TERMS` of them; when the answer is short (`SHORT_ANSWER` words) and each of its
 *   sentences is accounted for by another subquestion (`onlyOthers`), one term suffices and
 *   only the terms it does not share with another subquestion count; a subquestion asking for
 *   a count is answered by any count, one asking for a commitment by any commitment
 *   (commitments/answers.ts).
 * A short answer without a yes or no that names no key term of any subquestion ("Dat is
 * onbekend.") speaks to all of them alike: no finding. Spans are the subquestions'
 * (UTF-16 offsets into `letter.text`); `data` is a `NotAddressedData`. Linear in the letter:
 * every answer is indexed and counted once. Never throws.
 */
export function checkNotAddressed(letter: Letter, memo?: Memo): Finding[] {
  const out: Finding[] = [];
  const answers = new UnitAnswers();
  const joint = jointUnits(letter);
  for (const q of letter.questions) {
    const s = q.answer.status;
    // An answer by another paper (a mededeling) holds no text to search.
    if ((s !== 'answered' && s !== 'by-reference') || !q.subquestions.length || q.answer.paper) continue;
    let answering: QuestionUnit[] | undefined;
    const units = (): QuestionUnit[] => {
      if (answering) return answering;
      const found = answeringUnits(letter, q, joint.get(q) ?? []);
      return (answering = found.complete ? found.units : []);
    };
    // The yes or no of the unit's own answer (an answer by reference answers another question).
    const shape: AnswerShape = s === 'answered' ? answerShape(answers.text(q), q.questionText, memo) : { polarity: null, bare: null };
    const kinds = q.subquestions.map((sub) => subquestionKind(sub.text, memo));
    if (q.subquestions.length < 2) {
      // With a single subquestion the whole answer is about it, unless it is only a yes or no to an open question.
      const k = kinds[0];
      if (shape.bare && k.kind === 'open') out.push(finding(q, q.subquestions[0], `het antwoord is alleen ‘${quote(shape.bare, 40)}’, en deze vraag vraagt meer dan ja of nee (‘${k.asks}’)`, { reason: 'yes-no', terms: [] }));
      continue;
    }
    if (!units().length) continue;
    const known = new Map<string, boolean>();
    const mentionedStem = (st: string) => {
      let m = known.get(st);
      if (m === undefined) {
        m = units().some((u) => answers.mentions(u, st));
        known.set(st, m);
      }
      return m;
    };
    const terms = q.subquestions.map((sub) => keyTerms(sub.text, memo));
    // How many subquestions name each stem: a stem two of them share is the question's topic.
    const shared = new Map<string, number>();
    for (const ts of terms) for (const st of new Set(ts.flatMap((t) => t.stems))) shared.set(st, (shared.get(st) ?? 0) + 1);
    let words = -1;
    const short = () => (words < 0 ? (words = units().reduce((n, u) => n + answers.words(u), 0)) : words) <= SHORT_ANSWER;
    const counts = () => units().some((u) => answers.hasCount(u));
    const commits = () => units().some((u) => answers.commits(u));
    // A short answer without yes or no that names nothing asked ("Dat is onbekend.") answers all alike.
    if (!shape.polarity && short() && words <= BLANKET_WORDS && !counts() && !terms.some((ts) => ts.some((t) => t.stems.some(mentionedStem)))) continue;
    let accounted: Set<number>[] | undefined;
    /**
     * Whether every sentence of a short answer is accounted for by a subquestion other than `i`:
     * it names one of that subquestion's own stems (`AnswerWords.names`: no compound tails, "de
     * dienst" may be anything), gives the count it asks for, or is the yes
     * or no a yes/no question asks. Then the answer holds nothing that could answer `i` in other
     * words, and `i` is judged by fewer terms and by its own ones. Each sentence is searched once
     * per subquestion, not once per pair: linear in the subquestions.
     */
    const onlyOthers = (i: number): boolean => {
      if (!short()) return false;
      if (!accounted) {
        const text = units().map((u) => answers.text(u)).join(' ');
        const sentences = text.split(/(?<=[.!?])\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
        accounted = sentences.map((sentence, n) => {
          const w = new AnswerWords(sentence);
          const by = new Set<number>();
          terms.forEach((ts, j) => {
            const own = ts.flatMap((t) => t.stems).filter((st) => shared.get(st)! < 2);
            const ownWords = ts.filter((t) => t.stems.some((st) => shared.get(st)! < 2)).map((t) => t.word);
            if (own.some((st) => w.names(st)) || ownWords.some((x) => w.namesWord(x)) || (ASKS_COUNT.test(q.subquestions[j].text) && w.hasCount())) by.add(j);
            else if (n === 0 && shape.polarity && (kinds[j].kind === 'yes-no' || kinds[j].kind === 'conditional') && countWords(sentence) <= BLANKET_WORDS) by.add(j);
          });
          return by;
        });
      }
      return accounted.every((by) => by.size > 1 || (by.size === 1 && !by.has(i)));
    };
    let yesNoAnswered = false;
    for (let i = 0; i < q.subquestions.length; i++) {
      const sub = q.subquestions[i];
      const k = kinds[i];
      if (k.kind === 'about-answer') continue;
      if (k.kind === 'conditional') {
        // Not judged when the answer gives no yes or no; moot when it gives the other one.
        if (!k.on || !shape.polarity || k.on !== shape.polarity) continue;
        const given = k.on === 'ja' ? 'ja' : 'nee';
        if (shape.bare) out.push(finding(q, sub, `het antwoord is ‘${quote(shape.bare, 40)}’, dus deze vervolgvraag geldt, maar het antwoord gaat er niet op in`, { reason: 'conditional', terms: [] }));
        else if (ASKS_WHEN.test(k.rest) && !units().some((u) => TIME.test(answers.text(u).slice(0, 2000))) && !commits())
          out.push(finding(q, sub, `het antwoord is ${given}, dus deze vervolgvraag geldt, maar het noemt geen moment of termijn`, { reason: 'conditional', terms: [] }));
        continue;
      }
      if (shape.bare) {
        if (k.kind === 'open') {
          out.push(finding(q, sub, `het antwoord is alleen ‘${quote(shape.bare, 40)}’, en deze subvraag vraagt meer dan ja of nee (‘${k.asks}’)`, { reason: 'yes-no', terms: [] }));
          continue;
        }
        if (k.kind === 'yes-no') continue;
      }
      // "Nee." answers "Deelt u de mening …?": the first yes/no question takes the answer's yes or no.
      if (k.kind === 'yes-no' && shape.polarity && !yesNoAnswered) {
        yesNoAnswered = true;
        continue;
      }
      const ts = terms[i];
      if (!ts.length) continue;
      // When the other subquestions account for all of a short answer, fewer terms suffice, and
      // only its own count: the topic it shares with the others is named for their sake ("zes
      // gemeenten getroffen" says nothing of "Welke maatregelen … bij gemeenten"). Otherwise the
      // answer may word it its own way, and only a subquestion of `MIN_TERMS` terms is judged.
      const relaxed = onlyOthers(i);
      if (ts.length < MIN_TERMS && !relaxed) continue;
      const own = relaxed ? ts.filter((t) => t.stems.some((st) => shared.get(st)! < 2)) : [];
      const judged = own.length ? own : ts;
      const stems = own.length ? own.flatMap((t) => t.stems.filter((st) => shared.get(st)! < 2)) : ts.flatMap((t) => t.stems);
      if (stems.some(mentionedStem) || judged.some((t) => units().some((u) => answers.namesWord(u, t.word)))) continue;
      if (ASKS_COUNT.test(sub.text) && counts()) continue;
      // "Bent u bereid de Kamer te informeren …?" is answered by a commitment (issue 12).
      if (asksForCommitment(sub.text) && commits()) continue;
      const names = judged.slice(0, 5).map((t) => `‘${t.word}’`);
      const why = judged.length === 1 ? `het antwoord noemt het kernwoord ${names[0]} niet` : `het antwoord noemt geen van de kernwoorden ${names.join(', ')}${judged.length > 5 ? ' …' : ''}`;
      out.push(finding(q, sub, why, { reason: 'terms', terms: judged.map((t) => t.word) }));
    }
  }
  return out;
}

/** `checkNotAddressed`, appended to `out` (the shape of every check in checks/questions/). */
export function notAddressed(letter: Letter, out: Finding[], memo?: Memo): void {
  out.push(...checkNotAddressed(letter, memo));
}
