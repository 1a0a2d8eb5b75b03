// Host wiring of issue 6: links each open answer letter to its question letter, adds the pair
// findings and the status fields, and serves references, rename, code lenses, the skeleton
// request and the "kies vragenbrief" command. Everything it computes comes from the core.
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import * as path from 'node:path';
import {
  CodeLens,
  Location,
  ResponseError,
  ErrorCodes,
  TextEdit,
  type Connection,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { disabledCodes, type Analysis } from '../core/analyze';
import { applySuppressions } from '../core/suppress';
import type { Finding, Letter } from '../core/model';
import type { Settings } from '../core/settings';
import { LineIndex, type Span } from '../core/text';
import { checkPair, type PairFix } from '../core/pair/check';
import { matchLetters, type PairMatch } from '../core/pair/match';
import { findTerm, daysBetween, dutchDate, isoToday, type Term } from '../core/pair/term';
import { isQuestionLetter, questionLetterRef } from '../core/pair/link';
import { makeSkeleton } from '../core/skeleton';
import { parseLetter } from '../core/letter/parse';
import { renameQuestion, renameTargetAt, renumberFollowing } from '../core/features/rename';
import { definitionInQuestionLetter, pairReferences } from '../core/features/pairNavigation';
import type { DefinitionTarget, HoverBlock, HoverResult, QuickFix } from '../core/features/types';
import { findQuestionLetter, LetterFiles, viaText, type LinkOutcome } from '../host/pairFiles';
import type { ReadOptions } from '../host/read';
import { SkeletonRequest, type SkeletonParams, type SkeletonResult } from '../protocol';
import type { DocumentStore } from './documents';
import { runSafe } from './runner';

/** Server-side command behind the code lens "Vragenbrief: … — wijzigen". */
export const CHOOSE_QUESTION_LETTER = 'antwoordbrief.kiesVragenbrief';

/** Capabilities the pair features add to the server's. */
export const PAIR_CAPABILITIES = {
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  codeLensProvider: { resolveProvider: false },
  executeCommandProvider: { commands: [CHOOSE_QUESTION_LETTER] },
};

/** What the pair check found for one version of an answer letter. */
export interface PairState {
  findings: Finding[];
  /** Name of the question letter (file name), or null. */
  questionLetter: string | null;
  questionPath: string | null;
  via: string | null;
  /** Why a named question letter could not be used. */
  problem: string | null;
  due: { date: string; daysLeft: number } | null;
  term: Term | null;
  questions: Letter | null;
  questionText: string | null;
  match: PairMatch | null;
}

const EMPTY: PairState = {
  findings: [],
  questionLetter: null,
  questionPath: null,
  via: null,
  problem: null,
  due: null,
  term: null,
  questions: null,
  questionText: null,
  match: null,
};

/** Today for the answer term; ANTWOORDBRIEF_TODAY (YYYY-MM-DD) pins it for reproducible runs. */
export function today(): string {
  const pinned = process.env.ANTWOORDBRIEF_TODAY;
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : isoToday();
}

/** The term of each parsed question letter (a letter is parsed again when its text changes). */
const terms = new WeakMap<Letter, Term>();

function fsPathOf(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : null;
  } catch {
    return null;
  }
}

