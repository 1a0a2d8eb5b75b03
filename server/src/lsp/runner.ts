// The one error, lifecycle and cancellation wrapper around every request handler.
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { clip } from '../core/text';

/**
 * Where the server is in the LSP lifecycle. Requests before `initialize` answer
 * ServerNotInitialized (−32002), requests after `shutdown` answer InvalidRequest (LSP 3.17,
 * "Lifecycle Messages"). One per server process; `server.ts` moves it on.
 */
export const lifecycle = { state: 'starting' as 'starting' | 'running' | 'shutdown' };

/** What a request's parameters must hold, by handler name (LSP 3.17 request shapes). */
const REQUIRED: Record<string, readonly ('textDocument' | 'position' | 'range' | 'newName' | 'uri' | 'command' | 'line' | 'character')[]> = {
  documentSymbol: ['textDocument'],
  foldingRange: ['textDocument'],
  documentLinks: ['textDocument'],
  codeLens: ['textDocument'],
  hover: ['textDocument', 'position'],
  definition: ['textDocument', 'position'],
  references: ['textDocument', 'position'],
  completion: ['textDocument', 'position'],
  prepareRename: ['textDocument', 'position'],
  rename: ['textDocument', 'position', 'newName'],
  codeAction: ['textDocument', 'range'],
  executeCommand: ['command'],
  nextUnanswered: ['uri', 'line', 'character'],
  checkDocument: ['uri'],
  referenceAt: ['uri', 'line', 'character'],
  skeleton: ['uri'],
  refreshFacts: ['uri'],
  extractText: ['uri'],
  skeletonFromFile: ['uri'],
  questionLetterCandidates: ['uri'],
  linkQuestionLetter: ['uri'],
  commitments: ['uri'],
};

/** The handler name (as in REQUIRED and `runSafe`) of each request method the server handles. */
export const HANDLED_METHODS: Record<string, string> = {
  'textDocument/documentSymbol': 'documentSymbol',
  'textDocument/foldingRange': 'foldingRange',
  'textDocument/documentLink': 'documentLinks',
  'textDocument/codeLens': 'codeLens',
  'textDocument/hover': 'hover',
  'textDocument/definition': 'definition',
  'textDocument/references': 'references',
  'textDocument/completion': 'completion',
  'textDocument/prepareRename': 'prepareRename',
  'textDocument/rename': 'rename',
  'textDocument/codeAction': 'codeAction',
  'workspace/executeCommand': 'executeCommand',
  'antwoordbrief/nextUnanswered': 'nextUnanswered',
  'antwoordbrief/checkDocument': 'checkDocument',
  'antwoordbrief/referenceAt': 'referenceAt',
  'antwoordbrief/skeleton': 'skeleton',
  'antwoordbrief/refreshFacts': 'refreshFacts',
  'antwoordbrief/extractText': 'extractText',
  'antwoordbrief/skeletonFromFile': 'skeletonFromFile',
  'antwoordbrief/checkWorkspace': 'checkWorkspace',
  'antwoordbrief/questionLetterCandidates': 'questionLetterCandidates',
  'antwoordbrief/linkQuestionLetter': 'linkQuestionLetter',
  'antwoordbrief/commitments': 'commitments',
};

/**
 * The error a request must get before any handler or library code sees it, or null: the
 * lifecycle errors, and InvalidParams (short Dutch message) for malformed parameters of a method
 * in HANDLED_METHODS. `state` is the lifecycle as of this message's arrival (the transport sees
 * `initialize` before the library has handled it). Used by the transport so that `params: null` or no params never reach
 * vscode-languageserver (which would answer with an English JavaScript error).
 */
export function earlyError(method: string, params: unknown, state: (typeof lifecycle)['state'] = lifecycle.state): { code: number; message: string } | null {
  // LSP 3.17 "Initialize Request": sent once; "Shutdown Request": every request after it is InvalidRequest.
  if (method === 'initialize' && state === 'running') return { code: ErrorCodes.InvalidRequest, message: 'de server is al geïnitialiseerd (initialize komt één keer)' };
  if ((method === 'initialize' || method === 'shutdown') && state === 'shutdown') return { code: ErrorCodes.InvalidRequest, message: 'de server is afgesloten (shutdown)' };
  const name = HANDLED_METHODS[method];
  if (!name) return null;
  const invalid = invalidParams(name, params);
  if (!invalid) return null;
  if (state === 'starting') return { code: ErrorCodes.ServerNotInitialized, message: 'de server is nog niet geïnitialiseerd' };
  if (state === 'shutdown') return { code: ErrorCodes.InvalidRequest, message: 'de server is afgesloten (shutdown)' };
  return { code: ErrorCodes.InvalidParams, message: `${name}: ${invalid}` };
}

