import * as vscode from 'vscode';
import { SelectRangeCommand } from '../../../server/src/protocol';

interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function isRange(x: unknown): x is WireRange {
  const r = x as WireRange;
  return !!r && typeof r.start?.line === 'number' && typeof r.start?.character === 'number' && typeof r.end?.line === 'number' && typeof r.end?.character === 'number';
}

/**
 * The command the server attaches to a quick fix that inserts placeholder text: selects that
 * text in the letter's editor once the edit is applied, so typing replaces it. Not in the command
 * palette; arguments [uri, range] come from the server.
 */
export function registerSelectRange(): vscode.Disposable {
  return vscode.commands.registerCommand(SelectRangeCommand, async (uri: unknown, range: unknown) => {
    if (typeof uri !== 'string' || !isRange(range)) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    if (!editor) return;
    const r = editor.document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (vscode.window.activeTextEditor !== editor) await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: r });
  });
}
