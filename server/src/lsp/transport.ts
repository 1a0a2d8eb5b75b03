// The server's connection: the transport vscode-languageserver picks from the command line, except
// that over stdio a message without a valid Content-Length header ends the process.
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
 * Creates the connection. `--stdio`: vscode-jsonrpc's reader reports a message without a valid
 * `Content-Length` and then can never find the next message, so the server would stay alive but
 * deaf; instead it logs the header on stderr and exits with code 1, so the client restarts it.
 * `--node-ipc` carries whole messages (no headers; the VS Code client uses it): only the
 * parameter check is added. `--socket` and `--pipe` keep the library's behaviour.
 */
export function createServerConnection() {
  const features = ProposedFeatures.all;
  if (process.argv.slice(2).includes('--node-ipc')) {
    // As the library would set it up from the command line, with the parameter check in front.
    const writer = new IPCMessageWriter(process);
    return createConnection(features, validating(new IPCMessageReader(process), writer), writer);
  }
  if (!process.argv.slice(2).includes('--stdio')) return createConnection(features);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  let failing = false;
  watchSizes(process.stdin, (length) => {
    if (failing) return;
    failing = true;
    const what = length < 0 ? `een berichtkop langer dan ${MAX_HEADER_BYTES} bytes` : `een bericht van ${length} bytes (hoogstens ${MAX_MESSAGE_BYTES})`;
    process.stderr.write(`antwoordbrief: te groot bericht: ${what}; de server stopt zodat de editor hem opnieuw start\n`);
    process.stdin.pause();
    setTimeout(() => process.stdout.write('', () => process.exit(1)), 100);
  });
  reader.onError((e) => {
    const msg = e instanceof Error ? e.message : String(e);
    if (!isFramingError(e)) {
      process.stderr.write(`antwoordbrief: onleesbaar bericht overgeslagen: ${msg.split('\n')[0]}\n`);
      return;
    }
    if (failing) return;
    failing = true;
    process.stderr.write(`antwoordbrief: ongeldige berichtkop (${msg.replace(/\s+/gu, ' ').slice(0, 300)}); de server stopt zodat de editor hem opnieuw start\n`);
    // Answer the messages read before the bad header first, then leave once stdout is flushed.
    process.stdin.pause();
    setTimeout(() => process.stdout.write('', () => process.exit(1)), 100);
  });
  // With a reader instead of streams, the library neither ends on a closed stdin nor keeps
  // console output off stdout (which carries the protocol): do both here.
  const end = () => process.exit(lifecycle.state === 'shutdown' ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const toStderr = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  return createConnection(features, validating(reader, writer), writer);
}