function relativeRef(from: string, to: string): string {
  let rel = path.relative(path.dirname(from), to).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

export class PairHost {
  readonly files: LetterFiles;
  private readonly states = new Map<string, { analysis: Analysis; settings: Settings; state: Promise<PairState> }>();
  /** Question letter path → answer letter URIs that use it (to re-check them on its edits). */
  private readonly users = new Map<string, Set<string>>();

  /**
   * @param readOptions how a named or discovered question letter is read from disk for the
   *   document at a path (`within` the allowed folders when the workspace is untrusted).
   */
  constructor(
    private readonly store: DocumentStore,
    readOptions: () => ReadOptions = () => ({}),
  ) {
    this.files = new LetterFiles((file) => this.openText(file), readOptions);
  }

  private openText(file: string): string | undefined {
    for (const doc of this.store.documents.all()) {
      if (fsPathOf(doc.uri) === file) return doc.getText();
    }
    return undefined;
  }

  /**
   * The pair state of a document's analysis (cached per analysis and settings: an analysis
   * belongs to one text, whatever version number the client gave it). Reading the question
   * letter from disk is asynchronous; the state is of `analysis`, even if the document changed
   * meanwhile.
   */
  state(doc: TextDocument, analysis: Analysis, settings: Settings): Promise<PairState> {
    const cached = this.states.get(doc.uri);
    if (cached && cached.analysis === analysis && cached.settings === settings) return cached.state;
    const state = this.compute(doc, analysis, settings).then(
      (state) => {
        this.noteUser(doc.uri, state);
        return state;
      },
      (e: unknown) => {
        if (this.states.get(doc.uri)?.state === state) this.states.delete(doc.uri);
        throw e;
      },
    );
    this.states.set(doc.uri, { analysis, settings, state });
    return state;
  }

  private noteUser(uri: string, state: PairState): void {
    for (const set of this.users.values()) set.delete(uri);
    if (state.questionPath) {
      const set = this.users.get(state.questionPath) ?? new Set();
      set.add(uri);
      this.users.set(state.questionPath, set);
    }
  }

  private async compute(doc: TextDocument, analysis: Analysis, settings: Settings): Promise<PairState> {
    const file = fsPathOf(doc.uri);
    const letter = analysis.letter;
    let outcome: LinkOutcome;
    if (file) {
      outcome = await findQuestionLetter(this.files, file, analysis.text, letter, settings.questionLetter);
    } else if (settings.questionLetter && path.isAbsolute(settings.questionLetter)) {
      const loaded = await this.files.load(settings.questionLetter);
      outcome = 'error' in loaded ? { error: loaded.error, path: settings.questionLetter } : { link: { path: settings.questionLetter, via: 'setting', ...loaded } };
    } else {
      outcome = null;
    }
    if (!outcome) {
      // A question letter itself shows its own term.
      if (isQuestionLetter(letter)) {
        const term = findTerm(analysis.text);
        return { ...EMPTY, term, due: term.due ? { date: term.due, daysLeft: daysBetween(today(), term.due) } : null };
      }
      return EMPTY;
    }
    if ('error' in outcome) {
      return { ...EMPTY, problem: outcome.error, questionPath: outcome.path ?? null, questionLetter: outcome.path ? path.basename(outcome.path) : null };
    }
    const link = outcome.link;
    const name = path.basename(link.path);
    let term = terms.get(link.letter);
    if (!term) {
      term = findTerm(link.text);
      terms.set(link.letter, term);
    }
    const match = matchLetters(link.letter, letter);
    const findings = applySuppressions(analysis.text, checkPair(link.letter, letter, { questionLetterName: name, today: today(), term }, match), disabledCodes(settings));
    return {
      findings,
      questionLetter: name,
      questionPath: link.path,
      via: viaText(link.via),
      problem: null,
      due: term.due ? { date: term.due, daysLeft: daysBetween(today(), term.due) } : null,
      term,
      questions: link.letter,
      questionText: link.text,
      match,
    };
  }

  /** Answer letters (URIs) that use the question letter open at `uri`. */
  dependents(uri: string): string[] {
    const file = fsPathOf(uri);
    return file ? [...(this.users.get(file) ?? [])].filter((u) => u !== uri) : [];
  }

  forget(uri: string): void {
    this.states.delete(uri);
    for (const set of this.users.values()) set.delete(uri);
  }

  clear(): void {
    this.states.clear();
  }

  /** Drop the cached state of one answer letter (its question letter changed). */
  invalidate(uri: string): void {
    this.states.delete(uri);
  }

  /** Hover on the first line: which question letter is used, and the term. */
  hover(state: PairState, analysis: Analysis, offset: number): HoverResult | null {
    if (analysis.lines.lineAt(offset) !== 0) return null;
    const span: Span = { start: 0, end: analysis.lines.lineEnd(0) };
    const blocks: HoverBlock[] = [];
    if (state.questionLetter && !state.problem) {
      blocks.push({ kind: 'title', text: `Vragenbrief: ${state.questionLetter}` });
      if (state.via) blocks.push({ kind: 'text', text: `Gekoppeld: ${state.via}. Wijzigen: zet bovenaan <!-- vragen: ./andere-brief.md -->.` });
    } else if (state.problem) {
      blocks.push({ kind: 'title', text: 'Vragenbrief niet gevonden' });
      blocks.push({ kind: 'text', text: `Kan de vragenbrief niet gebruiken: ${state.problem}.` });
    } else if (state.term) {
      blocks.push({ kind: 'title', text: 'Vragenbrief' });
    } else if (analysis.letter.questions.length && !isQuestionLetter(analysis.letter)) {
      blocks.push({ kind: 'title', text: 'Geen vragenbrief gekoppeld' });
      blocks.push({ kind: 'text', text: 'Koppel de vragenbrief met <!-- vragen: ./inbreng.md --> bovenaan de brief, of met de instelling antwoordbrief.questionLetter.' });
      return { span, blocks };
    } else {
      return null;
    }
    const t = state.term;
    if (t && (t.sent || t.due)) {
      const fields: [string, string][] = [];
      if (t.sent) fields.push(['Ingezonden', dutchDate(t.sent)]);
      if (t.termDays !== null) fields.push(['Termijn', `${t.termDays % 7 === 0 ? `${t.termDays / 7} weken` : `${t.termDays} dagen`}${t.defaultTerm ? ' (standaard voor Kamervragen)' : ''}`]);
      if (state.due) {
        fields.push(['Uiterlijk', dutchDate(state.due.date)]);
        const d = state.due.daysLeft;
        fields.push(['Nog', d >= 0 ? `${d} ${d === 1 ? 'dag' : 'dagen'}` : `termijn ${-d} ${d === -1 ? 'dag' : 'dagen'} verstreken`]);
      }
      blocks.push({ kind: 'fields', fields });
    }
    return { span, blocks };
  }

  /** Go to definition from a question of the answer letter to the question letter. */
  definition(state: PairState, analysis: Analysis, offset: number): DefinitionTarget[] | null {
    if (!state.questions || !state.match || !state.questionPath || state.questionText === null) return null;
    const hit = definitionInQuestionLetter(analysis.letter, state.questions, state.match, offset);
    if (!hit) return null;
    const lines = new LineIndex(state.questionText);
    return [{ originSpan: hit.originSpan, uri: URI.file(state.questionPath).toString(), range: lines.range(hit.span) }];
  }

  /** Quick fixes of the pair findings touching [start, end], and the renumber action on a heading. */
  quickFixes(state: PairState, analysis: Analysis, start: number, end: number): QuickFix[] {
    const out: QuickFix[] = [];
    for (const f of state.findings) {
      if (f.span.start > end || f.span.end < start) continue;
      const fix = f.data as PairFix | undefined;
      if (!fix || fix.kind !== 'pair-edit') continue;
      out.push({ title: fix.title, code: f.code, findingSpan: f.span, edits: [{ span: fix.span, newText: fix.text }], preferred: true });
    }
    const renumber = renumberFollowing(analysis.letter, start);
    if (renumber) {
      const target = renameTargetAt(analysis.letter, start)!;
      out.push({ title: renumber.title, code: 'renumber', findingSpan: target.span, edits: renumber.edits });
    }
    return out;
  }
}

type Current = (uri: string) => Promise<{ doc: TextDocument; analysis: Analysis; settings: Settings } | undefined>;

/** Registers the pair requests on the connection. */
export function registerPair(
  connection: Connection,
  store: DocumentStore,
  pair: PairHost,
  current: Current,
  recheck: (uri: string) => void,
  /** Other features' references at the same place (the citations'), appended to the pair's. */
  moreReferences?: (uri: string, analysis: Analysis, offset: number) => Promise<Location[]>,
): void {
  connection.onReferences(
    runSafe(connection, 'references', null, async ({ textDocument, position, context }) => {
      const cur = await current(textDocument.uri);
      if (!cur) return null;
      const { analysis } = cur;
      const offset = analysis.lines.offset(position);
      const out: Location[] = [];
      const add = (uri: string, lines: LineIndex, spans: Span[]) => spans.forEach((s) => out.push(Location.create(uri, lines.range(s))));
      const state = await pair.state(cur.doc, analysis, cur.settings);
      if (state.questions && state.match && state.questionPath && state.questionText !== null) {
        const refs = pairReferences(analysis.letter, state.questions, state.match, 'answer', offset);
        if (refs) {
          add(URI.file(state.questionPath).toString(), new LineIndex(state.questionText), refs.inQuestions);
          add(textDocument.uri, analysis.lines, context.includeDeclaration ? refs.inAnswer : refs.inAnswer.slice(1));
        }
      }
      // On a question letter: the answer letters open in the editor that carry the question.
      for (const uri of pair.dependents(textDocument.uri)) {
        const dep = await current(uri);
        if (!dep) continue;
        const s = await pair.state(dep.doc, dep.analysis, dep.settings);
        if (!s.questions || !s.match) continue;
        const refs = pairReferences(dep.analysis.letter, s.questions, s.match, 'questions', offset);
        if (!refs) continue;
        if (context.includeDeclaration && !out.some((l) => l.uri === textDocument.uri)) add(textDocument.uri, analysis.lines, refs.inQuestions);
        add(uri, dep.analysis.lines, refs.inAnswer);
      }
      if (moreReferences) out.push(...(await moreReferences(textDocument.uri, analysis, offset)));
      return out;
    }),
  );

  connection.onPrepareRename(
    runSafe(connection, 'prepareRename', null, async ({ textDocument, position }) => {
      const cur = await current(textDocument.uri);
      if (!cur) return null;
      const target = renameTargetAt(cur.analysis.letter, cur.analysis.lines.offset(position));
      if (!target) return null;
      return { range: cur.analysis.lines.range(target.span), placeholder: target.unit.id };
    }),
  );

  connection.onRenameRequest(
    runSafe<any, WorkspaceEdit | null | ResponseError<void>>(connection, 'rename', null, async ({ textDocument, position, newName }) => {
      const cur = await current(textDocument.uri);
      if (!cur) return null;
      const result = renameQuestion(cur.analysis.letter, cur.analysis.lines.offset(position), String(newName));
      if ('error' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return { changes: { [textDocument.uri]: result.edits.map((e) => TextEdit.replace(cur.analysis.lines.range(e.span), e.newText)) } };
    }),
  );

  connection.onCodeLens(
    runSafe(connection, 'codeLens', null, async ({ textDocument }) => {
      const cur = await current(textDocument.uri);
      if (!cur) return null;
      const { analysis } = cur;
      if (!analysis.letter.questions.length || isQuestionLetter(analysis.letter)) return [];
      const state = await pair.state(cur.doc, analysis, cur.settings);
      const range = analysis.lines.range({ start: 0, end: analysis.lines.lineEnd(0) });
      const title = state.questionLetter && !state.problem
        ? `Vragenbrief: ${state.questionLetter}${state.due ? ` · uiterlijk ${dutchDate(state.due.date)}` : ''} — wijzigen`
        : state.problem
          ? `Vragenbrief niet bruikbaar (${state.problem}) — kiezen`
          : 'Geen vragenbrief gekoppeld — kiezen';
      const lens: CodeLens = { range, command: { title, command: CHOOSE_QUESTION_LETTER, arguments: [textDocument.uri] } };
      return [lens];
    }),
  );

  connection.onExecuteCommand(
    runSafe(connection, 'executeCommand', null, async ({ command, arguments: args }) => {
      if (command !== CHOOSE_QUESTION_LETTER) return null;
      const uri = String(args?.[0] ?? '');
      const cur = await current(uri);
      const file = fsPathOf(uri);
      if (!cur || !file) {
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: 'Kies een vragenbrief voor een opgeslagen brief.' });
        return null;
      }
      const options: string[] = [];
      for (const f of await pair.files.list(path.dirname(file))) {
        if (f === file) continue;
        const l = await pair.files.load(f);
        if (!('error' in l) && isQuestionLetter(l.letter)) options.push(f);
      }
      if (!options.length) {
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: 'Geen vragenbrief gevonden in deze map. Zet bovenaan de brief <!-- vragen: ./pad/naar/vragenbrief.md -->.' });
        return null;
      }
      const picked = await connection.window.showInformationMessage(
        'Welke vragenbrief hoort bij deze antwoordbrief?',
        ...options.map((f) => ({ title: relativeRef(file, f) })),
      );
      if (!picked) return null;
      const text = cur.doc.getText();
      const ref = questionLetterRef(text);
      const lines = cur.analysis.lines;
      const edit = ref
        ? TextEdit.replace(lines.range(ref.span), picked.title)
        : TextEdit.insert({ line: 0, character: 0 }, `<!-- vragen: ${picked.title} -->${text.includes('\r\n') ? '\r\n' : '\n'}`);
      await connection.workspace.applyEdit({ label: 'Vragenbrief kiezen', edit: { changes: { [uri]: [edit] } } });
      return null;
    }),
  );

  connection.onRequest(
    SkeletonRequest,
    runSafe<SkeletonParams, SkeletonResult | ResponseError<void>>(connection, 'skeleton', { markdown: '', questionCount: 0 }, async (params) => {
      const open = store.get(params.uri);
      let text = params.text ?? open?.getText();
      const file = fsPathOf(params.uri);
      if (text === undefined && file) {
        const loaded = await pair.files.load(file);
        if ('error' in loaded) return new ResponseError(ErrorCodes.InvalidParams, `Kan de vragenbrief niet lezen: ${loaded.error}.`);
        text = loaded.text;
      }
      if (text === undefined) return new ResponseError(ErrorCodes.InvalidParams, 'Geen tekst om een antwoordopzet van te maken.');
      const letter = parseLetter(text);
      const markdown = makeSkeleton(letter, text, file ? { questionLetterRef: `./${path.basename(file)}` } : {});
      return { markdown, questionCount: letter.questions.filter((u) => u.answer.status !== 'context').length };
    }),
  );

  // An edit of a question letter re-checks the answer letters that use it.
  store.documents.onDidChangeContent((e) => {
    for (const uri of pair.dependents(e.document.uri)) {
      pair.invalidate(uri);
      recheck(uri);
    }
  });
  store.documents.onDidClose((e) => pair.forget(e.document.uri));
}
