// The server's connection: the transport the command line names (stdio, node IPC, a socket or a
// pipe; without a valid one, a Dutch line and exit 2), every message checked by runner.ts's
// MessageGuard first; a message without a valid Content-Length header, or one over the size cap,
// ends the process (stdio, socket, pipe; node IPC: the size cap).
import * as net from 'node:net';
import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import type { Message } from 'vscode-languageserver-protocol';
import { lifecycle, MessageGuard } from './runner';
import { clip } from '../core/text';

/** The largest message body accepted (bytes). A letter is at most 8 MB; JSON escaping may double it. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** The largest header block accepted (bytes) before its blank line. */
const MAX_HEADER_BYTES = 8 * 1024;

/**
 * Watches the framing of the stdin stream beside vscode-jsonrpc's reader (which buffers a body
 * of any announced length without limit): calls `tooLarge` once with the announced length when
 * a message's `Content-Length` exceeds MAX_MESSAGE_BYTES, or a header block exceeds
 * MAX_HEADER_BYTES (reported as -1). Malformed headers are left to the library's reader.
 */
function watchSizes(stream: NodeJS.ReadableStream, tooLarge: (length: number) => void): void {
  let header = '';
  let skip = 0;
  let done = false;
  stream.on('data', (chunk: Buffer) => {
    let i = 0;
    while (!done && i < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - i);
        skip -= n;
        i += n;
        continue;
      }
      const end = chunk.indexOf('\r\n\r\n', i);
      // A header split over chunks: join the pieces (the separator itself may be split too).
      const piece = chunk.subarray(i, end < 0 ? chunk.length : end + 4).toString('latin1');
      header += piece;
      i += piece.length;
      const sep = header.indexOf('\r\n\r\n');
      if (sep < 0) {
        if (header.length > MAX_HEADER_BYTES) { done = true; tooLarge(-1); }
        continue;
      }
      const extra = header.length - (sep + 4);
      const m = /(?:^|\r\n)content-length:\s*(\d+)\s*(?:\r\n|$)/iu.exec(header.slice(0, sep));
      header = '';
      if (!m) { done = true; return; } // the library's reader reports it
      const length = Number(m[1]);
      if (length > MAX_MESSAGE_BYTES) { done = true; tooLarge(length); return; }
      skip = length;
      // Bytes after the separator already taken into `header` belong to the body.
      i -= extra;
    }
  });
}

/**
 * A reader that puts a `MessageGuard` (lsp/runner.ts) in front of the library: it answers, itself,
 * requests that are malformed or out of the lifecycle, and drops malformed notifications with a
 * Dutch log line, so the library's English messages ("defines 1 params but received none",
 * "Cannot read properties of null") never reach the client; everything else passes on unchanged.
 */
function validating(inner: MessageReader, writer: MessageWriter): MessageReader {
  const guard = new MessageGuard();
  return {
    onError: inner.onError,
    onClose: inner.onClose,
    onPartialMessage: inner.onPartialMessage,
    dispose: () => inner.dispose(),
    listen: (callback: DataCallback) =>
      inner.listen((msg) => {
        const verdict = guard.check(msg);
        if (verdict.write) void writer.write(verdict.write as Message).catch(() => undefined);
        if (verdict.pass) callback(msg);
      }),
  };
}

/** A header error of vscode-jsonrpc's stream reader: the stream can no longer be framed. */
function isFramingError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /Content-Length|Message header|header must/iu.test(msg);
}

/**
 * Whether a message received whole (node IPC) is larger than MAX_MESSAGE_BYTES as JSON: the sum
 * of its strings' lengths and a few bytes per other value, counted until the cap is passed (so
 * at most about MAX_MESSAGE_BYTES of it is looked at). Returns the count, or -1 within the cap.
 */
export function oversized(msg: unknown): number {
  let total = 0;
  const stack: unknown[] = [msg];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length + 2;
    else if (Array.isArray(v)) {
      total += 2 + v.length;
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        total += k.length + 4;
        stack.push(x);
      }
    } else total += 8;
    if (total > MAX_MESSAGE_BYTES) return total;
  }
  return -1;
}

