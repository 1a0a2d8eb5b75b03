/**
 * Entry point of the VS Code extension: starts the bundled language server over IPC, feeds the status
 * item and registers one command per module. Activation is timed from the first line of activate() to
 * the client being ready; the figure goes to the output channel, to the returned API, and (for the e2e
 * tests and `npm run bench`) to the file named by ANTWOORDBRIEF_ACTIVATION_LOG when that is set.
 */
import * as vscode from 'vscode';
import { appendFileSync } from 'node:fs';
import { ClientHost } from './client';
import { StatusController } from './status';
import { registerSkeleton } from './commands/skeleton';
import { registerNextUnanswered } from './commands/nextUnanswered';
import { registerOpenReference } from './commands/openReference';
import { registerCheckWorkspace } from './commands/checkWorkspace';
import { registerRefreshFacts } from './commands/refreshFacts';
import { registerSelectRange } from './commands/selectRange';
import { registerExtracted } from './commands/extracted';
import { registerChooseQuestionLetter } from './commands/questionLetter';
import { registerCommitments } from './commands/commitments';

export interface ActivationTiming {
  /** Time spent inside activate() before it returned. */
  activateMs: number;
  /** Time from the start of activate() until the language client was running (initialize answered). */
  readyMs: number;
}

export interface AntwoordbriefApi {
  /** Resolves once the language server answered `initialize` (or failed to start). */
  ready: Promise<ActivationTiming>;
  /** The text the status item shows for a document, or undefined when it shows nothing (used by tests). */
  statusText(uri: vscode.Uri): string | undefined;
}

let host: ClientHost | undefined;

export function activate(context: vscode.ExtensionContext): AntwoordbriefApi {
  const t0 = performance.now();
  const status = new StatusController();
  host = new ClientHost(context, status);
  context.subscriptions.push(
    status,
    host,
    registerSkeleton(host),
    registerNextUnanswered(host, status),
    registerOpenReference(host),
    registerCheckWorkspace(host),
    registerRefreshFacts(host),
    registerSelectRange(),
    registerExtracted(host),
    registerChooseQuestionLetter(host),
    registerCommitments(host),
    vscode.commands.registerCommand('antwoordbrief.toonUitvoer', () => host?.outputChannel.show(true)),
  );
  const output = host.outputChannel;
  // activate() returns before the server is up so that VS Code's own activation stays short; the
  // server's start is awaited in the background and timed.
  const started = host.start();
  const activateMs = performance.now() - t0;
  const ready = started.then(
    () => ({ activateMs, readyMs: performance.now() - t0 }),
    () => ({ activateMs, readyMs: Number.NaN }),
  );
  void ready.then((timing) => {
    output.appendLine(`Geactiveerd in ${timing.activateMs.toFixed(1)} ms; taalserver gereed na ${timing.readyMs.toFixed(1)} ms.`);
    const log = process.env.ANTWOORDBRIEF_ACTIVATION_LOG;
    if (log) {
      try {
        appendFileSync(log, JSON.stringify({ ...timing, at: new Date().toISOString() }) + '\n');
      } catch {
        // The log is a test aid only; failing to write it must not disturb the editor.
      }
    }
  });
  return { ready, statusText: (uri) => status.textFor(uri) };
}

export async function deactivate(): Promise<void> {
  await host?.stop();
  host = undefined;
}
