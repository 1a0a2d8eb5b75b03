import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  CloseAction,
  ErrorAction,
  State,
  type LanguageClientOptions,
  type ServerOptions,
  type ErrorHandler,
  type Message,
} from 'vscode-languageclient/node';
import { ChooseQuestionLetterCommand, SelectRangeCommand, SERVER_ENV, StatusNotification, type StatusParams } from '../../server/src/protocol';
import { SETTING_KEYS } from '../../server/src/host/settings';
import { M } from './messages';
import { documentSelector, readSelectorSettings, sameSelectorSettings, type SelectorSettings } from './selector';
import type { StatusController } from './status';
import { restrictForUntrusted } from './trust';
import { CHOOSE_COMMAND } from './commands/questionLetter';

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a crashed server up to five times in three minutes (the client's usual policy) and says so
 * in Dutch. Open documents live in the editor, so a restart loses nothing: the new server is sent them again.
 */
class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];
  constructor(private readonly output: vscode.OutputChannel) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined) {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed() {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length <= MAX_RESTARTS) {
      this.output.appendLine(`[${new Date().toISOString()}] ${M.serverRestarting}`);
      void vscode.window.showWarningMessage(M.serverRestarting, M.showOutput).then((pick) => pick && this.output.show(true));
      return { action: CloseAction.Restart, handled: true };
    }
    this.output.appendLine(`[${new Date().toISOString()}] ${M.serverGivenUp}`);
    void vscode.window.showErrorMessage(M.serverGivenUp, M.showOutput).then((pick) => pick && this.output.show(true));
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

/** Owns the one language client: starts it, restarts it when its document selector changes, and hands it to commands. */
export class ClientHost implements vscode.Disposable {
  private current: LanguageClient | undefined;
  private selectorSettings: SelectorSettings = readSelectorSettings();
  private readonly output: vscode.OutputChannel;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly status: StatusController) {
    this.output = vscode.window.createOutputChannel('Antwoordbrief');
    this.disposables.push(
      this.output,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`antwoordbrief.${SETTING_KEYS.languages}`) || e.affectsConfiguration(`antwoordbrief.${SETTING_KEYS.include}`)) void this.reselect();
      }),
      // Trust changes what the server may do (network, workspace paths); a fresh start hands it the new state.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        void vscode.window.showInformationMessage(M.trustGranted);
        void this.restart();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateLetterContext()),
    );
    this.updateLetterContext();
  }

  get outputChannel(): vscode.OutputChannel {
    return this.output;
  }

  /** The running client, or undefined while none runs. */
  get client(): LanguageClient | undefined {
    return this.current && this.current.state === State.Running ? this.current : undefined;
  }

  /** Whether a document is one the server checks. */
  isLetter(doc: vscode.TextDocument): boolean {
    return vscode.languages.match(documentSelector(this.selectorSettings) as vscode.DocumentSelector, doc) > 0;
  }

  async start(): Promise<void> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { env: { ...process.env, ...SERVER_ENV } } },
      debug: { module, transport: TransportKind.ipc, options: { env: { ...process.env, ...SERVER_ENV }, execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(this.selectorSettings),
      synchronize: { configurationSection: 'antwoordbrief' },
      outputChannel: this.output,
      errorHandler: new RestartingErrorHandler(this.output),
      initializationOptions: {
        trusted: vscode.workspace.isTrusted,
        defaultCacheDir: this.context.globalStorageUri.fsPath,
        clientCommands: [SelectRangeCommand],
      },
      middleware: {
        // The server's "kiezen" lens asks with a one-line message (other editors); here it opens the picker.
        provideCodeLenses: async (document, token, next) => {
          const lenses = await next(document, token);
          for (const lens of lenses ?? []) {
            if (lens.command?.command === ChooseQuestionLetterCommand) lens.command = { ...lens.command, command: CHOOSE_COMMAND };
          }
          return lenses;
        },
        workspace: {
          // In an untrusted workspace the server gets no network and no workspace-chosen paths, whatever
          // the workspace settings say (VS Code already ignores restricted workspace values; this also
          // covers the user-level offline default and the question-letter path).
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
            return result.map((value, i) => (params.items[i]?.section === 'antwoordbrief' ? restrictForUntrusted(value) : value));
          },
        },
      },
    };
    const client = new LanguageClient('antwoordbrief', 'Antwoordbrief', serverOptions, clientOptions);
    this.current = client;
    client.onNotification(StatusNotification, (params: StatusParams) => this.status.update(params));
    try {
      await client.start();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.output.appendLine(M.serverStartFailed(reason));
      void vscode.window.showErrorMessage(M.serverStartFailed(reason), M.showOutput).then((pick) => pick && this.output.show(true));
      throw err;
    }
  }

  async stop(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    this.status.clear();
    if (client && client.needsStop()) {
      try {
        await client.stop(2000);
      } catch {
        // A server that will not stop in time is killed by the client; nothing to tell the user.
      }
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start().catch(() => undefined);
  }

  private async reselect(): Promise<void> {
    const next = readSelectorSettings();
    if (sameSelectorSettings(next, this.selectorSettings)) return;
    this.selectorSettings = next;
    this.updateLetterContext();
    this.output.appendLine(M.restartForSelector);
    await this.restart();
  }

  private updateLetterContext(): void {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'antwoordbrief.letterActive', !!doc && this.isLetter(doc));
  }

  dispose(): void {
    void this.stop();
    for (const d of this.disposables) d.dispose();
  }
}
