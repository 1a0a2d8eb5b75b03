/**
 * The kinds of subquestion and of answer that `subquestion-not-addressed` tells apart (TRY4
 * defect 2): an open question ("Hoeveel …?", "Welke …?", "Kunt u aangeven waarom …?") needs more
 * than a yes or no; a yes/no question ("Deelt u de mening …?", "Is dat voldoende?") is answered
 * by one; a conditional follow-up ("Zo ja, wanneer?", "Zo nee, waarom niet?", "Indien niet, …")
 * asks only when the yes or no it depends on was given. On the answer side: whether it opens
 * with a yes or a no ("Ja.", "Nee, dat klopt niet.", "Ik deel die mening niet.") and whether it
 * says anything beyond that. Pure functions of short texts: each reads at most the first
 * `HEAD` characters of its input, so their cost is bounded per call.
 */
import { keyTerms } from '../../lang/dutch';
import type { Memo } from '../../memo';

/** Only this much of a subquestion or answer is read to tell its kind. */
const HEAD = 400;

/** A yes or a no. */
export type Polarity = 'ja' | 'nee';

export type SubquestionKind =
  /** Asks for more than a yes or no; `asks` is the word that makes it open ("hoeveel", "aangeven"). */
  | { kind: 'open'; asks: string }
  /** Answered by a yes or a no ("Deelt u …?", "Klopt het dat …?", "Is dat voldoende?"). */
  | { kind: 'yes-no' }
  /**
   * Asks only when the answer to what comes before is `on` ("Zo ja, …" → ja; "Zo nee, …",
   * "Zo niet, …", "Indien dat niet het geval is, …" → nee); null when the letter does not say
   * which ("Mocht dat …"). `rest` is the question after the condition ("wanneer?").
   */
  | { kind: 'conditional'; on: Polarity | null; rest: string; asks: string | null }
  /** About the answer itself, not its subject ("Graag een gedetailleerd antwoord."). */
  | { kind: 'about-answer' }
  /** Anything else: a statement or request without a question word. */
  | { kind: 'other' };

/** List markers and openers that say nothing about the kind: "a)", "2.", "–", "En", "Tot slot,". */
const LEAD = /^(?:\s*(?:[-–•*]|\(?[a-z]\)|\(?\d{1,2}[.)]|[ivx]{1,4}\))\s*)?(?:(?:en|ook|tevens|voorts|daarnaast|verder|vervolgens|bovendien|tot\s+slot|ten\s+slotte|tenslotte|tot\s+besluit)\b[\s,]*)*/i;

/**
 * Conditions on a yes or no before a follow-up question, each with the answer it depends on
 * (null: the condition does not say which). The match ends where the follow-up begins.
 */
const CONDITIONS: [RegExp, (m: RegExpExecArray) => Polarity | null][] = [
  // "Zo ja, …", "Zo nee, …", "Zo niet, …", "Indien ja/nee/niet, …"
  [/^(?:zo|indien)\s+(ja|jazeker|nee|neen|niet)\b[\s,:;]*/i, (m) => (/^ja/i.test(m[1]) ? 'ja' : 'nee')],
  // "Indien dat (niet) het geval is, …", "Als dat (niet) zo is, …", "Mocht dat niet zo zijn, …"
  [
    /^(?:indien|als|wanneer|mocht|ingeval)\s+(?:dat|dit|het|dat\s+antwoord|het\s+antwoord)\s+(niet\s+)?(?:zo\s+is|zo\s+zijn|zo\s+zou\s+zijn|het\s+geval\s+is|het\s+geval\s+zijn|het\s+geval\s+zou\s+zijn|(bevestigend|ontkennend)(?:\s+is|\s+luidt)?)\b[\s,:;]*/i,
    (m) => (m[1] || /ontkennend/i.test(m[2] ?? '') ? 'nee' : 'ja'),
  ],
  // "Indien het antwoord op vraag 3 bevestigend/ontkennend is, …"
  [/^(?:indien|als|wanneer|mocht)\s+(?:het|uw)\s+antwoord\s+(?:op\s+(?:de\s+)?(?:vorige\s+|voorgaande\s+)?vraag(?:\s+\d+[a-z]?)?\s+)?(bevestigend|ontkennend|ja|nee)\b(?:\s+(?:is|luidt))?[\s,:;]*/i, (m) => (/^(?:bevestigend|ja)/i.test(m[1]) ? 'ja' : 'nee')],
  // "Mocht dat …", "In dat geval …": a condition that does not say on what.
  [/^(?:mocht\s+(?:dat|dit|het)|in\s+dat\s+geval|in\s+het\s+geval\s+dat)\b[^,;:?]{0,80}[,;:]?\s*/i, () => null],
];

