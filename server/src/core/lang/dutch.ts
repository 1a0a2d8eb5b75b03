/**
 * Dutch word handling for the answer checks: stemming (Snowball's Dutch stemmer, the one
 * language `@orama/stemmers/dutch` ships) and stop words (the Dutch list of `stopwords-iso`, a
 * named import from its JSON so the bundler keeps only that list), plus the words that appear in
 * every parliamentary question and so say nothing about its subject, and the word classes that
 * decide which words of a question are its key terms.
 */
import { stemmer as snowballDutch } from '@orama/stemmers/dutch';
import { nl as STOPWORDS_NL } from 'stopwords-iso/stopwords-iso.json';
import { BoundedMap, slot, type Memo } from '../memo';
import { detach } from '../text';

const stemmer = { stem: snowballDutch };

/**
 * Words that occur in nearly every question or answer of a parliamentary letter (the parties,
 * the addressees, the verbs of asking). They are stop words for the purpose of deciding what a
 * subquestion is about.
 */
const DOMAIN_STOP = [
  'leden', 'lid', 'fractie', 'fracties', 'minister', 'ministers', 'staatssecretaris', 'kabinet',
  'regering', 'kamer', 'vraag', 'vragen', 'vraagt', 'gevraagd', 'verzoeken', 'verzoekt', 'graag',
  'gaarne', 'ontvangen', 'vernemen', 'horen', 'weten', 'willen', 'wil', 'kunt', 'kan', 'kunnen',
  'bereid', 'toelichten', 'toelichting', 'aangeven', 'geven', 'reactie', 'reflectie', 'mening',
  'deze', 'daarom', 'voorts', 'tevens', 'tot', 'slot', 'slotte', 'aan', 'woord', 'zijnde',
  'welke', 'hoe', 'hoeveel', 'hoeverre', 'waarom', 'wanneer', 'wat', 'wie', 'waar', 'waarop',
  'precies', 'concreet', 'concrete', 'specifiek', 'daarbij', 'hierbij', 'hierover', 'daarover',
  'daarvan', 'hiervan', 'dit', 'dat', 'zo', 'ja', 'nee', 'manier', 'wijze', 'zin', 'licht',
  'opzichten', 'opzicht', 'gaat', 'gaan', 'doen', 'doet', 'zien', 'ziet', 'zal', 'zullen', 'wordt',
  'worden', 'zijn', 'heeft', 'hebben', 'bent', 'is', 'u', 'hij', 'zij', 'uw', 'onze', 'ons',
  'nederland', 'nederlandse', 'overzicht', 'inzicht', 'informatie', 'mogelijk', 'mogelijkheden',
  'acht', 'achten', 'ervan', 'erover', 'hierin', 'daarin', 'hiervoor', 'daarvoor', 'bijvoorbeeld',
  // Verbs and fillers of asking: what is asked lies in the other words.
  'schetsen', 'uiteenzetten', 'uitleggen', 'verklaren', 'verklaart', 'beschrijven', 'informeren',
  'verduidelijken', 'aantonen', 'benieuwd', 'vinden', 'vindt', 'belangrijk', 'goede', 'voornoemde',
  'genoemde', 'betreffende', 'gedaan', 'komen', 'liggen', 'staat', 'staan', 'nieuwe', 'dergelijke',
  'naast', 'verwacht', 'verwachten', 'namelijk', 'eventueel', 'eventuele', 'huidige', 'meer',
  'heel', 'hierop', 'daarop', 'hiermee', 'daarmee', 'hieraan', 'daaraan', 'bedoelt', 'bedoeld',
  'nodig', 'betekent', 'betekenen', 'begrijpelijk', 'begrijpelijke', 'duidelijk', 'duidelijke',
  'standpunt', 'motivatie', 'term', 'termen', 'definieert', 'definitie', 'opvatting', 'visie',
  // What a question refers to, not what it is about: "Kent u het bericht ‘…’?".
  'bericht', 'berichten', 'berichtgeving', 'nieuwsbericht', 'artikel', 'artikelen', 'uitzending',
  'brief', 'kamerbrief', 'antwoord', 'antwoorden', 'beantwoording', 'uitspraak', 'uitspraken',
];

/**
 * Verbs that open or carry a question and auxiliaries, in the forms questions use ("Levert…",
 * "Kunt u…", "Deelt u…", "Klopt het…", "Erkent u…", "Bent u bereid…"). A key term is a content
 * word: a noun, a name, a number or a domain term (issue 11); these are none of those.
 */
