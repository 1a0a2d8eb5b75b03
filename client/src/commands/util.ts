import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClientHost } from '../client';
import { M } from '../messages';

/** The active editor if it shows a letter the server checks; otherwise says why not and returns undefined. */
export function letterEditor(host: ClientHost): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(M.noEditor);
    return undefined;
  }
  if (!host.isLetter(editor.document)) {
    void vscode.window.showInformationMessage(M.notALetter);
    return undefined;
  }
  return editor;
}

/** The running client; otherwise says the server does not run. */
export function runningClient(host: ClientHost): LanguageClient | undefined {
  const client = host.client;
  if (!client) void vscode.window.showErrorMessage(M.serverNotRunning);
  return client;
}
