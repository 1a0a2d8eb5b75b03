/**
 * Every custom message between the extension client and the language server, declared once
 * and imported by both sides. Standard LSP requests are not repeated here.
 */

/** Server → client, after each analysis of an open letter: feeds the status item. */
export const StatusNotification = 'antwoordbrief/status';
export interface StatusParams {
  uri: string;
  version: number | null;
  /** Question units that need an answer (context-only parents excluded). */
  total: number;
  answered: number;
  /** Start positions (LSP) of unanswered questions, in document order. */
  unanswered: { id: string; line: number; character: number }[];
  /** The text looks like it holds questions, yet the reader recognised none (`no-questions-found`). */
  noQuestions?: boolean;
  /** The question letter used for cross checks, if any. */
  questionLetter?: string | null;
  /** The answer term from the question letter, if known: ISO due date and days left. */
  due?: { date: string; daysLeft: number } | null;
}

/** Client → server: the next unanswered question after a position (wraps around). */
export const NextUnansweredRequest = 'antwoordbrief/nextUnanswered';
export interface NextUnansweredParams {
  uri: string;
  line: number;
  character: number;
}
export type NextUnansweredResult = { line: number; character: number; id: string } | null;

/** Client → server: the answer skeleton (Markdown) for an open question letter. */
export const SkeletonRequest = 'antwoordbrief/skeleton';
export interface SkeletonParams {
  uri: string;
  /** Text of the question letter, when the client has it (unsaved documents). */
  text?: string;
}
export interface SkeletonResult {
  markdown: string;
  questionCount: number;
}

/** Client → server: check every letter in the workspace; results arrive as diagnostics. */
export const CheckWorkspaceRequest = 'antwoordbrief/checkWorkspace';
export interface CheckWorkspaceResult {
  files: number;
  findings: number;
}

/** Client → server: the reference (if any) at a position, for "Open op officielebekendmakingen.nl". */
export const ReferenceAtRequest = 'antwoordbrief/referenceAt';
export interface ReferenceAtParams {
  uri: string;
  line: number;
  character: number;
}
export type ReferenceAtResult = { id: string; canonical: string; url: string } | null;

/** Client → server: fetch the facts again for the reference at a position (or all, when no position). */
export const RefreshFactsRequest = 'antwoordbrief/refreshFacts';
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
 * `antwoordbrief.run` says (the command behind `run: manual`).
 */
export const CheckDocumentRequest = 'antwoordbrief/checkDocument';
export interface CheckDocumentParams {
  uri: string;
}
export interface CheckDocumentResult {
  findings: number;
}