/** A JSON-RPC message the guard writes itself: an error reply or a `window/logMessage`. */
export type GuardMessage =
  | { jsonrpc: '2.0'; id: number | string | null; error: { code: number; message: string } }
  | { jsonrpc: '2.0'; method: 'window/logMessage'; params: { type: number; message: string } };

/** What becomes of one incoming message: handed on or not, and what the guard writes instead. */
export interface GuardVerdict {
  pass: boolean;
  /** An error reply or a Dutch log line to write to the client. */
  write?: GuardMessage;
}

/** LSP's MessageType.Warning. */
const WARNING = 2;

function log(message: string): GuardMessage {
  return { jsonrpc: '2.0', method: 'window/logMessage', params: { type: WARNING, message: `antwoordbrief: ${message}` } };
}

function invalidRequest(id: number | string | null, message: string): GuardMessage {
  return { jsonrpc: '2.0', id, error: { code: ErrorCodes.InvalidRequest, message } };
}

/**
 * Checks every message as it arrives, before vscode-languageserver or vscode-jsonrpc sees it
 * (their answers to malformed input are English JavaScript errors, or worse: a didOpen without
 * text drops the document they hold). One per connection; the transport writes what it returns.
 *
 * - Not a JSON-RPC message (a batch, a number), or a request whose id is neither a number nor a
 *   string: an InvalidRequest reply with id null (JSON-RPC 2.0 §5), never handed on.
 * - A request: `earlyError` (lifecycle, a second `initialize`, malformed parameters).
 * - A notification with malformed parameters (`invalidNotification`): dropped with a Dutch log
 *   line, so the text the server holds stays the text it had and its findings stay those of that
 *   text; a change, save or close of a document that is not open: dropped with a log line; a
 *   second didOpen of an open document: handed on (its text replaces the held one, as the
 *   client now holds it), with a log line.
 */
export class MessageGuard {
  /** The lifecycle as the messages arrive (the library handles them later, from its queue). */
  private state: (typeof lifecycle)['state'] = 'starting';
  /** The documents opened and not closed, as the messages arrive. */
  private readonly open = new Set<string>();

  check(msg: unknown): GuardVerdict {
    if (!isObject(msg)) return { pass: false, write: invalidRequest(null, Array.isArray(msg) ? 'een reeks berichten (batch) wordt niet ondersteund; stuur elk bericht apart' : 'dit is geen JSON-RPC-bericht') };
    if (!('method' in msg)) return { pass: true }; // a response: the library matches it to its request
    const id = msg.id;
    const validId = typeof id === 'string' || typeof id === 'number';
    if (typeof msg.method !== 'string') return { pass: false, write: invalidRequest(validId ? id : null, "dit bericht heeft geen geldige 'method'") };
    const method = msg.method;
    if (id !== undefined && !validId) return { pass: false, write: invalidRequest(null, `${clip(method, 60)}: de id van een verzoek is een getal of een tekst`) };
    if (validId) {
      const err = earlyError(method, msg.params, this.state);
      if (method === 'initialize' && this.state === 'starting') this.state = 'running';
      if (method === 'shutdown') this.state = 'shutdown';
      return err ? { pass: false, write: { jsonrpc: '2.0', id, error: err } } : { pass: true };
    }
    return this.notification(method, msg.params);
  }

