/**
 * A small LSP client for tests and the benchmark: spawns the bundled server (`dist/server.js
 * --stdio`) and talks to it over a real JSON-RPC connection on the child's stdio.
 *
 *   const c = await LspClient.start();
 *   await c.open(uri, text);
 *   const diags = await c.diagnostics(uri, 1);
 *   await c.shutdown(); // resolves with the exit code
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { SERVER_ENV } from '../../server/src/protocol';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  LocationLink,
  Position,
  PublishDiagnosticsParams,
  Range,
  SymbolInformation,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
export const SERVER_JS = path.join(PROJECT_ROOT, 'dist/server.js');

/** What a capable editor (VS Code) declares; tests override parts of it. */
export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: false },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    publishDiagnostics: { versionSupport: true },
    foldingRange: {},
  },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** The `antwoordbrief` settings answered to `workspace/configuration` (per scope URI if a function). */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown>);
  /** Extra server arguments after the transport flag. */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** The workspace root (a file URI), sent as rootUri and as the one workspace folder. */
  rootUri?: string;
  /** Node options for the server process (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}

interface Waiter<T> {
  match(value: T): boolean;
  resolve(value: T): void;
}

export class LspClient {
  /** Every publishDiagnostics received, in order of arrival. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every custom notification received, by method. */
  readonly notifications: { method: string; params: any }[] = [];
  /** Log and console messages from the server. */
  readonly logs: string[] = [];
  /** Of `logs`, the messages an editor pops up (window/showMessage). */
  readonly shown: string[] = [];
  stderr = '';
  private diagWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private noteWaiters: Waiter<{ method: string; params: any }>[] = [];
  private versions = new Map<string, number>();
  /** The client's copy of each document: a text and the changes not yet applied to it. */
  private texts = new Map<string, { text: string; pending: TextDocumentContentChangeEvent[] }>();
  private exitPromise: Promise<number>;
  settings: StartOptions['settings'];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    this.exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  }

  /** Spawn the bundled server and run `initialize` + `initialized`. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, '--stdio', ...(options.args ?? [])], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Started as the VS Code client starts it (SERVER_ENV: the allocator settings of issue 10).
      env: options.env ?? { ...process.env, ...SERVER_ENV },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    client.settings = options.settings;
    child.stderr!.on('data', (d) => (client.stderr += String(d)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      client.diagWaiters = client.diagWaiters.filter((w) => (w.match(p) ? (w.resolve(p), false) : true));
    });
    connection.onNotification((method: string, params: any) => {
      if (method === 'window/logMessage' || method === 'window/showMessage') {
        client.logs.push(String(params?.message));
        if (method === 'window/showMessage') client.shown.push(String(params?.message));
        return;
      }
      const note = { method, params };
      client.notifications.push(note);
      client.noteWaiters = client.noteWaiters.filter((w) => (w.match(note) ? (w.resolve(note), false) : true));
    });
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => {
        const s = typeof client.settings === 'function' ? client.settings(item.scopeUri) : client.settings;
        if (!item.section || item.section === 'antwoordbrief') return offlineUnlessSet(s);
        return null;
      }),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'werkruimte' }] : null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      initializationOptions: offlineUnlessSet(options.initializationOptions),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The client's copy of the document's text, with every change sent so far applied. */
  text(uri: string): string | undefined {
    const entry = this.texts.get(uri);
    if (!entry) return undefined;
    // Applied lazily, so timing an edit does not include the client's own bookkeeping.
    for (const c of entry.pending) entry.text = applyChange(entry.text, c);
    entry.pending = [];
    return entry.text;
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    this.versions.set(uri, version);
    this.texts.set(uri, { text, pending: [] });
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Send incremental changes; returns the new version. The client keeps its own copy of the text. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[], version?: number): Promise<number> {
    const v = version ?? (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, v);
    const entry = this.texts.get(uri);
    if (entry) entry.pending.push(...changes);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: changes });
    return v;
  }

  /** Replace `range` with `text` (one incremental change). */
  edit(uri: string, range: Range, text: string): Promise<number> {
    return this.change(uri, [{ range, text }]);
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The diagnostics published for exactly `version` of `uri` (already received or next to come). */
  diagnostics(uri: string, version: number, timeoutMs = 30000): Promise<Diagnostic[]> {
    return this.publication(uri, version, timeoutMs).then((p) => p.diagnostics);
  }

  publication(uri: string, version: number | undefined, timeoutMs = 30000): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
    const seen = this.published.find(match);
    if (seen) return Promise.resolve(seen);
    return withTimeout(
      new Promise((resolve) => this.diagWaiters.push({ match, resolve })),
      timeoutMs,
      `no diagnostics for ${uri} version ${version}`,
    );
  }

  /** The first publication for `uri` that arrives after the first `after` publications (of any uri). */
  publicationAfter(uri: string, after: number, timeoutMs = 30000, version?: number): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
    const seen = this.published.slice(after).find(match);
    if (seen) return Promise.resolve(seen);
    return withTimeout(
      new Promise((resolve) => this.diagWaiters.push({ match, resolve })),
      timeoutMs,
      `no new diagnostics for ${uri}${version === undefined ? '' : ` (version ${version})`}`,
    );
  }

  /** The next custom notification `method` matching `pred` (already received or next to come). */
  notification(method: string, pred: (params: any) => boolean = () => true, timeoutMs = 30000): Promise<any> {
    const match = (n: { method: string; params: any }) => n.method === method && pred(n.params);
    const seen = this.notifications.find(match);
    if (seen) return Promise.resolve(seen.params);
    return withTimeout(
      new Promise<{ method: string; params: any }>((resolve) => this.noteWaiters.push({ match, resolve })),
      timeoutMs,
      `no ${method} notification`,
    ).then((n) => n.params);
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  definition(uri: string, position: Position): Promise<Location | Location[] | LocationLink[] | null> {
    return this.request('textDocument/definition', { textDocument: { uri }, position });
  }

  symbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } });
  }

  folding(uri: string): Promise<FoldingRange[] | null> {
    return this.request('textDocument/foldingRange', { textDocument: { uri } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<CodeAction[] | null> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  /** Change the settings the client answers with and tell the server. */
  async configure(settings: StartOptions['settings']): Promise<void> {
    this.settings = settings;
    const s = typeof settings === 'function' ? settings(undefined) : settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { antwoordbrief: offlineUnlessSet(s) } });
  }

  /** `shutdown` then `exit`; resolves with the server's exit code. */
  async shutdown(timeoutMs = 5000): Promise<number> {
    await withTimeout(this.connection.sendRequest('shutdown'), timeoutMs, 'shutdown timed out');
    await this.connection.sendNotification('exit');
    const code = await withTimeout(this.exitPromise, timeoutMs, 'server did not exit');
    this.connection.dispose();
    return code;
  }

  /** Stop the server without ceremony (after a failed test). */
  kill(): void {
    try {
      this.connection.dispose();
    } catch {
      // Already gone.
    }
    if (this.child.exitCode === null) this.child.kill();
  }

  exited(): Promise<number> {
    return this.exitPromise;
  }
}