/** Question words: a subquestion opening with one (or with a preposition before one) is open. */
const QUESTION_WORD =
  /^(?:(?:in|op|met|voor|van|aan|om|door|bij|tot|vanaf|per|uit|naar|onder|over|tegen|sinds)\s+)?(hoeveel|hoeverre|hoelang|hoe|welke|welk|wanneer|waarom|wat|wie|wiens|waar|waarop|waardoor|waarmee|waaraan|waarvoor|waarin|waaruit|waarover|waarbij|waartoe|waarvan|wat\s+voor)\b/i;

/** Question words anywhere, for an indirect question ("Kunt u aangeven hoeveel …"). */
const QUESTION_WORD_INSIDE = /\b(hoeveel|in\s+hoeverre|hoelang|hoe|welke|welk|wanneer|waarom|wat|wie|waar|waarop|waardoor|waarmee|waarvoor|waarin|of)\b/i;

/**
 * Verbs that ask for an account rather than a yes or no: "Kunt u aangeven …", "Wilt u toelichten …",
 * "Deze leden vragen hoe …", "De leden horen graag welke …".
 */
const ACCOUNT_VERB =
  /\b(aangeven|aan\s+te\s+geven|toelichten|toe\s+te\s+lichten|uiteenzetten|uiteen\s+te\s+zetten|schetsen|te\s+schetsen|uitleggen|uit\s+te\s+leggen|verduidelijken|beschrijven|vertellen|noemen|specificeren|onderbouwen|verklaren|motiveren|weten|horen|benoemen|inzichtelijk\s+maken|inzicht\s+geven|een\s+overzicht|overzicht\s+geven|reflecteren|reageren|ingaan|in\s+te\s+gaan|delen|sturen|toesturen|doen\s+toekomen|informeren|rapporteren)\b/i;

/** A request that opens with a modal verb: "Kunt u …", "Wilt u …", "Zou de minister …". */
const MODAL_OPENER = /^(?:kunt|kan|wilt|wil|zou|zoudt|zouden|kunnen|willen)\b/i;

/** Frames that report a question without asking it: "Deze leden vragen (het kabinet) …", "De leden horen graag …". */
const REPORTED = /^(?:de|deze|die|zij|ook|tevens)\b[^?]{0,80}?\b(?:vragen|vraagt|willen|wil|horen|verzoeken|verzoekt|ontvangen)\b/i;

/** Sentences about the answer itself: "Graag een gedetailleerd antwoord.", "Wilt u deze vragen afzonderlijk beantwoorden?". */
const ABOUT_ANSWER = /\b(?:antwoord|antwoorden|beantwoorden|beantwoording|beantwoord|gedetailleerd)\b/i;
/** The words such a sentence has beside the answer: how and when to answer. */
const ANSWER_MANNER = new Set([
  'antwoord', 'antwoorden', 'beantwoorden', 'beantwoording', 'beantwoord', 'gedetailleerd', 'gedetailleerde',
  'uitgebreid', 'uitgebreide', 'volledig', 'volledige', 'afzonderlijk', 'separaat', 'apart', 'onderbouwd',
  'onderbouwde', 'één', 'een', 'binnen', 'termijn', 'weken', 'week', 'drie', 'zes', 'gebruikelijke', 'spoedig',
  'mogelijk', 'vóór', 'voor', 'vragen', 'vraag', 'deze', 'elke', 'iedere', 'per',
]);

function head(s: string): string {
  return (s.length > HEAD ? s.slice(0, HEAD) : s).replace(/\s+/g, ' ').trim();
}

/** What a question text (after its condition) asks: open with its question word, or yes/no. */
function askedBy(text: string, memo?: Memo): SubquestionKind {
  // A sentence about the answer ("Graag een gedetailleerd antwoord.", "Wilt u deze vragen
  // afzonderlijk beantwoorden?") with no subject of its own.
  if (ABOUT_ANSWER.test(text) && keyTerms(text, memo).every((t) => ANSWER_MANNER.has(t.word.toLowerCase()))) return { kind: 'about-answer' };
  const q = QUESTION_WORD.exec(text);
  if (q) return { kind: 'open', asks: q[0].toLowerCase().replace(/\s+/g, ' ') };
  const reported = REPORTED.test(text);
  if (reported || MODAL_OPENER.test(text)) {
    const verb = ACCOUNT_VERB.exec(text);
    if (verb || reported) {
      const after = text.slice(verb ? verb.index + verb[0].length : 0);
      const w = QUESTION_WORD_INSIDE.exec(after);
      if (w && w[1].toLowerCase() !== 'of') return { kind: 'open', asks: w[1].toLowerCase().replace(/\s+/g, ' ') };
      // "Deze leden vragen of …", "Kunt u aangeven of …": a yes or no, asked indirectly.
      if (w) return { kind: 'yes-no' };
      if (verb && MODAL_OPENER.test(text)) return { kind: 'open', asks: verb[1].toLowerCase().replace(/\s+/g, ' ') };
    }
  }
  return text.includes('?') ? { kind: 'yes-no' } : { kind: 'other' };
}

