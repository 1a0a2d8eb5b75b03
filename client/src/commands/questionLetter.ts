import * as vscode from 'vscode';
import {
  LinkQuestionLetterRequest,
  QuestionLetterCandidatesRequest,
  type LinkQuestionLetterResult,
  type QuestionLetterCandidatesResult,
} from '../../../server/src/protocol';
import type { ClientHost } from '../client';
import { reportRequestError } from '../errors';
import { M } from '../messages';
import { runningClient } from './util';

const TITLE = 'Vragenbrief kiezen';

/** The client command behind the code lens "Geen vragenbrief gekoppeld — kiezen" (the middleware in client.ts points the lens here). */
export const CHOOSE_COMMAND = 'antwoordbrief.koppelVragenbrief';

interface Item extends vscode.QuickPickItem {
  uri?: string;
  browse?: boolean;
}

/**
 * "Koppel vragenbrief…": a list of the question letters in the letter's folder and the open
 * ones, best match first (same questions, members, date), each with a detail line, and
 * "Bladeren…" for any other file. A chosen letter that does not look like the pair is linked
 * only after the drafter confirms the warning.
 */
export function registerChooseQuestionLetter(host: ClientHost): vscode.Disposable {
  return vscode.commands.registerCommand(CHOOSE_COMMAND, async (arg?: unknown) => {
    const uri = typeof arg === 'string' ? arg : vscode.window.activeTextEditor?.document.uri.toString();
    if (!uri) {
      void vscode.window.showInformationMessage(M.noEditor);
      return;
    }
    const client = runningClient(host);
    if (!client) return;
    let found: QuestionLetterCandidatesResult;
    try {
      found = await client.sendRequest(QuestionLetterCandidatesRequest, { uri });
    } catch (err) {
      reportRequestError(TITLE, err);
      return;
    }
    if (!Array.isArray(found)) {
      void vscode.window.showWarningMessage(found.error);
      return;
    }
    const items: Item[] = found.map((c, i) => ({
      label: c.ref,
      description: i === 0 && c.score >= 0.3 ? M.bestMatch : undefined,
      detail: c.detail,
      uri: c.uri,
    }));
    if (items.length) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: M.browse, detail: M.browseDetail, browse: true });
    const picked = await vscode.window.showQuickPick(items, { title: M.chooseQuestionLetter, placeHolder: found.length ? M.chooseQuestionLetterHint : M.noCandidates, matchOnDetail: true });
    if (!picked) return;
    let target = picked.uri;
    if (picked.browse) {
      const base = vscode.Uri.parse(uri);
      const files = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Koppel',
        title: M.chooseQuestionLetter,
        defaultUri: base.scheme === 'file' ? vscode.Uri.joinPath(base, '..') : undefined,
        filters: { 'Brieven': ['md', 'markdown', 'txt', 'pdf', 'docx'] },
      });
      target = files?.[0]?.toString();
    }
    if (!target) return;
    await link(host, uri, target, false);
  });
}

async function link(host: ClientHost, uri: string, target: string, force: boolean): Promise<void> {
  const client = runningClient(host);
  if (!client) return;
  let r: LinkQuestionLetterResult;
  try {
    r = await client.sendRequest(LinkQuestionLetterRequest, { uri, target, force });
  } catch (err) {
    reportRequestError(TITLE, err);
    return;
  }
  if ('error' in r) {
    void vscode.window.showWarningMessage(r.error);
    return;
  }
  if (!r.linked && r.warning) {
    const go = await vscode.window.showWarningMessage(r.warning, { modal: true }, M.linkAnyway);
    if (go === M.linkAnyway) await link(host, uri, target, true);
  }
}