  private notification(method: string, params: unknown): GuardVerdict {
    const invalid = invalidNotification(method, params);
    if (invalid) {
      const keep = method === 'textDocument/didOpen' || method === 'textDocument/didChange' ? '; de server houdt de tekst die hij had' : '';
      return { pass: false, write: log(`${method} genegeerd: ${invalid}${keep}`) };
    }
    if (!method.startsWith('textDocument/did')) return { pass: true };
    const uri = ((params as Record<string, unknown>).textDocument as { uri: string }).uri;
    if (method === 'textDocument/didOpen') {
      const again = this.open.has(uri);
      this.open.add(uri);
      return again ? { pass: true, write: log(`textDocument/didOpen: ${clip(uri)} was al geopend; de nieuwe tekst vervangt de oude`) } : { pass: true };
    }
    if (!this.open.has(uri)) return { pass: false, write: log(`${method} genegeerd: ${clip(uri)} is niet geopend`) };
    if (method === 'textDocument/didClose') this.open.delete(uri);
    return { pass: true };
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isPosition(x: unknown): boolean {
  return isObject(x) && Number.isInteger(x.line) && Number.isInteger(x.character) && (x.line as number) >= 0 && (x.character as number) >= 0;
}

/**
 * Why a request's parameters are malformed (a short Dutch message for InvalidParams), or null.
 * Checks the fields the handler named `name` needs and the shape of the usual LSP fields
 * wherever they occur; a handler never sees a missing URI or a position that is not one.
 */
export function invalidParams(name: string, params: unknown): string | null {
  const required = REQUIRED[name] ?? [];
  if (!required.length && (params === undefined || params === null)) return null;
  if (!isObject(params)) return 'parameters ontbreken of zijn geen object';
  for (const field of required) if (!(field in params) || params[field] === undefined) return `parameter '${field}' ontbreekt`;
  if ('textDocument' in params && !(isObject(params.textDocument) && typeof params.textDocument.uri === 'string')) return "parameter 'textDocument' heeft geen uri";
  if ('position' in params && !isPosition(params.position)) return "parameter 'position' is geen positie (line, character)";
  if ('range' in params && !(isObject(params.range) && isPosition(params.range.start) && isPosition(params.range.end))) return "parameter 'range' is geen bereik (start, end)";
  if ('newName' in params && typeof params.newName !== 'string') return "parameter 'newName' is geen tekst";
  if ('uri' in params && typeof params.uri !== 'string') return "parameter 'uri' is geen tekst";
  if ('command' in params && typeof params.command !== 'string') return "parameter 'command' is geen tekst";
  if ('text' in params && params.text !== undefined && typeof params.text !== 'string') return "parameter 'text' is geen tekst";
  for (const field of ['line', 'character'] as const) {
    if (field in params && params[field] !== undefined && !(Number.isInteger(params[field]) && (params[field] as number) >= 0)) return `parameter '${field}' is geen geheel getal ≥ 0`;
  }
  if (name === 'codeAction' && 'context' in params && !(isObject(params.context) && (params.context.diagnostics === undefined || Array.isArray(params.context.diagnostics))))
    return "parameter 'context' is geen codeActionContext";
  return null;
}

function isRange(x: unknown): boolean {
  return isObject(x) && isPosition(x.start) && isPosition(x.end);
}

function isUri(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0;
}

/** Why `textDocument` is not a text document identifier (with `version` when `versioned`), or null. */
function invalidIdentifier(td: unknown, versioned: boolean): string | null {
  if (!isObject(td)) return "'textDocument' ontbreekt of is geen object";
  if (!isUri(td.uri)) return "'textDocument.uri' ontbreekt of is geen tekst";
  if (versioned && !Number.isInteger(td.version)) return "'textDocument.version' is geen geheel getal";
  return null;
}

/**
 * Why a notification's parameters are malformed (a short Dutch message), or null: the shapes of
 * LSP 3.17 for the text document notifications (didOpen: uri, languageId, integer version, text;
 * didChange: integer version, content changes each a text with an optional range of positions
 * of non-negative integers; didSave, didClose), the workspace notifications (configuration,
 * watched files, workspace folders) and `$/cancelRequest` / `$/setTrace`. Other notifications
 * are not checked (null).
 */
export function invalidNotification(method: string, params: unknown): string | null {
  const needsObject = ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didSave', 'textDocument/didClose',
    'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles', 'workspace/didChangeWorkspaceFolders', '$/cancelRequest', '$/setTrace'];
  if (!needsObject.includes(method)) return null;
  if (!isObject(params)) return 'parameters ontbreken of zijn geen object';
  switch (method) {
    case 'textDocument/didOpen': {
      const td = params.textDocument;
      const bad = invalidIdentifier(td, true);
      if (bad) return bad;
      const doc = td as Record<string, unknown>;
      if (typeof doc.languageId !== 'string') return "'textDocument.languageId' ontbreekt of is geen tekst";
      if (typeof doc.text !== 'string') return "'textDocument.text' ontbreekt of is geen tekst";
      return null;
    }
    case 'textDocument/didChange': {
      const bad = invalidIdentifier(params.textDocument, true);
      if (bad) return bad;
      const changes = params.contentChanges;
      if (!Array.isArray(changes)) return "'contentChanges' is geen lijst";
      for (let i = 0; i < changes.length; i++) {
        const c: unknown = changes[i];
        if (!isObject(c) || typeof c.text !== 'string') return `wijziging ${i + 1} heeft geen tekst`;
        if (c.range !== undefined && !isRange(c.range)) return `wijziging ${i + 1} heeft geen geldig bereik (start, end: line en character gehele getallen ≥ 0)`;
        if (c.rangeLength !== undefined && !(Number.isInteger(c.rangeLength) && (c.rangeLength as number) >= 0)) return `wijziging ${i + 1} heeft een ongeldige rangeLength`;
      }
      return null;
    }
    case 'textDocument/didSave': {
      const bad = invalidIdentifier(params.textDocument, false);
      if (bad) return bad;
      return params.text !== undefined && typeof params.text !== 'string' ? "'text' is geen tekst" : null;
    }
    case 'textDocument/didClose':
      return invalidIdentifier(params.textDocument, false);
    case 'workspace/didChangeConfiguration':
      return null; // `settings` may be anything; the settings store reads only what it knows
    case 'workspace/didChangeWatchedFiles': {
      const changes = params.changes;
      if (!Array.isArray(changes)) return "'changes' is geen lijst";
      for (let i = 0; i < changes.length; i++) {
        const c: unknown = changes[i];
        if (!isObject(c) || !isUri(c.uri)) return `bestandswijziging ${i + 1} heeft geen uri`;
        if (c.type !== 1 && c.type !== 2 && c.type !== 3) return `bestandswijziging ${i + 1} heeft geen soort 1, 2 of 3`;
      }
      return null;
    }
    case 'workspace/didChangeWorkspaceFolders': {
      const event = params.event;
      if (!isObject(event)) return "'event' ontbreekt of is geen object";
      for (const side of ['added', 'removed'] as const) {
        const list = event[side];
        if (!Array.isArray(list)) return `'event.${side}' is geen lijst`;
        if (!list.every((f: unknown) => isObject(f) && isUri(f.uri) && typeof f.name === 'string')) return `'event.${side}' bevat een map zonder uri of naam`;
      }
      return null;
    }
    case '$/cancelRequest':
      return typeof params.id === 'number' || typeof params.id === 'string' ? null : "'id' is geen getal of tekst";
    case '$/setTrace':
      return ['off', 'messages', 'compact', 'verbose'].includes(params.value as string) ? null : "'value' is niet off, messages, compact of verbose";
  }
  return null;
}

/**
 * Wraps a request handler: before `initialize` it answers ServerNotInitialized, after `shutdown`
 * InvalidRequest, on malformed parameters InvalidParams with a short Dutch message; a cancelled
 * request answers RequestCancelled; a thrown ContentModified ResponseError (the text changed
 * before the answer was ready) is that answer; any other thrown error is logged to the connection's console (never
 * shown to the user) and answers `fallback`, so no input can bring the server down.
 */
export function runSafe<P, R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    if (lifecycle.state === 'starting') return new ResponseError(ErrorCodes.ServerNotInitialized, 'de server is nog niet geïnitialiseerd');
    if (lifecycle.state === 'shutdown') return new ResponseError(ErrorCodes.InvalidRequest, 'de server is afgesloten (shutdown)');
    const invalid = invalidParams(name, params);
    if (invalid) return new ResponseError(ErrorCodes.InvalidParams, `${name}: ${invalid}`);
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'geannuleerd');
    try {
      const result = await handler(params, token ?? CancellationToken.None);
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'geannuleerd');
      return result;
    } catch (e) {
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'geannuleerd');
      // The text changed before the answer was ready (the server's `current`): an answer, not a fault.
      if (e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified) return e as ResponseError<void>;
      logError(connection, name, e);
      return fallback;
    }
  };
}

/** Same for notifications: errors are logged, never thrown; ignored before `initialize` and after `shutdown`. */
export function runSafeNotification<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    if (lifecycle.state !== 'running') return;
    try {
      const r = handler(params);
      if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch((e) => logError(connection, name, e));
    } catch (e) {
      logError(connection, name, e);
    }
  };
}

/**
 * Logs an error no handler expected, as one line on the connection's console ("interne fout in
 * NAME: the error's first line", at most 200 characters); the stack only when the environment
 * variable ANTWOORDBRIEF_DEBUG is set.
 */
export function logError(connection: Connection, name: string, e: unknown): void {
  const first = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0];
  const stack = process.env.ANTWOORDBRIEF_DEBUG && e instanceof Error && e.stack ? `\n${e.stack}` : '';
  try {
    connection.console.error(`antwoordbrief: interne fout in ${name}: ${clip(first, 200)}${stack}`);
  } catch {
    // The connection is gone; nothing left to tell.
  }
}
