/**
 * Dutch word handling for the answer checks: stemming (Snowball, via `snowball-stemmers`) and
 * stop words (`stopwords-iso`), plus the words that appear in every parliamentary question and
 * so say nothing about its subject.
 */
import { newStemmer } from 'snowball-stemmers';
import stopwordLists from 'stopwords-iso';
import { BoundedMap, slot, type Memo } from '../memo';

const stemmer = newStemmer('dutch');

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
];

/**
 * Stems by word, kept in the analyzer's memo: a letter is re-analysed on every keystroke and its
 * vocabulary hardly changes. Started afresh past a bound, so memory stays flat.
 */
const STEMS = slot('dutch.stems', () => new BoundedMap<string, string>(200_000));
/** Key terms by sentence (subquestions hardly change between keystrokes). */
const TERMS = slot('dutch.terms', () => new BoundedMap<string, KeyTerm[]>(20_000));

function cachedStem(w: string, memo?: Memo): string {
  // No Dutch word is this long; do not spend time (or cache memory) on junk.
  if (w.length > 40) return w;
  const cache = memo?.get(STEMS);
  let s = cache?.get(w);
  if (s === undefined) {
    s = stemmer.stem(w);
    cache?.set(w, s);
  }
  return s;
}

const STOP = new Set<string>([...(stopwordLists.nl ?? []), ...DOMAIN_STOP]);

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

/**
 * The key terms of a sentence: words that are not stop words, not numbers and at least three
 * letters long, each with its stem(s), in order of first occurrence and without repeats. With a
 * memo the result is cached and shared: do not change it.
 */
export function keyTerms(sentence: string, memo?: Memo): KeyTerm[] {
  // Subquestions hardly change between keystrokes: remember their terms.
  const cache = memo?.get(TERMS);
  const known = cache?.get(sentence);
  if (known) return known;
  const out: KeyTerm[] = [];
  const seen = new Set<string>();
  for (const w of words(sentence)) {
    const lower = w.toLowerCase();
    if (lower.length < 3 || seen.has(lower) || STOP.has(lower) || (lower.charCodeAt(0) >= 48 && lower.charCodeAt(0) <= 57) || lower.endsWith('-fractie')) continue;
    seen.add(lower);
    const simple = !lower.includes('-') && !lower.includes("'") && !lower.includes('’');
    const parts = simple ? [] : lower.split(/[-'’]/).filter((p) => p.length >= 3 && !STOP.has(p));
    const stems = parts.length ? parts.map((p) => cachedStem(p, memo)) : [cachedStem(lower, memo)];
    out.push({ word: w, stems });
  }
  cache?.set(sentence, out);
  return out;
}
