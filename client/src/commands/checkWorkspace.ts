import * as vscode from 'vscode';
import { CheckWorkspaceRequest } from '../../../server/src/protocol';
import type { ClientHost } from '../client';
import { reportRequestError } from '../errors';
import { M } from '../messages';
import { runningClient } from './util';

const TITLE = 'Controleer alle brieven in de werkruimte';

/** "Controleer alle brieven in de werkruimte": the server checks every letter; findings land in the Problems view. */
export function registerCheckWorkspace(host: ClientHost): vscode.Disposable {
  return vscode.commands.registerCommand('antwoordbrief.controleerWerkruimte', async () => {
    const client = runningClient(host);
    if (!client) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: M.checkingWorkspace, cancellable: true },
      async (_progress, token) => {
        try {
          return await client.sendRequest(CheckWorkspaceRequest, {}, token);
        } catch (err) {
          if (!token.isCancellationRequested) reportRequestError(TITLE, err);
          return undefined;
        }
      },
    );
    if (!result) return;
    const unreadable = result.unreadable?.length ?? 0;
    // A folder whose letters were not all checked is said (the server caps the walk).
    const notices = Array.isArray(result.notices) ? result.notices : [];
    const message = [M.checkedWorkspace(result.files ?? 0, result.findings ?? 0, unreadable), ...notices].join(' ');
    void (unreadable || notices.length ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
