/**
 * The domain model of a letter, shared by every host (language server, CLI, tests).
 * All spans are UTF-16 offsets into the analysed text; convert with `LineIndex` at the edge.
 */
import type { Span } from './text';

export type AnswerStatus = 'answered' | 'missing' | 'placeholder' | 'by-reference' | 'context';

/** A fractie heading such as "Vragen en opmerkingen van de leden van de PVV-fractie". */
export interface Section {
  /** Short name shown to the user, e.g. "PVV-fractie". */
  title: string;
  /** The whole heading line. */
  span: Span;
  index: number;
}

/** One sentence that asks something (ends in `?`, or a request such as "Kunt u …"). */
export interface Subquestion {
  text: string;
  span: Span;
}

/** "het antwoord op vraag 50" inside an answer (or anywhere in the letter). */
export interface AnswerReference {
  /** The question ids referred to, e.g. ["18", "43"] for "vraag 18 en 43". */
  targets: string[];
  /** Span of each target id in the text, parallel to `targets`. */
  targetSpans: Span[];
  /** Span of the whole phrase ("het antwoord op vraag 18 en 43"). */
  span: Span;
  /**
   * Index of the section whose questions the reference means: the fractie section it names
   * ("… vraag 1 van de leden van de VVD-fractie"), else the one it stands in (-1 outside any).
   */
  sectionIndex: number;
}

export interface Answer {
  status: AnswerStatus;
  /** Span of the answer text (null when missing). */
  span: Span | null;
  /** Span of the "Antwoord 1" / "N. Antwoord van het kabinet" heading, when there is one. */
  headingSpan: Span | null;
  text: string;
  /** For `by-reference`: the question ids the answer points to. */
  refersTo: string[];
  /** Placeholders ("PM", "[…]") the parser found in the answer's span, when it looked. */
  placeholders?: Span[];
  /**
   * For `by-reference` to another paper: a mededeling "De vragen … zijn beantwoord met de brief
   * … (Kamerstuk 36 123, nr. 45)" answers by that paper; its official id (`kst-36123-45`).
   */
  paper?: string;
}

/** A numbered question (or the question block before "N. Antwoord van het kabinet"). */
export interface QuestionUnit {
  /** "1", "1a", "50". */
  id: string;
  number: number;
  /** "" or the letter suffix, e.g. "a". */
  suffix: string;
  /** Section title, or null when the letter has no fractie headings. */
  section: string | null;
  sectionIndex: number;
  /** The "Vraag 1a" heading (or the question text's first line when there is no heading). */
  headingSpan: Span;
  /** Heading + question text + answer: the unit's full extent (for folding and symbols). */
  span: Span;
  /** The question text (without the heading). */
  questionSpan: Span;
  questionText: string;
  subquestions: Subquestion[];
  answer: Answer;
  /**
   * True when the parser gave the id (a prose question of an inbreng without an answer heading
   * yet): a running count, not a number the letter wrote. Absent otherwise.
   */
  unnumbered?: true;
  /**
   * For each unit of a joint question heading ("Vraag 9 en 10", "Vragen 2, 3 en 4"): every id of
   * that heading, in order. The units share the heading and the question text the letter prints
   * once for all of them. Absent otherwise.
   */
  jointIds?: string[];
  /**
   * True when the reader made this unit from a subquestion of its question ("Antwoord 6a" under a
   * `Vraag 6` that asks a) and b)): the letter heads no `Vraag 6a`; its parent is a context unit.
   */
  split?: true;
}

export interface Letter {
  text: string;
  sections: Section[];
  questions: QuestionUnit[];
  /** Every "antwoord op vraag N" phrase in the letter. */
  answerReferences: AnswerReference[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A finding of a check: a code, a place and a Dutch message. Severity is set at the edge. */
export interface Finding {
  code: string;
  span: Span;
  message: string;
  /** The question id the finding is about, if any. */
  question?: string;
  /** Extra data for quick fixes (e.g. where to insert an answer). */
  data?: unknown;
}
