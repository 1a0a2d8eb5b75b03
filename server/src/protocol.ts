/**
 * Every custom message between the extension client and the language server, declared once as
 * a typed `RequestType` / `NotificationType` and imported by both sides (so a handler and a
 * sender cannot disagree about params or result). Standard LSP requests are not repeated here.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Server → client, after each analysis of an open letter: feeds the status item. */
export interface StatusParams {
  uri: string;
  version: number | null;
  /**
   * Questions that need an answer: the letter's (context-only parents excluded) plus those of its
   * question letter it does not carry. On a question letter: its questions.
   */
  total: number;
  /** Answered in the letter's words or by a reference that leads to an answer (0 on a question letter). */
  answered: number;
  /**
   * Where each open question is answered (LSP positions), in document order: the place to type
   * under an empty answer heading, the placeholder to replace (`end`: select up to there), the
   * answer whose reference leads nowhere, the place a missing question belongs.
   */
  unanswered: { id: string; line: number; character: number; end?: { line: number; character: number } }[];
  /**
   * What the item shows, decided by the server (the CLI's summary counts the same): `open` (a
   * question is open), `errors` (all answered, error-level findings remain), `done`, `questions`
   * (a question letter: neutral). Absent on a letter without questions.
   */
  state?: 'open' | 'errors' | 'done' | 'questions';
  /** The item's words in Dutch, e.g. "5 van 6 vragen beantwoord" or "Vragenbrief: 6 vragen". */
  text?: string;
  /** The item's tooltip in Dutch (lines separated by "\n"), with the answer term in Dutch date words. */
  tooltip?: string;
  /** The text looks like it holds questions, yet the reader recognised none (`no-questions-found`). */
  noQuestions?: boolean;
  /** The question letter used for cross checks, if any. */
  questionLetter?: string | null;
  /** The answer term from the question letter, if known: ISO due date and days left. */
  due?: { date: string; daysLeft: number } | null;
}

/** Client → server: the next unanswered question after a position (wraps around). */
export interface NextUnansweredParams {
  uri: string;
  line: number;
  character: number;
}
/** Where to go (`end`: select up to there, e.g. a placeholder to type over). */
export type NextUnansweredResult = { line: number; character: number; id: string; end?: { line: number; character: number } } | null;

/** Client → server: the answer skeleton (Markdown) for an open question letter. */
export interface SkeletonParams {
  uri: string;
  /** Text of the question letter, when the client has it (unsaved documents). */
  text?: string;
}
export interface SkeletonResult {
  markdown: string;
  questionCount: number;
  /**
   * The question letter the skeleton was made of (a `file:` URI), when it is not the document
   * asked about: on an answer letter, its linked question letter. The client opens the skeleton
   * beside it, so the link `./naam.md` in the skeleton holds.
   */
  questionLetterUri?: string;
  /** Where the drafter starts typing (zero-based): under the first answer heading (`skeletonCursor`). */
  cursor?: { line: number; character: number };
  /** Why no skeleton was made, one Dutch sentence (an answer letter without a question letter). */
  refusal?: string;
}

/**
 * Client → server: the letters that may be an answer letter's question letter, best match
 * first ("Geen vragenbrief gekoppeld — kiezen"): the question letters in its folder and the open ones.
 */
export interface QuestionLetterCandidatesParams {
  uri: string;
}
export interface QuestionLetterCandidate {
  /** A `file:` URI. */
  uri: string;
  /** The path relative to the answer letter, as the link comment writes it ("./vragen.md"). */
  ref: string;
  /** Dutch summary: questions, members, date, how well it matches. */
  detail: string;
  /** 0–1: how well it matches the answer letter (same questions, members, date, kenmerk). */
  score: number;
}
export type QuestionLetterCandidatesResult = QuestionLetterCandidate[] | { error: string };

/**
 * Client → server: link an answer letter to a question letter (writes or replaces the link
 * comment through workspace/applyEdit). `warning` is one Dutch sentence when the two do not
 * look like a pair (no question in common, other members and date).
 */
export interface LinkQuestionLetterParams {
  uri: string;
  /** A `file:` URI of the chosen question letter. */
  target: string;
  /** Link even when the two do not look like a pair (the user confirmed the warning). */
  force?: boolean;
}
export type LinkQuestionLetterResult = { linked: boolean; warning?: string } | { error: string };

/** Client → server: the letter's commitments register (as `antwoordbrief toezeggingen`). */
export interface CommitmentsParams {
  uri: string;
}
export interface CommitmentsResult {
  /** The date due dates were counted from (`YYYY-MM-DD`), the same in Dutch ("3 februari 2025"), and where it came from, in Dutch. */
  letterDate: string | null;
  letterDateText: string | null;
  letterDateFrom: string;
  items: {
    text: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    /** Dutch: "uiterlijk 1 juli 2025 (voor de zomer)", "geen termijn". */
    due: string;
    dueDate: string | null;
    pastDue: boolean;
  }[];
}

/** Client → server: check every letter in the workspace; results arrive as diagnostics. */
/** No parameters: every workspace folder is checked. */
export type CheckWorkspaceParams = Record<string, never>;
export interface CheckWorkspaceResult {
  files: number;
  findings: number;
  /** Letters found but not read (a scan, a damaged PDF, an undecodable text): each file with its Dutch reason, also published on the file. Absent when none. */
  unreadable?: { uri: string; message: string }[];
  /** A folder whose letters were not all checked (more than 2,000 letters, a folder of more than 10,000 entries): one Dutch line each. Absent when none. */
  notices?: string[];
}

