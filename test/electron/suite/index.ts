// Runs inside VS Code's extension host (launched by @vscode/test-electron): the same assertions as the
// code-server suite, through the VS Code API instead of the page. Bundled by electron.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LETTER, QUESTION_LETTER, lineOf, posOf } from '../../e2e/letter';

async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Wachten op ${what} duurde te lang`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function text(c: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof c === 'string' ? c : c.value;
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const letterUri = vscode.Uri.joinPath(folder, 'antwoordbrief.md');
  const doc = await vscode.workspace.openTextDocument(letterUri);
  const editor = await vscode.window.showTextDocument(doc);
  const ext = vscode.extensions.getExtension('antwoordbrief.antwoordbrief')!;
  const api = (await ext.activate()) as { ready: Promise<{ activateMs: number; readyMs: number }>; statusText(uri: vscode.Uri): string | undefined };
  const timing = await api.ready;
  console.log(`activate() ${timing.activateMs.toFixed(1)} ms, taalserver gereed na ${timing.readyMs.toFixed(1)} ms`);

  // The squiggle and the Problems entry: one unanswered-question error on the empty answer.
  const diags = await until('diagnostiek', () => {
    const d = vscode.languages.getDiagnostics(letterUri).filter((x) => x.code === 'unanswered-question' || (x.code as { value?: string })?.value === 'unanswered-question');
    return d.length ? d : undefined;
  });
  assert.deepEqual(diags.map((d) => d.range.start.line), [lineOf(LETTER.unanswered.diagnosticLine)]);
  assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Error);
  assert.match(diags[0].message, LETTER.unanswered.message);

  assert.equal(await until('status', () => api.statusText(letterUri)), LETTER.status.before);

  const hp = posOf(LETTER.hover.line, LETTER.hover.needle);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', letterUri, new vscode.Position(hp.line, hp.character));
  const hoverText = hovers.flatMap((h) => h.contents.map(text)).join('\n');
  for (const re of LETTER.hover.expect) assert.match(hoverText, re);

  const dp = posOf(LETTER.definition.line, LETTER.definition.needle);
  const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', letterUri, new vscode.Position(dp.line, dp.character));
  const first = defs[0];
  const line = 'targetRange' in first ? (first.targetSelectionRange ?? first.targetRange).start.line : first.range.start.line;
  assert.equal(line, lineOf(LETTER.definition.targetLine));

  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', letterUri);
  const names: string[] = [];
  const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => (names.push(s.name), walk(s.children ?? [])));
  walk(symbols);
  for (const q of LETTER.outline) assert.ok(names.some((n) => n.startsWith(q)), `${q} ontbreekt in de outline: ${names.join(' | ')}`);

  // Next unanswered goes to the empty line under "## Antwoord 2b"; typing an answer clears the error.
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  await vscode.commands.executeCommand('antwoordbrief.volgendeOnbeantwoord');
  await until('cursor onder Antwoord 2b', () => vscode.window.activeTextEditor?.selection.active.line === lineOf(LETTER.unanswered.answerHeading) + 1);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(letterUri, new vscode.Position(lineOf(LETTER.unanswered.answerHeading) + 1, 0), `\n${LETTER.unanswered.answerText}\n`);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await until('diagnostiek weg', () => vscode.languages.getDiagnostics(letterUri).every((d) => !String((d.code as { value?: string })?.value ?? d.code).includes('unanswered-question')));
  assert.equal(await until('status na antwoord', () => api.statusText(letterUri) === LETTER.status.after && LETTER.status.after), LETTER.status.after);

  // The skeleton of the question letter opens as a new Markdown document.
  const q = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'vragenbrief.txt'));
  await vscode.window.showTextDocument(q);
  await vscode.commands.executeCommand('antwoordbrief.maakAntwoordopzet');
  const skeleton = await until('antwoordopzet', () => {
    const d = vscode.window.activeTextEditor?.document;
    return d && d.isUntitled && d.languageId === 'markdown' ? d.getText() : undefined;
  });
  for (const x of QUESTION_LETTER.skeleton) assert.ok(skeleton.includes(x), `${x} ontbreekt in de antwoordopzet`);
}
