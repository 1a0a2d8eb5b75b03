import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';
import { M } from './messages';

/**
 * The status bar item for the active letter ("23 van 25 vragen beantwoord"), fed by the server's
 * `antwoordbrief/status` notification; red while a question is unanswered, a click goes to the next one.
 */
export class StatusController implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem('antwoordbrief.status', vscode.StatusBarAlignment.Left, 100);
    this.item.name = M.statusName;
    this.item.command = 'antwoordbrief.volgendeOnbeantwoord';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.byUri.delete(doc.uri.toString());
        this.render();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.render()),
    );
  }

  update(params: StatusParams): void {
    if (!params || typeof params.uri !== 'string') return;
    this.byUri.set(normalize(params.uri), params);
    this.render();
  }

  /** The latest status of a document, if the server sent one. */
  get(uri: vscode.Uri): StatusParams | undefined {
    return this.byUri.get(normalize(uri.toString()));
  }

  /** The words the item shows for a document (without its icon). */
  textFor(uri: vscode.Uri): string | undefined {
    const status = this.get(uri);
    if (status?.noQuestions) return M.statusNoQuestions;
    if (status?.text) return status.text;
    return status && status.total > 0 ? M.statusText(status.answered, status.total) : undefined;
  }

  clear(): void {
    this.byUri.clear();
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc ? this.get(doc.uri) : undefined;
    if (status?.noQuestions) {
      this.item.text = `$(question) ${M.statusNoQuestions}`;
      this.item.backgroundColor = undefined;
      this.item.tooltip = M.statusNoQuestionsTooltip;
      this.item.show();
      return;
    }
    if (!status || !(status.total > 0)) {
      this.item.hide();
      return;
    }
    if (status.state && status.text) {
      // The server decides the words (the CLI's summary counts the same): never "complete" while
      // an error remains; a question letter is shown neutrally.
      const icon = { open: '$(warning)', errors: '$(warning)', done: '$(check)', questions: '$(list-ordered)' }[status.state];
      this.item.text = `${icon} ${status.text}`;
      this.item.backgroundColor =
        status.state === 'open' ? new vscode.ThemeColor('statusBarItem.errorBackground') : status.state === 'errors' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      const tip = status.tooltip ? [status.tooltip] : [];
      if (!vscode.workspace.isTrusted) tip.push(M.statusUntrusted);
      this.item.tooltip = tip.join('\n');
      this.item.show();
      return;
    }
    const open = Math.max(0, status.total - status.answered);
    this.item.text = `${open > 0 ? '$(warning)' : '$(check)'} ${M.statusText(status.answered, status.total)}`;
    this.item.backgroundColor = open > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const lines = [open > 0 ? M.statusTooltipOpen(open) : M.statusTooltipDone];
    if (status.due) lines.push(M.statusDue(status.due.date, status.due.daysLeft));
    if (!vscode.workspace.isTrusted) lines.push(M.statusUntrusted);
    this.item.tooltip = lines.join('\n');
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The server and VS Code may encode the same file URI differently (e.g. `%3A`); compare parsed forms. */
function normalize(uri: string): string {
  try {
    return vscode.Uri.parse(uri).toString();
  } catch {
    return uri;
  }
}
