import * as vscode from 'vscode';
import { ErrorCodes, ResponseError } from 'vscode-languageclient/node';
import { NextUnansweredRequest, type NextUnansweredParams, type NextUnansweredResult } from '../../../server/src/protocol';
import type { ClientHost } from '../client';
import { reportRequestError } from '../errors';
import { M } from '../messages';
import type { StatusController } from '../status';
import { letterEditor, runningClient } from './util';

const TITLE = 'Volgende onbeantwoorde vraag';

/** "Volgende onbeantwoorde vraag": moves the cursor to the next unanswered question after it, wrapping around. */
export function registerNextUnanswered(host: ClientHost, status: StatusController): vscode.Disposable {
  return vscode.commands.registerCommand('antwoordbrief.volgendeOnbeantwoord', async () => {
    const editor = letterEditor(host);
    const client = editor && runningClient(host);
    if (!editor || !client) return;
    const pos = editor.selection.active;
    const params: NextUnansweredParams = { uri: editor.document.uri.toString(), line: pos.line, character: pos.character };
    let target: NextUnansweredResult;
    try {
      target = await client.sendRequest(NextUnansweredRequest, params);
    } catch (err) {
      // A server without the request still sends the unanswered positions with its status: use those.
      if (!(err instanceof ResponseError && err.code === ErrorCodes.MethodNotFound)) {
        reportRequestError(TITLE, err);
        return;
      }
      target = nextFromStatus(status, editor.document.uri, pos);
    }
    if (!target) {
      void vscode.window.showInformationMessage(M.allAnswered);
      return;
    }
    const at = editor.document.validatePosition(new vscode.Position(target.line, target.character));
    // A placeholder to type over comes selected.
    const end = target.end ? editor.document.validatePosition(new vscode.Position(target.end.line, target.end.character)) : at;
    editor.selection = new vscode.Selection(at, end);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  });
}

function nextFromStatus(status: StatusController, uri: vscode.Uri, pos: vscode.Position): NextUnansweredResult {
  const list = status.get(uri)?.unanswered ?? [];
  if (!list.length) return null;
  const after = list.find((u) => u.line > pos.line || (u.line === pos.line && u.character > pos.character));
  return after ?? list[0];
}
