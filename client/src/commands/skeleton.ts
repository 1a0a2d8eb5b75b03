import * as vscode from 'vscode';
import { SkeletonRequest, type SkeletonParams, type SkeletonResult } from '../../../server/src/protocol';
import type { ClientHost } from '../client';
import { reportRequestError } from '../errors';
import { M } from '../messages';
import { letterEditor, runningClient } from './util';

const TITLE = 'Maak antwoordopzet';

/**
 * A path for the new answer letter beside `questionLetter` ("vragen-x.md" → "vragen-x-antwoord.md",
 * then "-antwoord-2.md" …) that is neither a file on disk nor an open document, as an `untitled:`
 * URI: the document has a proper name, and its link `./vragen-x.md` resolves before it is saved.
 */
export async function answerLetterUri(questionLetter: vscode.Uri): Promise<vscode.Uri> {
  const base = questionLetter.path.split('/').pop()!.replace(/\.[^.]+$/, '') || 'vragen';
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; ; n++) {
    const file = vscode.Uri.joinPath(questionLetter, '..', `${base}-antwoord${n === 1 ? '' : `-${n}`}.md`);
    if (open.has(file.path)) continue;
    try {
      await vscode.workspace.fs.stat(file.with({ scheme: 'file' }));
      continue;
    } catch {
      return file.with({ scheme: 'untitled' });
    }
  }
}

/**
 * Opens `markdown` as a new, unsaved Markdown document beside the letter: at a path beside the
 * question letter when it is a file (so the link comment resolves and the tab is named), else untitled.
 */
export async function openAnswerLetter(markdown: string, questionLetter: vscode.Uri | undefined): Promise<vscode.TextEditor> {
  if (questionLetter && (questionLetter.scheme === 'file' || (questionLetter.scheme === 'untitled' && questionLetter.path.startsWith('/')))) {
    const doc = await vscode.workspace.openTextDocument(await answerLetterUri(questionLetter));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), markdown));
    if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    return editor;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

/**
 * Puts the cursor of a new skeleton where the drafter writes first (the server's `cursor`: under
 * the first answer heading) and shows it; without one (an older server) it stays where it is.
 */
export function placeCursor(editor: vscode.TextEditor, cursor: { line: number; character: number } | undefined): void {
  if (!cursor || typeof cursor.line !== 'number' || typeof cursor.character !== 'number') return;
  // Setting the language may have given the document a new editor: the one showing it now.
  const uri = editor.document.uri.toString();
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) ?? editor;
  const at = shown.document.validatePosition(new vscode.Position(cursor.line, cursor.character));
  shown.selection = new vscode.Selection(at, at);
  shown.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * "Maak antwoordopzet": asks the server for the answer skeleton of the open question letter (on an
 * answer letter: of its linked question letter; without one the server refuses, in Dutch) and
 * opens it beside it, unsaved, at a path next to the question letter.
 */
export function registerSkeleton(host: ClientHost): vscode.Disposable {
  return vscode.commands.registerCommand('antwoordbrief.maakAntwoordopzet', async () => {
    const editor = letterEditor(host);
    const client = editor && runningClient(host);
    if (!editor || !client) return;
    const params: SkeletonParams = { uri: editor.document.uri.toString(), text: editor.document.getText() };
    let result: SkeletonResult | null;
    try {
      result = await client.sendRequest(SkeletonRequest, params);
    } catch (err) {
      reportRequestError(TITLE, err);
      return;
    }
    if (result && typeof result.refusal === 'string') {
      void vscode.window.showWarningMessage(result.refusal);
      return;
    }
    if (!result || typeof result.markdown !== 'string' || !(result.questionCount > 0)) {
      void vscode.window.showInformationMessage(M.skeletonEmpty);
      return;
    }
    const from = typeof result.questionLetterUri === 'string' ? vscode.Uri.parse(result.questionLetterUri) : editor.document.uri;
    placeCursor(await openAnswerLetter(result.markdown, from), result.cursor);
    void vscode.window.setStatusBarMessage(M.skeletonDone(result.questionCount), 5000);
  });
}
