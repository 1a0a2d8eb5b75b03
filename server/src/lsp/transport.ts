// The server's connection: the transport vscode-languageserver picks from the command line, except
// that a message without a valid Content-Length header, or one over the size cap, ends the
// process (stdio, socket, pipe; node IPC: the size cap).
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
import { Message, type RequestMessage } from 'vscode-languageserver-protocol';
import { earlyError, lifecycle } from './runner';

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
 * A reader that answers, itself, the requests whose parameters are missing or malformed (or that
 * come before `initialize` / after `shutdown` with such parameters), so the library's English
 * messages ("defines 1 params but received none", "Cannot read properties of null") never reach
 * the client; everything else passes on unchanged.
 */
function validating(inner: MessageReader, writer: MessageWriter): MessageReader {
  // The lifecycle as the messages arrive (the library handles them later, from its queue).
  let state: (typeof lifecycle)['state'] = 'starting';
  return {
    onError: inner.onError,
    onClose: inner.onClose,
    onPartialMessage: inner.onPartialMessage,
    dispose: () => inner.dispose(),
    listen: (callback: DataCallback) =>
      inner.listen((msg) => {
        if (Message.isRequest(msg)) {
          const req = msg as RequestMessage;
          const err = earlyError(req.method, req.params, state);
          if (req.method === 'initialize' && state === 'starting') state = 'running';
          if (req.method === 'shutdown') state = 'shutdown';
          if (err) {
            void writer.write({ jsonrpc: '2.0', id: req.id, error: err } as Message);
            return;
          }
        }
        callback(msg);
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

/** The `--socket=N` / `--socket N` port or `--pipe=NAME` / `--pipe NAME` name on the command line, as vscode-languageserver reads it. */
function socketArgument(argv: string[]): { port: number } | { pipe: string } | null {
  for (let i = 0; i < argv.length; i++) {
    const [flag, value = argv[i + 1]] = argv[i].includes('=') ? argv[i].split('=', 2) : [argv[i]];
    if (flag === '--socket' && Number(value) > 0) return { port: Number(value) };
    if (flag === '--pipe' && value) return { pipe: value };
  }
  return null;
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
      process.stderr.write(`antwoordbrief: onleesbaar bericht overgeslagen: ${msg.split('\n')[0]}\n`);
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
 * Creates the connection for the transport on the command line. `--stdio`, `--socket=N` and
 * `--pipe=NAME` carry `Content-Length` framed messages: see `streamConnection`. `--node-ipc`
 * (the VS Code client's transport) carries whole messages: one larger than MAX_MESSAGE_BYTES as
 * JSON (`oversized`) ends the process the same way before it is handled. All get the parameter
 * check (`validating`).
 */
export function createServerConnection() {
  const features = ProposedFeatures.all;
  const argv = process.argv.slice(2);
  if (argv.includes('--node-ipc')) {
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
  const socket = socketArgument(argv);
  if (socket) {
    const s = 'port' in socket ? net.createConnection(socket.port, '127.0.0.1') : net.createConnection(socket.pipe);
    s.on('error', (e) => {
      process.stderr.write(`antwoordbrief: verbinding mislukt (${e.message}); de server stopt\n`);
      process.exit(1);
    });
    return streamConnection(s, s);
  }
  if (!argv.includes('--stdio')) return createConnection(features);
  // Console output must stay off stdout, which carries the protocol.
  const toStderr = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  return streamConnection(process.stdin, process.stdout);
}
