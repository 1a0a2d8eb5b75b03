// The one error and cancellation wrapper around every request handler.
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/**
 * Wraps a request handler: a cancelled request answers RequestCancelled, a thrown error is
 * logged to the connection's console (never shown to the user) and answers `fallback`, so no
 * input can bring the server down.
 */
export function runSafe<P, R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
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

/** Same for notifications: errors are logged, never thrown. */
export function runSafeNotification<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
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