/** Log in Dutch why the server stops, answer what was read before, and exit with code 1. */
function stopFor(what: string, pause: () => void, flush: (done: () => void) => void): void {
  process.stderr.write(`antwoordbrief: ${what}; de server stopt zodat de editor hem opnieuw start\n`);
  pause();
  setTimeout(() => flush(() => process.exit(1)), 100);
}

/** The transport the command line names (the first of them, as vscode-languageserver reads it). */
export type Transport = { kind: 'stdio' } | { kind: 'node-ipc' } | { kind: 'socket'; port: number } | { kind: 'pipe'; name: string };

/**
 * The transport of `argv` (`--stdio`, `--node-ipc`, `--socket=N` or `--socket N`, `--pipe=NAME` or
 * `--pipe NAME`; other arguments such as `--clientProcessId` are left alone), or a Dutch reason
 * why there is none: no transport named, a port that is not 1–65535, a pipe without a name.
 */
export function transportOf(argv: readonly string[]): Transport | { error: string } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--stdio') return { kind: 'stdio' };
    if (arg === '--node-ipc') return { kind: 'node-ipc' };
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    if (flag !== '--socket' && flag !== '--pipe') continue;
    const value = eq < 0 ? argv[i + 1] : arg.slice(eq + 1);
    if (flag === '--pipe') return value ? { kind: 'pipe', name: value } : { error: '--pipe: geef de naam van de pipe op (--pipe=NAAM)' };
    const port = /^\d{1,5}$/u.test(value ?? '') ? Number(value) : NaN;
    if (!(port >= 1 && port <= 65535)) return { error: `--socket: „${clip(value ?? '', 40)}” is geen poortnummer (1 tot en met 65535)` };
    return { kind: 'socket', port };
  }
  return { error: 'geef aan hoe de server met de editor praat: --stdio, --node-ipc, --socket=POORT of --pipe=NAAM' };
}

/** Ends the process with one Dutch line on stderr (the server could not start or lost its client). */
function stop(message: string, code: number): never {
  process.stderr.write(`antwoordbrief: ${message}\n`);
  process.exit(code);
}

/** A system error of a connection as a Dutch clause. */
function connectFailure(e: NodeJS.ErrnoException): string {
  if (e.code === 'ECONNREFUSED') return 'verbinding geweigerd: daar luistert niemand';
  if (e.code === 'ENOENT') return 'die pipe bestaat niet';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'geen toegang';
  if (e.code === 'ETIMEDOUT') return 'geen antwoord';
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return 'de editor heeft de verbinding gesloten';
  return e.code ? `systeemfout ${e.code}` : 'onbekende fout';
}

/**
 * A connection over a byte stream with `Content-Length` framing (stdio, a socket, a pipe):
 * vscode-jsonrpc's reader reports a message without a valid `Content-Length` and then can never
 * find the next message, and buffers a body of any announced length; instead a bad header, a
 * header block over MAX_HEADER_BYTES or a body over MAX_MESSAGE_BYTES is logged on stderr and the
 * process exits with code 1, so the client restarts it. The process also ends when the stream does.
 */
function streamConnection(input: NodeJS.ReadableStream & { pause(): unknown }, output: NodeJS.WritableStream) {
  const reader = new StreamMessageReader(input);
  const writer = new StreamMessageWriter(output);
  const flush = (done: () => void) => void output.write('', () => done());
  let failing = false;
  watchSizes(input, (length) => {
    if (failing) return;
    failing = true;
    const what = length < 0 ? `een berichtkop langer dan ${MAX_HEADER_BYTES} bytes` : `een bericht van ${length} bytes (hoogstens ${MAX_MESSAGE_BYTES})`;
    stopFor(`te groot bericht: ${what}`, () => input.pause(), flush);
  });
  reader.onError((e) => {
    const msg = e instanceof Error ? e.message : String(e);
    if (!isFramingError(e)) {
      // A body that is no JSON: the parser's English text stays out of the log.
      const why = e instanceof SyntaxError ? 'geen geldige JSON' : `interne fout: ${clip(msg.split('\n')[0], 200)}`;
      process.stderr.write(`antwoordbrief: onleesbaar bericht overgeslagen (${why})\n`);
      return;
    }
    if (failing) return;
    failing = true;
    // Answer the messages read before the bad header first, then leave once the output is flushed.
    stopFor(`ongeldige berichtkop (${msg.replace(/\s+/gu, ' ').slice(0, 300)})`, () => input.pause(), flush);
  });
  // With a reader instead of streams, the library does not end on a closed input: do it here.
  const end = () => process.exit(lifecycle.state === 'shutdown' ? 0 : 1);
  input.on('end', end);
  input.on('close', end);
  return createConnection(ProposedFeatures.all, validating(reader, writer), writer);
}

