/**
 * The reader's working shape of a question unit, shared by the unit reader (parse.ts) and the
 * part reader (parts.ts), and the sentence look-ups both use.
 */
import type { Sentence } from './sentences';

export type DraftKind = 'heading' | 'item' | 'prose' | 'inbreng' | 'orphan';

/**
 * A question unit while it is being read: offsets of its heading, question and answer (UTF-16;
 * -1 where there is none yet), before `buildUnit` turns it into a `QuestionUnit`.
 */
export interface Draft {
  kind: DraftKind;
  id: string;
  number: number;
  suffix: string;
  sectionIndex: number;
  headingStart: number;
  headingEnd: number;
  qStart: number;
  qEnd: number;
  /** Line of the explicit answer heading, -1 when none. */
  aHeadLine: number;
  aStart: number;
  aEnd: number;
  /** The body (question + answer) has not been split yet. */
  unsplit: boolean;
  context: boolean;
  /** Other questions answered together under this one's answer heading. */
  joint?: Draft[];
  /** Further ids of a joint question heading ("Vraag 9 en 10"): each is a question of its own. */
  twins?: string[];
  /** For a further id of a joint question heading: the draft of the heading's first id. */
  twinOf?: Draft;
  /**
   * The id was given by the reader, not the letter: an answer under an unnumbered label
   * ("Reactie van het kabinet"), or an asking paragraph after an answer that no answer follows.
   */
  unnumbered?: boolean;
  /** Made from a subquestion of its question, answered on its own ("Antwoord 6a"). */
  split?: boolean;
  /** The answer stands in another part of the document (a verslag's reprinted answer letter). */
  detached?: boolean;
}

/** "12a" → 12 and "a"; ids that are no number give 0. */
export function splitId(id: string): { number: number; suffix: string } {
  const m = /^(\d+)([a-z]?)$/.exec(id);
  return m ? { number: parseInt(m[1], 10), suffix: m[2] } : { number: 0, suffix: '' };
}

/** First sentence index whose start is at or after `offset` (sentences are sorted). */
export function firstSentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentences lying wholly in [start, end). */
export function sentencesIn(sentences: Sentence[], start: number, end: number): Sentence[] {
  const out: Sentence[] = [];
  for (let i = firstSentenceAt(sentences, start); i < sentences.length && sentences[i].start < end; i++) {
    if (sentences[i].end <= end) out.push(sentences[i]);
  }
  return out;
}
