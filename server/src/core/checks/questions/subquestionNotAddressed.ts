// `subquestion-not-addressed`: a subquestion whose key terms the answer does not mention.
import type { Finding, Letter, QuestionUnit } from '../../model';
import { resolveTarget } from '../../letter/references';
import { keyTerms, type KeyTerm } from '../../lang/dutch';
import { slot, type Memo } from '../../memo';
import { quote } from './common';

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

/** Bound on the characters held by the verdict cache's keys (about 16 MB); it starts afresh beyond. */
const UNADDRESSED_CACHE_CHARS = 8_000_000;
/** Subquestion + answer text → its unmentioned key terms, or false when it is addressed. */
const UNADDRESSED = slot('questions.unaddressed', () => ({ map: new Map<string, KeyTerm[] | false>(), chars: 0 }));

export function notAddressed(letter: Letter, out: Finding[], memo?: Memo): void {
  const cache = memo?.get(UNADDRESSED);
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
        const target = resolveTarget(letter, u.sectionIndex, t);
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
      let terms = cache?.map.get(key);
      if (terms === undefined) {
        const all = keyTerms(sub.text, memo);
        answer ??= foldAccents(joined.toLowerCase());
        terms = all.length < MIN_TERMS || all.some(mentioned) ? false : all;
        if (cache) {
          cache.chars += key.length;
          if (cache.chars > UNADDRESSED_CACHE_CHARS) {
            cache.map.clear();
            cache.chars = key.length;
          }
          cache.map.set(key, terms);
        }
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
