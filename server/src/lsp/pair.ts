// Host wiring of the pair features (issue 6): registers references, rename, code lenses, the
// skeleton request and the "kies vragenbrief" command. What they show comes from the core
// (core/pair/state.ts, core/features/); this module only converts and talks to the client.
import * as path from 'node:path';
import { MessageType, ShowMessageNotification, type ExecuteCommandParams } from 'vscode-languageserver';
import {
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  Location,
  TextEdit,
  type CodeLens,
  type Connection,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Diagnosis } from '../core/diagnose';
import type { CitationWorkspace } from '../core/features/citationLookup';
import type { Settings } from '../host/settings';
import { isQuestionLetter, questionLetterRef } from '../core/pair/link';
import { pairCodeLens, type PairLocation } from '../core/pair/state';
import { makeSkeleton, skeletonCursor } from '../core/skeleton';
import { parseLetter } from '../core/letter/parse';
import { renameQuestion, renameTargetAt } from '../core/features/rename';
import { fsPathOf, type LetterContext } from '../host/context';
import { mismatchWarning, matchCandidate } from '../core/features/questionLetterChoice';
import {
  ChooseQuestionLetterCommand,
  LinkQuestionLetterRequest,
  QuestionLetterCandidatesRequest,
  SkeletonRequest,
  type LinkQuestionLetterParams,
  type LinkQuestionLetterResult,
  type QuestionLetterCandidate,
  type QuestionLetterCandidatesParams,
  type QuestionLetterCandidatesResult,
  type SkeletonParams,
  type SkeletonResult,
} from '../protocol';
import { URI } from 'vscode-uri';
import type { DocumentStore } from './documents';
import { runSafe } from './runner';
import { clip } from '../core/text';

/** Server-side command behind the code lens "Vragenbrief: … — wijzigen". */
export const CHOOSE_QUESTION_LETTER = ChooseQuestionLetterCommand;

/** Capabilities the pair features add to the server's. */
export const PAIR_CAPABILITIES = {
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  codeLensProvider: { resolveProvider: false },
  executeCommandProvider: { commands: [CHOOSE_QUESTION_LETTER] },
};

/** How many letter files the question-letter picker reads at most. */
const MAX_CANDIDATE_FILES = 200;
/** The picker's detail line of a PDF or Word letter not read yet (it is read when chosen). */
const UNREAD_DETAIL = 'PDF/Word, wordt gelezen bij kiezen';

