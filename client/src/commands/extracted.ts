import * as vscode from 'vscode';
import {
  EXTRACTED_TEXT_SCHEME,
  ExtractTextRequest,
  SkeletonFromFileRequest,
  type ExtractTextParams,
  type ExtractTextResult,
  type SkeletonFromFileParams,
  type SkeletonFromFileResult,
} from '../../../server/src/protocol';
import type { ClientHost } from '../client';
import { reportRequestError } from '../errors';
import { M } from '../messages';
import { runningClient } from './util';
import { placeCursor } from './skeleton';

const OPEN_TITLE = 'Open als tekst';
const SKELETON_TITLE = 'Maak antwoordopzet uit PDF of Word';

/** `antwoordbrief-tekst:/pad/brief.pdf` ↔ `file:///pad/brief.pdf`. */
export function extractedTextUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: EXTRACTED_TEXT_SCHEME, path: file.path });
}

async function extract(host: ClientHost, file: vscode.Uri): Promise<ExtractTextResult | undefined> {
  const client = runningClient(host);
  if (!client) return undefined;
  try {
    return await client.sendRequest(ExtractTextRequest, { uri: file.toString() } satisfies ExtractTextParams);
  } catch (err) {
    reportRequestError(OPEN_TITLE, err);
    return undefined;
  }
}

/**
 * "Open als tekst" on a PDF or Word file in the Explorer: its extracted text, read-only, as a
 * document the server checks like any letter (findings, hover, definition); and "Maak
 * antwoordopzet uit PDF of Word…": the skeleton of such a question letter as a new Markdown
 * document beside it, linked to it (`<!-- vragen: ./vragen.pdf -->`).
 */
export function registerExtracted(host: ClientHost): vscode.Disposable {
  const texts = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const cached = texts.get(uri.toString());
      if (cached !== undefined) return cached;
      const r = await extract(host, vscode.Uri.file(uri.fsPath));
      if (!r) return M.extractUnavailable;
      return 'error' in r ? r.error : r.text;
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_TEXT_SCHEME, provider),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === EXTRACTED_TEXT_SCHEME) texts.delete(doc.uri.toString());
    }),
    vscode.commands.registerCommand('antwoordbrief.openAlsTekst', async (arg?: vscode.Uri) => {
      const file = arg instanceof vscode.Uri ? arg : (await pick())?.[0];
      if (!file) return;
      const r = await extract(host, file);
      if (!r) return;
      if ('error' in r) {
        void vscode.window.showErrorMessage(r.error);
        return;
      }
      const uri = extractedTextUri(file);
      texts.set(uri.toString(), r.text);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
      await vscode.window.showTextDocument(doc, { preview: false });
    }),
    vscode.commands.registerCommand('antwoordbrief.maakAntwoordopzetUitBestand', async (arg?: vscode.Uri) => {
      const file = arg instanceof vscode.Uri ? arg : (await pick())?.[0];
      if (!file) return;
      const client = runningClient(host);
      if (!client) return;
      let r: SkeletonFromFileResult;
      try {
        r = await client.sendRequest(SkeletonFromFileRequest, { uri: file.toString() } satisfies SkeletonFromFileParams);
      } catch (err) {
        reportRequestError(SKELETON_TITLE, err);
        return;
      }
      if ('error' in r) {
        void vscode.window.showErrorMessage(r.error);
        return;
      }
      // Untitled, at a path beside the question letter: the link ./vragen.pdf holds before and after saving.
      const target = vscode.Uri.joinPath(file, '..', `${file.path.split('/').pop()!.replace(/\.[^.]+$/, '')}-antwoord.md`).with({ scheme: 'untitled' });
      const doc = await vscode.workspace.openTextDocument(target);
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), r.markdown));
      if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
      placeCursor(editor, r.cursor);
      void vscode.window.setStatusBarMessage(M.skeletonDone(r.questionCount), 5000);
    }),
  );
}

function pick(): Thenable<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Kies', title: 'Kies de vragenbrief (PDF of Word)', filters: { 'PDF of Word': ['pdf', 'docx'] } });
}
