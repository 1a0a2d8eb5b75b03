// What the extraction worker sends back, shared by the worker (engine.ts) and its host (index.ts).

/** The kinds of file read by extraction rather than as text. */
export type ExtractKind = 'pdf' | 'docx';

/** Why a file gave no text; index.ts turns each into one Dutch line. */
export type ExtractFailure =
  | 'no-text' // a PDF without a text layer (a scan) or a Word file without text
  | 'encrypted' // a PDF that needs a password to open
  | 'damaged' // not a PDF / not a .docx, or broken inside
  | 'legacy-doc' // an old binary Word file (.doc) renamed or saved as .docx
  | 'wrong-kind' // another kind of file under this extension; detail: 'pdf' | 'docx' | 'zip'
  | 'too-big' // unpacked contents over the bound (a zip bomb)
  | 'too-many-pages';

/** Worker → host: the extracted text and the UTF-16 offset at which each page starts. */
export type EngineReply =
  | { id: number; ok: true; text: string; pageStarts: number[] }
  | { id: number; ok: false; failure: ExtractFailure; detail?: string };

/** Host → worker: a file's bytes, or `warm` (read a built-in sample, Extractor.prefetch). */
export type EngineRequest = { id: number; kind: ExtractKind; bytes: Uint8Array } | { id: number; kind: 'warm' };

/** Bounds on what one file may unpack to (checked in the worker, before a parser sees the data). */
export const LIMITS = {
  /** A .docx's entries together, uncompressed. */
  docxUnpackedBytes: 64 * 1024 * 1024,
  /** Entries in a .docx's zip (Word writes a dozen or two, plus one per picture). */
  docxEntries: 10_000,
  /**
   * Elements and attributes of the parts that hold the text (document, footnotes, endnotes,
   * comments) together. mammoth makes an object of each element and a property of each
   * attribute and keeps them all (measured in the worker, sax reader: 66,000 short paragraphs,
   * 198,000 elements, peak 311 MB, 2.3 s CPU; before the sax reader 80,000 took 430 MB); Word
   * writes some tens per paragraph (runs, their properties, rsid attributes), so a 50-page
   * letter has a few tens of thousands. The bound keeps the worker under its heap bound.
   */
  docxItems: 200_000,
  /** Nesting of elements in any XML part (Word's deepest: tables in tables, a few dozen). */
  docxDepth: 100,
  /** Pages read from one PDF (the longest Aanhangsel answers run to a few dozen). */
  pdfPages: 2000,
  /** Characters of extracted text (the CLI and server refuse larger letters anyway). */
  textChars: 8 * 1024 * 1024,
  /**
   * One PDF stream, decoded (a page's content is a few hundred KB; an embedded font a few MB; a
   * full-page image some tens of MB): checked for every Flate stream before pdf.js opens the file,
   * and for whatever pdf.js decodes, under any filter (pdf.ts, `DecodeBudget`).
   */
  pdfStreamBytes: 64 * 1024 * 1024,
  /** The streams of one PDF together, decoded (each check above counts its own). */
  pdfInflatedBytes: 256 * 1024 * 1024,
};
