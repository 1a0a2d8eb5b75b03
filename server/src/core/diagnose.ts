/**
 * Every finding of one letter given its context: the only place that decides what a letter
 * shows. The editor's publish, the workspace check and the CLI all call `diagnose` with the
 * same kind of context and convert what it returns; none adds or drops findings of its own.
 */
import type { Analysis } from './analyze';
import type { Citations } from './citations/types';
import { linkAcrossWorkspace } from './citations/index';
import { checkFacts, type FactsLookup } from './facts';
import type { Finding, Letter } from './model';
import { unanswered } from './checks/questions/unansweredQuestion';
import { answerOnlyHeadings } from './pair/answerOnly';
import { placeholders } from './checks/questions/placeholderInAnswer';
import { disabledCodes, type Settings } from './settings';
import { applySuppressions } from './suppress';
import { pairState, type PairState, type QuestionLetterInput } from './pair/state';
import type { Memo } from './memo';
import { answerStatus, type AnswerStatus } from './features/status';
import { commitmentFindings, withFallbackDate, type Commitments } from './commitments';
import { boundFindings } from './bounds';

/** Another letter of the workspace, as the host sees it (open text first, else on disk). */
export interface WorkspaceLetter {
  uri: string;
  citations: Citations;
}

/** What a letter's findings depend on besides its own text. Every field is optional but `today`. */
export interface DiagnoseContext {
  /** The other letters of the workspace (motions named without number are linked through them). */
  workspace?: readonly WorkspaceLetter[];
  /** The question letter the host found for this letter (see `pairState`). */
  questionLetter?: QuestionLetterInput;
  /** A synchronous peek at the facts the host has cached (never waits for the network). */
  facts?: FactsLookup;
  /** Today (ISO yyyy-mm-dd) from the host, for the answer term; null: no term check. */
  today: string | null;
  /**
   * The letter's date (ISO yyyy-mm-dd) for a letter whose header has none: the `briefdatum`
   * setting or the file's date. Dates its commitments; null or absent: undated.
   */
  letterDate?: string | null;
  /** Where `letterDate` comes from: the `briefdatum` setting or the file's date (said in the hover). */
  letterDateFrom?: 'instelling' | 'bestandsdatum';
  /**
   * Another open letter uses this one as its question letter: it asks, whatever it looks like
   * (questions under "Vraag N" headings without a Kamervragen header read as an answer letter
   * without answers). Its questions are then not reported unanswered and its status is a
   * question letter's.
   */
  asQuestionLetter?: boolean;
}

/** The findings of a letter and what the editor features need from the same computation. */
export interface Diagnosis {
  /** The findings to show, sorted by position, after settings and inline suppression. */
  findings: Finding[];
  /** The letter's citations with motions linked through the workspace. */
  citations: Citations;
  pair: PairState;
  /** Answered and open questions, counted with the question letter (see `answerStatus`). */
  status: AnswerStatus;
  /** `context.asQuestionLetter` as this diagnosis was made with it. */
  asQuestionLetter: boolean;
  /** The letter's commitments, dated from its header or `context.letterDate`. */
  commitments: Commitments;
  /** URIs of the letters the findings depend on (the question letter, letters linking a motion). */
  dependsOn: string[];
  /**
   * Whether any other letter of the workspace could change the findings (an unlinked motion
   * another letter may link; a question letter found by looking through the folder).
   */
  watchesWorkspace: boolean;
}

/**
 * The findings of the letter `analysis` in `context` under `settings`: its own checks, motions
 * linked through the workspace, the pair checks against its question letter and the checks that
 * need facts, one `new-commitment` per commitment (off by default); codes switched off and inline
 * `antwoordbrief-disable…` comments applied once; at most `MAX_FINDINGS` of them, the most
 * severe first, with a `too-many-findings` note on the rest (bounds.ts).
 * Offsets are UTF-16 offsets into `analysis.text`. Linear in the letter plus the workspace's
 * motion mentions. `memo`: the analyzer's caches.
 */