function relativeRef(from: string, to: string): string {
  let rel = path.relative(path.dirname(from), to).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** A document as a request sees it: its text, analysis, settings, diagnosis and workspace. */
export interface Current {
  doc: TextDocument;
  analysis: Analysis;
  settings: Settings;
  diagnosis: Diagnosis;
  /** The letters and papers near the document, read when the request came (the letters on disk only when `current` was asked for them). */
  workspace: CitationWorkspace;
}

export interface PairWiring {
  store: DocumentStore;
  /** `needs.workspace`: the letters on disk read too (for the requests that look through them). */
  current(uri: string, needs?: { workspace?: boolean }): Promise<Current | undefined>;
  letters: LetterContext;
  /** The core's references at an offset (pair and citations). */
  references(cur: Current, offset: number, includeDeclaration: boolean): PairLocation[];
}

/** Registers the pair requests on the connection. */
export function registerPair(connection: Connection, host: PairWiring): void {
  const { store, current } = host;
  connection.onReferences(
    runSafe(connection, 'references', null, async ({ textDocument, position, context }) => {
      const cur = await current(textDocument.uri, { workspace: true });
      return cur ? host.references(cur, cur.analysis.lines.offset(position), context.includeDeclaration).map((l) => Location.create(l.uri, l.range)) : null;
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
      // A refused rename is RequestFailed (LSP 3.17: the request was valid but could not be carried out).
      if ('error' in result) return new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      return { changes: { [textDocument.uri]: result.edits.map((e) => TextEdit.replace(cur.analysis.lines.range(e.span), e.newText)) } };
    }),
  );

  connection.onCodeLens(
    runSafe(connection, 'codeLens', null, async ({ textDocument }) => {
      const cur = await current(textDocument.uri);
      if (!cur) return null;
      const lens = pairCodeLens(cur.diagnosis.pair, cur.analysis.letter, cur.analysis.lines);
      if (!lens) return [];
      const codeLens: CodeLens = { range: cur.analysis.lines.range(lens.span), command: { title: lens.title, command: CHOOSE_QUESTION_LETTER, arguments: [textDocument.uri] } };
      return [codeLens];
    }),
  );

  connection.onExecuteCommand(
    runSafe<ExecuteCommandParams, null | ResponseError<void>>(connection, 'executeCommand', null, async ({ command, arguments: args }) => {
      // LSP 3.17 names no error for a command the server does not offer: InvalidParams, as for any bad parameter.
      if (command !== CHOOSE_QUESTION_LETTER) return new ResponseError(ErrorCodes.InvalidParams, `onbekende opdracht „${clip(command)}” (deze server kent: ${CHOOSE_QUESTION_LETTER})`);
      const uri = String(args?.[0] ?? '');
      const cur = await current(uri);
      const file = fsPathOf(uri);
      if (!cur || !file) {
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: 'Kies een vragenbrief voor een opgeslagen brief.' });
        return null;
      }
      // Best match first (same questions, members, date), as the VS Code client's picker ranks them.
      const ranked: { f: string; score: number }[] = [];
      for (const f of (await host.letters.letters.list(path.dirname(file))).slice(0, MAX_CANDIDATE_FILES)) {
        if (f === file) continue;
        const l = await host.letters.letters.load(f);
        if (!('error' in l) && isQuestionLetter(l.letter)) ranked.push({ f, score: matchCandidate(cur.analysis.letter, l).score });
      }
      const options = ranked.sort((a, b) => b.score - a.score).map((r) => r.f);
      if (!options.length) {
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: 'Geen vragenbrief gevonden in deze map. Zet bovenaan de brief <!-- vragen: ./pad/naar/vragenbrief.md -->.' });
        return null;
      }
      const picked = await connection.window.showInformationMessage(
        'Welke vragenbrief hoort bij deze antwoordbrief?',
        ...options.map((f) => ({ title: relativeRef(file, f) })),
      );
      if (!picked) return null;
      await connection.workspace.applyEdit({ label: 'Vragenbrief kiezen', edit: { changes: { [uri]: [linkEdit(cur, picked.title)] } } });
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
        const loaded = await host.letters.letters.load(file);
        if ('error' in loaded) return new ResponseError(ErrorCodes.InvalidParams, `Kan de vragenbrief niet lezen: ${loaded.error}.`);
        text = loaded.text;
      }
      if (text === undefined) return new ResponseError(ErrorCodes.InvalidParams, 'Geen tekst om een antwoordopzet van te maken.');
      const letter = parseLetter(text);
      const count = (l: { questions: { answer: { status: string } }[] }) => l.questions.filter((u) => u.answer.status !== 'context').length;
      if (letter.questions.length && !isQuestionLetter(letter)) {
        // An answer letter: the skeleton is of its question letter, never of itself.
        const pair = open ? (await current(params.uri))?.diagnosis.pair : undefined;
        const qFile = pair?.questionUri ? fsPathOf(pair.questionUri) : null;
        if (pair?.questions && pair.questionText !== null && pair.questionUri && qFile && !pair.problem) {
          const markdown = makeSkeleton(pair.questions, pair.questionText, { questionLetterRef: `./${path.basename(qFile)}` });
          return { markdown, questionCount: count(pair.questions), questionLetterUri: pair.questionUri, cursor: skeletonCursor(markdown) };
        }
        return {
          markdown: '',
          questionCount: 0,
          refusal: pair?.problem
            ? `Dit is een antwoordbrief en de gekoppelde vragenbrief is niet bruikbaar (${pair.problem}). Open de vragenbrief en maak daar de antwoordopzet.`
            : 'Dit is een antwoordbrief (er staan al antwoorden in) zonder gekoppelde vragenbrief. Open de vragenbrief en maak daar de antwoordopzet, of koppel eerst de vragenbrief (<!-- vragen: ./vragenbrief.md -->).',
        };
      }
      const markdown = makeSkeleton(letter, text, file ? { questionLetterRef: `./${path.basename(file)}` } : {});
      return { markdown, questionCount: count(letter), cursor: skeletonCursor(markdown) };
    }),
  );

  connection.onRequest(
    QuestionLetterCandidatesRequest,
    runSafe<QuestionLetterCandidatesParams, QuestionLetterCandidatesResult>(connection, 'questionLetterCandidates', [], async (params) => {
      const cur = await current(params.uri);
      const file = fsPathOf(params.uri);
      if (!cur || !file) return { error: 'Kies een vragenbrief voor een opgeslagen brief.' };
      const files = new Set<string>();
      // PDF and Word letters too before they were read: read when chosen (issue 15), not for the list.
      for (const f of await host.letters.letters.list(path.dirname(file), true)) files.add(f);
      for (const d of store.documents.all()) {
        const f = fsPathOf(d.uri);
        if (f && URI.parse(d.uri).scheme === 'file') files.add(f);
      }
      files.delete(file);
      const out: QuestionLetterCandidate[] = [];
      // Bounded: a folder of thousands of letters is not read whole for a list (Bladeren… finds the rest).
      for (const f of [...files].slice(0, MAX_CANDIDATE_FILES)) {
        if (/\.(pdf|docx)$/iu.test(f)) {
          const read = await host.letters.letters.peekExtracted(f);
          if (!read) {
            out.push({ uri: URI.file(f).toString(), ref: relativeRef(file, f), detail: UNREAD_DETAIL, score: 0 });
            continue;
          }
          if ('error' in read || !isQuestionLetter(read.letter)) continue;
          const m = matchCandidate(cur.analysis.letter, read);
          out.push({ uri: URI.file(f).toString(), ref: relativeRef(file, f), detail: m.detail, score: m.score });
          continue;
        }
        const l = await host.letters.letters.load(f);
        if ('error' in l || !isQuestionLetter(l.letter)) continue;
        const m = matchCandidate(cur.analysis.letter, l);
        out.push({ uri: URI.file(f).toString(), ref: relativeRef(file, f), detail: m.detail, score: m.score });
      }
      return out.sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref));
    }),
  );

  connection.onRequest(
    LinkQuestionLetterRequest,
    runSafe<LinkQuestionLetterParams, LinkQuestionLetterResult>(connection, 'linkQuestionLetter', { linked: false }, async (params) => {
      const cur = await current(params.uri);
      const file = fsPathOf(params.uri);
      const target = typeof params.target === 'string' ? fsPathOf(params.target) : null;
      if (!cur || !file) return { error: 'Kies een vragenbrief voor een opgeslagen brief.' };
      if (!target) return { error: 'De gekozen vragenbrief is geen bestand.' };
      if (path.resolve(target) === path.resolve(file)) return { error: 'Een brief kan niet zijn eigen vragenbrief zijn.' };
      const loaded = await host.letters.letters.load(target);
      const ref = relativeRef(file, target);
      if ('error' in loaded && !loaded.pending) return { error: `Kan de vragenbrief niet lezen: ${loaded.error}.` };
      // A PDF or Word letter still being read is linked as it is; the pair checks follow when its text is there.
      const warning = 'error' in loaded ? null : mismatchWarning(cur.analysis.letter, loaded, ref);
      if (warning && !params.force) return { linked: false, warning };
      await connection.workspace.applyEdit({ label: 'Vragenbrief kiezen', edit: { changes: { [params.uri]: [linkEdit(cur, ref)] } } });
      return warning ? { linked: true, warning } : { linked: true };
    }),
  );
}

/** The edit that makes `ref` the letter's question letter: replaces the path it names, or adds the link comment on top. */
function linkEdit(cur: Current, ref: string): TextEdit {
  const text = cur.doc.getText();
  const named = questionLetterRef(text);
  return named
    ? TextEdit.replace(cur.analysis.lines.range(named.span), ref)
    : TextEdit.insert({ line: 0, character: 0 }, `<!-- vragen: ${ref} -->${text.includes('\r\n') ? '\r\n' : '\n'}`);
}