/** Offset of an LSP position in `text` (UTF-16, any line ends). */
export function offsetAt(text: string, pos: Position): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 13) {
      if (text.charCodeAt(i) === 10) i++;
      line++;
    } else if (c === 10) line++;
  }
  let end = i;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return Math.min(i + pos.character, end);
}

/** The LSP position of an offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10 && i + 1 < offset) i++;
      line++;
      lineStart = i + 1;
    } else if (c === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: Math.min(offset, text.length) - lineStart };
}

/** The position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not found (occurrence ${nth})`);
  }
  return positionAt(text, at + delta);
}

export function applyChange(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change) || !change.range) return change.text;
  const start = offsetAt(text, change.range.start);
  const end = Math.max(start, offsetAt(text, change.range.end));
  return text.slice(0, start) + change.text + text.slice(end);
}

/** Apply text edits (non-overlapping) to `text`, as an editor does. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The edits of a workspace edit for one document. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes?.[uri]) return edit.changes[uri];
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  }
  return out;
}

/** Start a server, run `fn` against it, then require a clean shutdown (exit code 0). */
export async function withClient(fn: (c: LspClient) => Promise<void>, options?: StartOptions): Promise<void> {
  const c = await LspClient.start(options);
  try {
    await fn(c);
    assert.equal(await c.shutdown(), 0);
  } finally {
    c.kill();
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

/**
 * Tests run offline: a server given a letter with citations would otherwise look them up at the
 * real public hosts. A test that wants sources (a replay server) sets `bronnen` itself.
 */
function offlineUnlessSet(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return { bronnen: { offline: true } };
  if (typeof raw !== 'object' || Array.isArray(raw)) return raw as Record<string, unknown>;
  const obj = raw as Record<string, unknown>;
  if (obj.antwoordbrief && typeof obj.antwoordbrief === 'object') return { ...obj, antwoordbrief: offlineUnlessSet(obj.antwoordbrief) };
  return 'bronnen' in obj ? obj : { ...obj, bronnen: { offline: true } };
}
