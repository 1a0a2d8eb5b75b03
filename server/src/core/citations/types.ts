/**
 * Parliamentary papers cited in a letter. Spans are UTF-16 offsets into the analysed text.
 */
import type { Span } from '../text';

export type PaperKind = 'kamerstuk' | 'handelingen' | 'aanhangsel' | 'staatsblad' | 'staatscourant' | 'zaak' | 'document';

/** What a citation identifies, independent of where it stands. */
export interface PaperRef {
  kind: PaperKind;
  /** Official publication identifier: `kst-36410-X-46`, `kst-30821-E`, `ah-tk-20242025-2391`, `2025Z01234`. */
  id: string;
  /** Dossier number without spaces, e.g. "36410" (null for Handelingen, zaak, document). */
  dossier: string | null;
  /** "X", "20" (for 21 501-20), or null. */
  toevoeging: string | null;
  /** Volgnummer ("46") or Eerste Kamer letter ("E"); null when the citation names a dossier only. */
  number: string | null;
  kamer: 'I' | 'II' | null;
  /** "2023-2024" when the citation gives it. */
  vergaderjaar: string | null;
  /** The citation in the official form, e.g. "Kamerstukken II 2023/24, 36 410 X, nr. 46". */
  canonical: string;
  /**
   * Set when the citation may as well name a dossier with a dash toevoeging: "36123-45" is paper
   * nr. 45 of dossier 36 123 or the dossier 36 123-45, and the dossier table (dossiers.ts) does not
   * know which. The dossier as written ("36 123-45"). The sources decide when reachable.
   */
  orDossier?: string;
}

/** One cited paper at one place in the text (a list "nrs. 591, 594 en 596" gives three). */
export interface Reference extends PaperRef {
  /** The text of the span (the whole citation for the first paper, the number for the others). */
  text: string;
  span: Span;
  /** Span of the whole citation this reference belongs to (shared by the papers of one list). */
  citationSpan: Span;
  /** How the citation was written (its trigger): only full citations are judged for form. */
  form?: 'kamerstuk' | 'kamer' | 'stuknummer' | 'bare' | 'hyphen' | 'id' | 'url' | 'tknumber' | 'handelingen' | 'aanhangsel' | 'staatsblad' | 'staatscourant';
  /** Page reference as written, normalised ("7-8", "17,19-22"), or null. */
  pages?: string | null;
  /** Number of dossiers the citation names ("26 643/30 821, nr. 1252" gives 2). */
  dossierCount?: number;
  /**
   * Set on the two ends of a range too long to list paper by paper ("nrs. 1 t/m 400" gives nr. 1
   * and nr. 400, each with range "1-400"; see RANGE_CAP in grammar.ts).
   */
  range?: string;
}

export type MotionLink =
  | { kind: 'parenthesis' }
  | { kind: 'footnote'; footnote: string; footnoteSpan: Span }
  | { kind: 'earlier'; citationSpan: Span; uri?: string };

/** "de motie Erkens", "motie-Kathmann c.s.", "de motie van het lid Van den Berg7". */
export interface MotionMention {
  text: string;
  span: Span;
  /** Surname of the first signer as written ("Van den Berg"). */
  signer: string;
  /** The papers the mention was linked to (several for "de moties … (nrs. 487 en 504)"). */
  refs: PaperRef[];
  /**
   * A plural mention naming several first signers ("de moties-Erkens en -Kröger", "de moties van
   * het lid A c.s. en van het lid B"): each, in order. When there are as many as `refs`, the k-th
   * motion is `refs[k]` of `signers[k]` (each motion linked to its own number).
   */
  signers?: string[];
  via: MotionLink | null;
  /** Span of the citation that carried the number (in the document of `via.uri` when set). */
  citationSpan?: Span;
  /** "de gewijzigde motie X": its own paper, never linked through the original motion's number. */
  amended?: boolean;
  /**
   * Set when the evidence conflicts (the citation beside the mention and its footnote name
   * different papers, a footnote names several papers for one motion, or other mentions of the
   * same signer name different motions): each candidate with how it was found. The mention is then
   * not linked (`refs` empty, `via` null): a wrong paper is never shown as certain.
   */
  candidates?: {
    refs: PaperRef[];
    via: MotionLink;
    citationSpan: Span;
    /** The candidate is the gewijzigde motie of the same signer ("de motie X" after "de gewijzigde motie X"). */
    amended?: boolean;
  }[];
}

/** A footnote at the foot of a page ("7 Kamerstuk 30 821, nr. 110.") or a Markdown `[^7]: …`. */
export interface Footnote {
  label: string;
  span: Span;
  text: string;
}

/** A footnote marker in the body: a digit glued to a word ("Van den Berg7") or `[^7]`. */
export interface FootnoteMarker {
  label: string;
  span: Span;
}

export interface Citations {
  references: Reference[];
  motions: MotionMention[];
  footnotes: Footnote[];
  markers: FootnoteMarker[];
  /**
   * Set when the text holds more than `MAX_CITATIONS` citations and motion mentions: the UTF-16
   * offset of the first one not read (nothing from there on is a reference or a mention).
   */
  truncatedAt?: number;
}
