import * as vscode from 'vscode';
import { RefreshFactsRequest, type RefreshFactsParams } from '../../../server/src/protocol';
import type { ClientHost } from '../client';
import { reportRequestError } from '../errors';
import { M } from '../messages';
import { letterEditor, runningClient } from './util';

const TITLE = 'Ververs gegevens';

/** "Ververs gegevens": fetches the facts again for the reference under the cursor (all references when there is none). */
export function registerRefreshFacts(host: ClientHost): vscode.Disposable {
  return vscode.commands.registerCommand('antwoordbrief.verversGegevens', async () => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage(M.refreshUntrusted);
      return;
    }
    const editor = letterEditor(host);
    const client = editor && runningClient(host);
    if (!editor || !client) return;
    const pos = editor.selection.active;
    const params: RefreshFactsParams = { uri: editor.document.uri.toString(), line: pos.line, character: pos.character };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: M.refreshing, cancellable: true },
      async (_progress, token) => {
        try {
          return await client.sendRequest(RefreshFactsRequest, params, token);
        } catch (err) {
          if (!token.isCancellationRequested) reportRequestError(TITLE, err);
          return undefined;
        }
      },
    );
    if (!result) return;
    if (!(result.requested > 0)) {
      void vscode.window.showInformationMessage(M.noReference);
      return;
    }
    const failed = Array.isArray(result.failed) ? result.failed : [];
    // A source that cannot be reached is no error of the drafter's: one calm line in the status
    // bar (the hover and the output channel say the rest). Any other failure names the papers.
    if (failed.length && failed.every((f) => /niet bereikbaar/.test(String(f.reason)))) {
      void vscode.window.setStatusBarMessage(M.refreshUnreachable(result.resolved, result.requested), 8000);
    } else if (failed.length) void vscode.window.showWarningMessage(`${M.refreshed(result.resolved, result.requested)} ${M.refreshFailed(failed)}`);
    else void vscode.window.setStatusBarMessage(`Antwoordbrief: ${M.refreshed(result.resolved, result.requested)}`, 5000);
  });
}
