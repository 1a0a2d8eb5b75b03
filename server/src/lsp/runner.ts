// The one error, lifecycle and cancellation wrapper around every request handler.
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

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
  const name = HANDLED_METHODS[method];
  if (!name) return null;
  const invalid = invalidParams(name, params);
  if (!invalid) return null;
  if (state === 'starting') return { code: ErrorCodes.ServerNotInitialized, message: 'de server is nog niet geïnitialiseerd' };
  if (state === 'shutdown') return { code: ErrorCodes.InvalidRequest, message: 'de server is afgesloten (shutdown)' };
  return { code: ErrorCodes.InvalidParams, message: `${name}: ${invalid}` };
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

/**
 * Wraps a request handler: before `initialize` it answers ServerNotInitialized, after `shutdown`
 * InvalidRequest, on malformed parameters InvalidParams with a short Dutch message; a cancelled
 * request answers RequestCancelled; a thrown error is logged to the connection's console (never
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

export function logError(connection: Connection, name: string, e: unknown): void {
  const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  try {
    connection.console.error(`antwoordbrief: fout in ${name}: ${detail}`);
  } catch {
    // The connection is gone; nothing left to tell.
  }
}