export function diagnose(analysis: Analysis, context: DiagnoseContext, settings: Settings, memo?: Memo): Diagnosis {
  const own = analysis.citations;
  const others = context.workspace ?? [];
  const citations = others.length ? linkAcrossWorkspace(own, [...others]) : own;
  const dependsOn = new Set<string>();
  let checks = analysis.checks;
  if (citations !== own) {
    // A motion cited with its number in another letter of the workspace is linked after all.
    const linked = new Set<number>();
    for (const m of citations.motions) {
      if (m.via?.kind === 'earlier' && m.via.uri) {
        linked.add(m.span.start);
        dependsOn.add(m.via.uri);
      }
    }
    checks = checks.filter((f) => f.code !== 'unlinked-motion' || !linked.has(f.span.start));
  }
  // The answer term is compared with the letter's own date when it has one (its header, or the
  // date the drafter set); a date taken from the file's modification time is no letter date.
  const dated = analysis.commitments.letterDateFrom === 'kop' ? analysis.commitments.letterDate : context.letterDateFrom === 'instelling' ? (context.letterDate ?? null) : null;
  const pair = pairState(analysis.text, analysis.letter, context.questionLetter ?? null, context.today, memo, dated);
  if (pair.answerView) checks = answerOnlyChecks(checks, pair.answerView);
  if (pair.questions && pair.match) checks = withoutGapsTheQuestionLetterExplains(checks, pair.questions, pair.match.qToA);
  // An answer without its question whose question the question letter asks: said once, by the
  // pair's `question-missing` on that answer heading (with the question's text and quick fix).
  const aboveAnswers = new Set(pair.findings.filter((f) => f.code === 'question-missing' && f.span.end > f.span.start).map((f) => `${f.span.start}:${f.question}`));
  if (aboveAnswers.size) checks = checks.filter((f) => f.code !== 'answer-without-question' || !aboveAnswers.has(`${f.span.start}:${f.question}`));
  // A letter serving as another's question letter asks; it has no question to answer itself.
  const asQuestionLetter = !!context.asQuestionLetter && !pair.questions;
  if (asQuestionLetter) checks = checks.filter((f) => f.code !== 'unanswered-question');
  if (pair.questionUri) dependsOn.add(pair.questionUri);
  const facts = context.facts ? checkFacts(analysis.text, citations, context.facts) : [];
  const commitments = withFallbackDate(analysis.commitments, context.letterDate, context.letterDateFrom);
  const all = [...checks, ...pair.findings, ...facts, ...commitmentFindings(commitments)];
  all.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  // At most MAX_FINDINGS, the most severe first, with a note on the rest (bounds.ts).
  const findings = boundFindings(applySuppressions(analysis.text, all, disabledCodes(settings)), analysis.omitted, analysis.text, settings);
  const unlinked = citations.motions.some((m) => !m.via);
  // A question letter found by looking through the folder (or not found there) may change with any letter of it.
  const found = context.questionLetter;
  const discovers = found ? 'link' in found && (found.link.via === 'quotes' || found.link.via === 'identifier' || found.link.via === 'answers') : analysis.letter.questions.length > 0 || !!answerOnlyHeadings(analysis.letter);
  const status = answerStatus(pair.answerView ?? analysis.letter, pair.questions && pair.match ? { questions: pair.questions, match: pair.match } : null, asQuestionLetter);
  return { findings, citations, pair, status, asQuestionLetter, commitments, dependsOn: [...dependsOn], watchesWorkspace: unlinked || discovers };
}

/**
 * The checks of an answer-only letter counted against its question letter (`view`: the pair's
 * `answerView`): its answers have their questions after all, so no `no-questions-found` and no
 * `answer-without-question` for a number the question letter asks; an empty answer is
 * `unanswered-question` at its heading and a placeholder `placeholder-in-answer`, as in any
 * answer letter. Returns the checks, sorted.
 */
function answerOnlyChecks(checks: Finding[], view: Letter): Finding[] {
  const counted = new Set(view.questions.map((q) => q.id));
  const kept = checks.filter((f) => f.code !== 'no-questions-found' && !(f.code === 'answer-without-question' && f.question !== undefined && counted.has(f.question)));
  const empty: Finding[] = [];
  unanswered(view, false, empty);
  // Its question stands in the question letter: the answer goes under the answer heading.
  for (const f of empty) kept.push({ ...f, message: `Vraag ${f.question} is niet beantwoord. Schrijf het antwoord onder ‘${view.text.slice(f.span.start, f.span.end).trim()}’.` });
  placeholders(view, kept);
  return kept.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}

/**
 * A gap in the numbering (`missing-question-number`, "Vraag 6 ontbreekt: na vraag 5 volgt vraag
 * 7") that the question letter accounts for — each number missing is a question of the question
 * letter the draft leaves out (`qToA[i] === -1`), reported as `question-missing` with its text
 * and quick fix — is said once, by that finding. Returns `checks` without such gaps. Linear.
 */
function withoutGapsTheQuestionLetterExplains(checks: Finding[], questions: Letter, qToA: number[]): Finding[] {
  const left = new Set<string>();
  questions.questions.forEach((q, i) => {
    if (qToA[i] === -1) left.add(q.id);
  });
  if (!left.size) return checks;
  return checks.filter((f) => {
    if (f.code !== 'missing-question-number') return true;
    const missing = (f.data as { missing?: unknown } | undefined)?.missing;
    // `missing` lists at most 50 numbers (numbering.ts): a longer gap keeps its finding.
    return !(Array.isArray(missing) && missing.length > 0 && missing.length < 50 && missing.every((id) => left.has(String(id))));
  });
}