const QUESTION_VERBS = [
  'kent', 'kennen', 'klopt', 'kloppen', 'deelt', 'delen', 'levert', 'leveren', 'erkent', 'erkennen',
  'onderschrijft', 'onderschrijven', 'bevestigt', 'bevestigen', 'herkent', 'herkennen', 'neemt',
  'nemen', 'onderneemt', 'ondernemen', 'treft', 'treffen', 'zorgt', 'zorgen', 'garandeert',
  'garanderen', 'waarborgt', 'waarborgen', 'overweegt', 'overwegen', 'beoordeelt', 'beoordelen',
  'kijkt', 'kijken', 'reageert', 'reageren', 'reflecteert', 'reflecteren', 'verklaart', 'verwacht',
  'bent', 'ben', 'was', 'waren', 'werd', 'werden', 'wordt', 'is', 'zijn', 'heeft', 'hebben', 'had',
  'hadden', 'kunt', 'kan', 'kon', 'konden', 'kunnen', 'zult', 'zal', 'zullen', 'zou', 'zouden',
  'wilt', 'wil', 'willen', 'wilde', 'moet', 'moeten', 'moest', 'mag', 'mogen', 'mocht', 'blijft',
  'blijven', 'komt', 'komen', 'gaat', 'gaan', 'geeft', 'geven', 'maakt', 'maken', 'houdt', 'houden',
  'vindt', 'vinden', 'ziet', 'zien', 'weet', 'weten', 'denkt', 'denken', 'meent', 'menen', 'stelt',
  'stellen', 'brengt', 'brengen', 'zet', 'zetten', 'laat', 'laten', 'verstaat', 'verstaan', 'rijmt',
  'rijmen', 'betreft', 'betreffen', 'speelt', 'spelen', 'draagt', 'dragen', 'leidt', 'leiden',
  'schaart', 'scharen', 'gedaan', 'genomen', 'gegeven', 'gemaakt', 'gekomen', 'geweest',
  // Pronominal adverbs ("eraan bijdragen", "ervoor zorgen"): they point, they do not name.
  'eraan', 'erbij', 'erop', 'ervoor', 'ermee', 'erin', 'eruit', 'erdoor', 'ernaar', 'erom', 'ertoe',
  'ertegen', 'erna', 'ervan', 'erover', 'hiertoe', 'daartoe', 'waaraan', 'waarbij', 'waarmee',
  'waarvoor', 'waarin', 'waarover', 'waarvan', 'waardoor', 'waartoe',
];

/**
 * Words after which the word before them is a finite verb in a question ("Deelt u…", "Klopt het
 * bericht…", "Levert dit…", "neemt de minister…"): the subject that follows a verb in Dutch
 * inversion.
 */
const SUBJECTS = new Set(['u', 'het', 'de', 'er', 'dit', 'dat', 'deze', 'die', 'zij', 'ze', 'hij', 'men', 'we', 'wij', 'jullie', 'uw', 'een', 'hun']);

/** Words before a noun: what they precede is not a verb. */
const DETERMINERS = new Set(['de', 'het', 'een', 'die', 'deze', 'dit', 'dat', 'welke', 'welk', 'alle', 'veel', 'meer', 'minder', 'hun', 'uw', 'onze', 'ons', 'zijn', 'haar', 'geen', 'extra', 'voldoende', 'genoeg', 'van', 'voor', 'met', 'aan', 'over', 'bij', 'naar', 'tussen', 'tegen', 'zonder', 'onder', 'door']);

/** Words after which an infinitive or a participle follows ("te nemen", "gaat verzetten"). */
const BEFORE_VERB = new Set(['te', 'gaat', 'gaan', 'zal', 'zullen', 'zult', 'kan', 'kunt', 'kunnen', 'wil', 'wilt', 'willen', 'moet', 'moeten', 'mag', 'mogen', 'wordt', 'worden', 'werd', 'werden', 'blijft', 'blijven']);

/**
 * Stems by word, kept in the analyzer's memo: a letter is re-analysed on every keystroke and its
 * vocabulary hardly changes. Started afresh past a bound (entries and characters), so memory
 * stays flat; keys and values are detached from the letter's text (see `detach`), so the cache
 * never keeps an earlier version of a letter alive.
 */
const STEMS = slot('dutch.stems', () => new BoundedMap<string, string>(200_000, 4_000_000, (w, s) => w.length + s.length));
/**
 * Key terms by sentence (subquestions hardly change between keystrokes), bounded like `STEMS`
 * by entries and by the characters of the sentences and their words.
 */
const TERMS = slot('dutch.terms', () => new BoundedMap<string, KeyTerm[]>(20_000, 4_000_000, (sentence, terms) => sentence.length + terms.reduce((n, t) => n + t.word.length, 0)));

