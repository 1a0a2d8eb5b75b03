import * as vscode from 'vscode';
import { CommitmentsRequest, type CommitmentsResult } from '../../../server/src/protocol';
import type { ClientHost } from '../client';
import { reportRequestError } from '../errors';
import { M } from '../messages';
import { letterEditor, runningClient } from './util';

const TITLE = 'Toon toezeggingen';

interface Item extends vscode.QuickPickItem {
  range: vscode.Range;
}

/**
 * "Toon toezeggingen": the letter's commitments register (the same list as `antwoordbrief
 * toezeggingen`: each sentence with its due date), in a list; choosing one jumps to it.
 */
export function registerCommitments(host: ClientHost): vscode.Disposable {
  return vscode.commands.registerCommand('antwoordbrief.toonToezeggingen', async () => {
    const editor = letterEditor(host);
    const client = editor && runningClient(host);
    if (!editor || !client) return;
    let r: CommitmentsResult | null;
    try {
      r = await client.sendRequest(CommitmentsRequest, { uri: editor.document.uri.toString() });
    } catch (err) {
      reportRequestError(TITLE, err);
      return;
    }
    if (!r || !r.items.length) {
      void vscode.window.showInformationMessage(M.noCommitments);
      return;
    }
    const items: Item[] = r.items.map((c, i) => ({
      label: `${i + 1}. ${c.due}`,
      description: c.pastDue ? M.pastDue : `regel ${c.range.start.line + 1}`,
      detail: c.text,
      range: new vscode.Range(c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character),
    }));
    const title = M.commitmentsTitle(r.items.length, r.letterDateText ?? r.letterDate, r.letterDateFrom);
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: M.commitmentsHint, matchOnDetail: true });
    if (!picked) return;
    const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: picked.range });
    shown.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}
