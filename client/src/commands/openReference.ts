import * as vscode from 'vscode';
import { ReferenceAtRequest, type ReferenceAtParams, type ReferenceAtResult } from '../../../server/src/protocol';
import type { ClientHost } from '../client';
import { reportRequestError } from '../errors';
import { M } from '../messages';
import { letterEditor, runningClient } from './util';

const TITLE = 'Open op officielebekendmakingen.nl';

/** "Open op officielebekendmakingen.nl": opens the publication of the Kamerstuk under the cursor in the browser. */
export function registerOpenReference(host: ClientHost): vscode.Disposable {
  return vscode.commands.registerCommand('antwoordbrief.openOfficieleBekendmakingen', async () => {
    const editor = letterEditor(host);
    const client = editor && runningClient(host);
    if (!editor || !client) return;
    const pos = editor.selection.active;
    const params: ReferenceAtParams = { uri: editor.document.uri.toString(), line: pos.line, character: pos.character };
    let ref: ReferenceAtResult;
    try {
      ref = await client.sendRequest(ReferenceAtRequest, params);
    } catch (err) {
      reportRequestError(TITLE, err);
      return;
    }
    if (!ref || typeof ref.url !== 'string') {
      void vscode.window.showInformationMessage(M.noReference);
      return;
    }
    // The URL is built by the server from a parsed identifier; only web pages are ever opened.
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(ref.url, true);
    } catch {
      uri = vscode.Uri.parse('invalid:');
    }
    if (uri.scheme !== 'https') {
      void vscode.window.showErrorMessage(M.unsafeUrl(ref.url));
      return;
    }
    await vscode.env.openExternal(uri);
  });
}