/**
 * The kind of a subquestion (its text as written, list marker and all). Reads at most `HEAD`
 * characters. The rules come from the question forms of Kamervragen and inbreng: "Zo ja/nee/
 * niet, …", "Indien (dat) niet (het geval is), …", "Als dat zo is, …" are conditional; a question
 * word at the start, or after a verb asking for an account ("Kunt u aangeven hoe …", "Deze leden
 * vragen welke …"), makes it open; a question otherwise opening with a verb is yes/no.
 */
export function subquestionKind(text: string, memo?: Memo): SubquestionKind {
  const t = head(text).replace(LEAD, '');
  for (const [re, on] of CONDITIONS) {
    const c = re.exec(t);
    if (!c) continue;
    const rest = t.slice(c[0].length);
    const inner = askedBy(rest, memo);
    // "Zo nee, waarom niet?": the question word of the follow-up, if it has one.
    return { kind: 'conditional', on: on(c), rest, asks: inner.kind === 'open' ? inner.asks : null };
  }
  return askedBy(t, memo);
}

/** Opening words that answer yes or no, and sentences that do so as a whole. */
const YES_NO_WORD = /^(ja|jazeker|jawel|inderdaad|nee|neen)\b/i;
const YES_NO_SENTENCE =
  /^(?:(?:dat|dit|het)\s+(?:klopt|is\s+(?:niet\s+)?(?:juist|correct|het\s+geval|zo))\b|ik\s+(?:deel|onderschrijf|herken|erken)\s+(?:die|deze|dat|de|het|uw)\b|(?:ik\s+ben|(?:daartoe|hiertoe|daar|hier|daarmee|hiermee)\s+ben\s+ik)\s+(?:\S+\s+){0,4}?(?:eens|bekend|bereid)\b)/i;

/** Words that carry nothing beyond the yes or no itself ("Ja, dat klopt.", "Nee, die mening deel ik niet."). */
const FILLER = new Set([
  'ja', 'jazeker', 'jawel', 'zeker', 'inderdaad', 'nee', 'neen', 'klopt', 'juist', 'correct', 'geval',
  'deel', 'onderschrijf', 'herken', 'erken', 'mening', 'zorg', 'zorgen', 'opvatting', 'analyse',
  'conclusie', 'constatering', 'bekend', 'bereid', 'eens', 'akkoord', 'terecht', 'helaas', 'uiteraard',
  'zeker', 'niet', 'geen', 'mij', 'ik', 'daartoe', 'hiertoe', 'daarmee', 'hiermee', 'ermee', 'mee', 'beeld',
]);

/** Connectives that give a reason: an answer holding one says why ("Nee, omdat …"). */
const REASON = /\b(?:omdat|want|doordat|aangezien|vanwege|wegens|daardoor|immers|reden|gezien)\b/i;

/** The shape of an answer, as far as its yes or no goes. */
export interface AnswerShape {
  /** The yes or no the answer opens with; null when it opens otherwise. */
  polarity: Polarity | null;
  /** The answer (whitespace collapsed) when it is no more than that yes or no ("Ja.", "Nee, dat klopt niet."); else null. */
  bare: string | null;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

/** The number of words (runs of letters and digits) of a text. Linear in its length. */
export function countWords(text: string): number {
  let words = 0;
  for (let i = 0; i < text.length; ) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    words++;
    while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  }
  return words;
}

/** A bare yes or no has at most this many words ("Nee, die mening deel ik niet."). */
const BARE_WORDS = 12;

/**
 * The shape of an answer text: the yes or no it opens with ("Ja", "Nee", "Inderdaad"; or a
 * short first sentence "Dat klopt (niet).", "Ik deel die mening (niet)."), and whether it says
 * nothing beyond that: one sentence of at most `BARE_WORDS` words, without a number or a reason,
 * whose content words are fillers ("klopt", "mening", "bereid") or words of `question` (so
 * "Ja, ik ben bekend met het bericht." is bare). Reads at most `HEAD` characters of each.
 */
export function answerShape(answer: string, question: string, memo?: Memo): AnswerShape {
  const t = head(answer);
  let polarity: Polarity | null = null;
  const w = YES_NO_WORD.exec(t);
  const first = /^[^.!?;]*/.exec(t)![0];
  if (w) polarity = /^ne/i.test(w[1]) ? 'nee' : 'ja';
  else if (YES_NO_SENTENCE.test(t) && countWords(first) <= 10) polarity = /\b(?:niet|geen)\b/i.test(first) ? 'nee' : 'ja';
  let bare: string | null = null;
  if (polarity && answer.length <= HEAD && countWords(t) <= BARE_WORDS && !/\d/.test(t) && !REASON.test(t) && /^[^.!?]*[.!?]?$/.test(t)) {
    const asked = new Set(keyTerms(head(question), memo).flatMap((k) => k.stems));
    const own = keyTerms(t, memo).filter((k) => !FILLER.has(k.word.toLowerCase()) && !k.stems.some((st) => asked.has(st)));
    if (!own.length) bare = t;
  }
  return { polarity, bare };
}
