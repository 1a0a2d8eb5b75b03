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
import { makeSkeleton } from '../core/skeleton';
import { parseLetter } from '../core/letter/parse';
import { renameQuestion, renameTargetAt } from '../core/features/rename';
import { fsPathOf, type LetterContext } from '../host/context';
import { SkeletonRequest, type SkeletonParams, type SkeletonResult } from '../protocol';
import type { DocumentStore } from './documents';
import { runSafe } from './runner';
import { clip } from '../core/text';

/** Server-side command behind the code lens "Vragenbrief: … — wijzigen". */
export const CHOOSE_QUESTION_LETTER = 'antwoordbrief.kiesVragenbrief';

/** Capabilities the pair features add to the server's. */
export const PAIR_CAPABILITIES = {
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  codeLensProvider: { resolveProvider: false },
  executeCommandProvider: { commands: [CHOOSE_QUESTION_LETTER] },
};

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
  /** The letters and papers near the document, read when the request came. */
  workspace: CitationWorkspace;
}

export interface PairWiring {
  store: DocumentStore;
  current(uri: string): Promise<Current | undefined>;
  letters: LetterContext;
  /** The core's references at an offset (pair and citations). */
  references(cur: Current, offset: number, includeDeclaration: boolean): PairLocation[];
}

/** Registers the pair requests on the connection. */
export function registerPair(connection: Connection, host: PairWiring): void {
  const { store, current } = host;
  connection.onReferences(
    runSafe(connection, 'references', null, async ({ textDocument, position, context }) => {
      const cur = await current(textDocument.uri);
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
      const options: string[] = [];
      for (const f of await host.letters.letters.list(path.dirname(file))) {
        if (f === file) continue;
        const l = await host.letters.letters.load(f);
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
        const loaded = await host.letters.letters.load(file);
        if ('error' in loaded) return new ResponseError(ErrorCodes.InvalidParams, `Kan de vragenbrief niet lezen: ${loaded.error}.`);
        text = loaded.text;
      }
      if (text === undefined) return new ResponseError(ErrorCodes.InvalidParams, 'Geen tekst om een antwoordopzet van te maken.');
      const letter = parseLetter(text);
      const markdown = makeSkeleton(letter, text, file ? { questionLetterRef: `./${path.basename(file)}` } : {});
      return { markdown, questionCount: letter.questions.filter((u) => u.answer.status !== 'context').length };
    }),
  );
}
