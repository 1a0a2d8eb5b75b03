import * as vscode from 'vscode';
import { SkeletonRequest, type SkeletonParams, type SkeletonResult } from '../../../server/src/protocol';
import type { ClientHost } from '../client';
import { reportRequestError } from '../errors';
import { M } from '../messages';
import { letterEditor, runningClient } from './util';

const TITLE = 'Maak antwoordopzet';

/** "Maak antwoordopzet": asks the server for the answer skeleton of the open question letter and opens it beside it, unsaved. */
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
    if (!result || typeof result.markdown !== 'string' || !(result.questionCount > 0)) {
      void vscode.window.showInformationMessage(M.skeletonEmpty);
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    void vscode.window.setStatusBarMessage(M.skeletonDone(result.questionCount), 5000);
  });
}