function cachedStem(w: string, memo?: Memo): string {
  // No Dutch word is this long; do not spend time (or cache memory) on junk.
  if (w.length > 40) return w;
  const cache = memo?.get(STEMS);
  let s = cache?.get(w);
  if (s === undefined) {
    s = stemmer.stem(w);
    if (cache) {
      s = detach(s);
      cache.set(detach(w), s);
    }
  }
  return s;
}

const STOP = new Set<string>([...STOPWORDS_NL, ...DOMAIN_STOP, ...QUESTION_VERBS]);

/** The Snowball (Dutch) stem of a word, lowercased. */
export function stem(word: string, memo?: Memo): string {
  return cachedStem(word.toLowerCase(), memo);
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** The words of a text, in order (hyphenated compounds kept whole). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export interface KeyTerm {
  /** The word as written. */
  word: string;
  /** Its stem; compounds split on hyphens give one stem per part. */
  stems: string[];
}

/** Whether a word is written with digits only (a year, an amount, a count). */
function isNumber(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return w.length > 0;
}

/**
 * Whether the word at `i` of a question's words is a content word: not a stop word, not a verb
 * of asking or an auxiliary, not the finite verb that opens a yes/no question or stands before
 * its subject ("Levert dit…", "welke maatregelen neemt u"), not an infinitive after `te` or an
 * auxiliary ("te nemen", "gaat verzetten"), at least three letters, or a number of two or more
 * digits that is not the question's own number at the start. Names, acronyms ("EU") and domain
 * terms pass. `lower` are the words lowercased; `written` the word as written (for acronyms).
 */
export function isContentWord(lower: readonly string[], i: number, written?: string): boolean {
  const w = lower[i];
  // "14.000" gives "14" and "000": a group of a number is no term of its own.
  if (isNumber(w)) return w.length >= 2 && i > 0 && w.charCodeAt(0) !== 48;
  // An acronym is a name ("EU", "VN", "AI"), however short.
  if (written && written.length >= 2 && written.length <= 6 && written === written.toUpperCase() && written !== w) return !STOP.has(w);
  if (w.length < 3 || STOP.has(w) || w.endsWith('-fractie')) return false;
  const prev = i > 0 ? lower[i - 1] : undefined;
  const next = lower[i + 1];
  // Dutch inversion: the finite verb that opens a yes/no question ("Deelt u…", "Klopt het…",
  // "Levert dit…") or stands before `u` ("welke maatregelen neemt u"; a noun before `u`, as in
  // "welke maatregelen u neemt", does not end in -t).
  if (next !== undefined && SUBJECTS.has(next) && (prev === undefined || prev === 'en' || prev === 'ook' || isNumber(prev))) return false;
  if (next === 'u' && w.endsWith('t')) return false;
  // An infinitive after `te` or an auxiliary ("te nemen", "zal verbeteren").
  if (prev !== undefined && BEFORE_VERB.has(prev) && w.endsWith('en')) return false;
  // The infinitive that ends a question ("…een impuls krijgen?"); a plural noun there has an
  // article, a determiner or an inflected adjective before it ("de kinderen", "nieuwe regels").
  if (i === lower.length - 1 && i > 0 && w.endsWith('en') && !DETERMINERS.has(prev!) && !prev!.endsWith('e') && !isNumber(prev!)) return false;
  return true;
}

/**
 * The key terms of a sentence: its content words (`isContentWord`: nouns, names, numbers, domain
 * terms; not stop words, verbs of asking, auxiliaries or question openers), each with its
 * stem(s), in order of first occurrence and without repeats. With a memo the result is cached
 * and shared: do not change it.
 */
export function keyTerms(sentence: string, memo?: Memo): KeyTerm[] {
  // Subquestions hardly change between keystrokes: remember their terms.
  const cache = memo?.get(TERMS);
  const known = cache?.get(sentence);
  if (known) return known;
  const out: KeyTerm[] = [];
  const seen = new Set<string>();
  const all = words(sentence);
  const lowers = all.map((w) => w.toLowerCase());
  for (let i = 0; i < all.length; i++) {
    const w = all[i];
    const lower = lowers[i];
    if (seen.has(lower) || !isContentWord(lowers, i, w)) continue;
    seen.add(lower);
    const simple = !lower.includes('-') && !lower.includes("'") && !lower.includes('’');
    const parts = simple ? [] : lower.split(/[-'’]/).filter((p) => p.length >= 3 && !STOP.has(p));
    const stems = parts.length ? parts.map((p) => cachedStem(p, memo)) : [cachedStem(lower, memo)];
    out.push({ word: cache ? detach(w) : w, stems });
  }
  cache?.set(detach(sentence), out);
  return out;
}