/** Client → server: the reference (if any) at a position, for "Open op officielebekendmakingen.nl". */
export interface ReferenceAtParams {
  uri: string;
  line: number;
  character: number;
}
export type ReferenceAtResult = { id: string; canonical: string; url: string } | null;

/** Client → server: fetch the facts again for the reference at a position (or all, when no position). */
export interface RefreshFactsParams {
  uri: string;
  line?: number;
  character?: number;
}
export interface RefreshFactsResult {
  requested: number;
  resolved: number;
  failed: { id: string; reason: string }[];
}

/**
 * Client → server: analyse one open document now and publish its diagnostics, whatever
 * `antwoordbrief.controleren` says (the command behind `controleren: manual`).
 */
export interface CheckDocumentParams {
  uri: string;
}
export interface CheckDocumentResult {
  findings: number;
}

/**
 * Client → server: the text of a PDF or Word file on disk, as the checks read it (the client
 * shows it read-only under the `antwoordbrief-tekst:` scheme: "Open als tekst"). `error` is one
 * Dutch line when the file has no text ("… heeft geen tekstlaag (gescand?)").
 */
export interface ExtractTextParams {
  /** A `file:` URI of a .pdf or .docx. */
  uri: string;
}
export type ExtractTextResult = { text: string; source: 'pdf' | 'docx'; pageStarts: number[] } | { error: string };

/**
 * Client → server: the answer skeleton (Markdown) of a question letter that is a PDF or Word
 * file, linked to it by `<!-- vragen: ./naam.pdf -->` ("Maak antwoordopzet uit PDF of Word…").
 */
export interface SkeletonFromFileParams {
  /** A `file:` URI of a .pdf or .docx (or a text letter). */
  uri: string;
}
export type SkeletonFromFileResult = { markdown: string; questionCount: number; cursor?: { line: number; character: number } } | { error: string };

/** The URI scheme of the read-only text of a PDF or Word file in the editor. */
export const EXTRACTED_TEXT_SCHEME = 'antwoordbrief-tekst';

/**
 * A command the VS Code client runs after a quick fix's edit: select `range` in the document
 * `uri` (arguments: [uri, range]), so typing replaces the placeholder the fix inserted. The
 * server attaches it to code actions only when the client lists it in the initialization
 * option `clientCommands` (other editors do not have it).
 */
export const SelectRangeCommand = 'antwoordbrief.selecteerBereik';

/**
 * The server-side command behind the code lens "Geen vragenbrief gekoppeld — kiezen" (arguments:
 * [uri]): asks with a message of one line per candidate. The VS Code client points the lens at
 * its own picker instead (QuestionLetterCandidatesRequest, LinkQuestionLetterRequest).
 */
export const ChooseQuestionLetterCommand = 'antwoordbrief.kiesVragenbrief';

// The messages (each with the comment of its params above).
export const StatusNotification = new NotificationType<StatusParams>('antwoordbrief/status');
export const NextUnansweredRequest = new RequestType<NextUnansweredParams, NextUnansweredResult, void>('antwoordbrief/nextUnanswered');
export const SkeletonRequest = new RequestType<SkeletonParams, SkeletonResult, void>('antwoordbrief/skeleton');
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>('antwoordbrief/checkWorkspace');
export const ReferenceAtRequest = new RequestType<ReferenceAtParams, ReferenceAtResult, void>('antwoordbrief/referenceAt');
export const RefreshFactsRequest = new RequestType<RefreshFactsParams, RefreshFactsResult, void>('antwoordbrief/refreshFacts');
export const CheckDocumentRequest = new RequestType<CheckDocumentParams, CheckDocumentResult, void>('antwoordbrief/checkDocument');
export const ExtractTextRequest = new RequestType<ExtractTextParams, ExtractTextResult, void>('antwoordbrief/extractText');
export const QuestionLetterCandidatesRequest = new RequestType<QuestionLetterCandidatesParams, QuestionLetterCandidatesResult, void>('antwoordbrief/questionLetterCandidates');
export const LinkQuestionLetterRequest = new RequestType<LinkQuestionLetterParams, LinkQuestionLetterResult, void>('antwoordbrief/linkQuestionLetter');
export const CommitmentsRequest = new RequestType<CommitmentsParams, CommitmentsResult, void>('antwoordbrief/commitments');
export const SkeletonFromFileRequest = new RequestType<SkeletonFromFileParams, SkeletonFromFileResult, void>('antwoordbrief/skeletonFromFile');

/**
 * The environment the server process is started with, besides the client's own (issue 10: peak
 * memory). glibc's allocator keeps what each thread's arena once held (V8's compiler and GC
 * threads, large JSON answers); two arenas, and blocks of 64 KB and more mapped and given back
 * when freed, lowered the peak of fast typing with requests in a 5 MB letter from 171 to 146 MB
 * (goal 173). Other C libraries ignore these names. Used by the VS Code client, the tests and the
 * benchmark; other editors set them in their start command (README).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' };