/**
 * A connection over a socket or named pipe the editor listens on (`--socket`, `--pipe`), framed
 * as stdio (`streamConnection`): one Dutch line and exit code 1 when it cannot be reached or fails.
 */
function socketConnection(transport: Extract<Transport, { kind: 'socket' | 'pipe' }>) {
  const where = transport.kind === 'socket' ? `poort ${transport.port}` : `pipe ${clip(transport.name)}`;
  const socket = transport.kind === 'socket' ? net.createConnection(transport.port, '127.0.0.1') : net.createConnection(transport.name);
  let connected = false;
  socket.on('connect', () => (connected = true));
  socket.on('error', (e: NodeJS.ErrnoException) =>
    stop(connected ? `de verbinding met de editor (${where}) is verbroken: ${connectFailure(e)}` : `kan geen verbinding maken met de editor op ${where}: ${connectFailure(e)}`, 1),
  );
  return streamConnection(socket, socket);
}

/**
 * Creates the connection for the transport on the command line (`transportOf`); without a valid
 * one, one Dutch line on stderr and exit code 2. `--stdio`, `--socket=N` and `--pipe=NAME` carry
 * `Content-Length` framed messages: see `streamConnection`; a closed stdout ends the process too.
 * `--node-ipc` (the VS Code client's transport) carries whole messages and needs the IPC channel
 * of a parent that started the server with one: a message larger than MAX_MESSAGE_BYTES as JSON
 * (`oversized`) ends the process the same way before it is handled. All get the `MessageGuard`
 * (`validating`).
 */
export function createServerConnection() {
  const features = ProposedFeatures.all;
  const transport = transportOf(process.argv.slice(2));
  if ('error' in transport) return stop(transport.error, 2);
  if (transport.kind === 'node-ipc') {
    if (typeof process.send !== 'function') return stop('--node-ipc: er is geen IPC-kanaal (alleen een editor die de server zo start heeft er een); gebruik --stdio', 2);
    // As the library would set it up from the command line, with the size and parameter checks in front.
    const writer = new IPCMessageWriter(process);
    const ipc = new IPCMessageReader(process);
    let failing = false;
    const sized: MessageReader = {
      onError: ipc.onError,
      onClose: ipc.onClose,
      onPartialMessage: ipc.onPartialMessage,
      dispose: () => ipc.dispose(),
      listen: (callback: DataCallback) =>
        ipc.listen((msg) => {
          if (failing) return;
          const size = oversized(msg);
          if (size < 0) return callback(msg);
          failing = true;
          stopFor(`te groot bericht: een bericht van meer dan ${MAX_MESSAGE_BYTES} bytes`, () => undefined, (done) => done());
        }),
    };
    return createConnection(features, validating(sized, writer), writer);
  }
  if (transport.kind !== 'stdio') return socketConnection(transport);
  // Console output must stay off stdout, which carries the protocol.
  const toStderr = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  // Nobody reads stdout any more (the editor closed it): nothing the server does can arrive.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => stop(`kan niet meer naar de editor schrijven: ${connectFailure(e)}`, lifecycle.state === 'shutdown' ? 0 : 1));
  return streamConnection(process.stdin, process.stdout);
}
