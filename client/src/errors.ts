import * as vscode from 'vscode';
import { ResponseError, ErrorCodes, LSPErrorCodes } from 'vscode-languageclient/node';
import { M } from './messages';

/** Shows a request failure as a Dutch message; a server that lacks the request is named as such, never a stack trace. */
export function reportRequestError(what: string, err: unknown): void {
  if (err instanceof ResponseError && err.code === ErrorCodes.MethodNotFound) {
    void vscode.window.showErrorMessage(M.notImplemented(what));
    return;
  }
  if (err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled) return;
  const reason = err instanceof Error ? err.message : String(err);
  void vscode.window.showErrorMessage(M.requestFailed(what, reason));
}
