// The server's connection: the transport vscode-languageserver picks from the command line, except
// that over stdio a message without a valid Content-Length header ends the process.
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { lifecycle } from './runner';

/** A header error of vscode-jsonrpc's stream reader: the stream can no longer be framed. */
function isFramingError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /Content-Length|Message header|header must/iu.test(msg);
}

/**
 * Creates the connection. `--stdio`: vscode-jsonrpc's reader reports a message without a valid
 * `Content-Length` and then can never find the next message, so the server would stay alive but
 * deaf; instead it logs the header on stderr and exits with code 1, so the client restarts it.
 * `--node-ipc` carries whole messages (no headers); `--socket` and `--pipe` keep the library's
 * behaviour.
 */
export function createServerConnection() {
  const features = ProposedFeatures.all;
  if (!process.argv.slice(2).includes('--stdio')) return createConnection(features);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  let failing = false;
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
  return createConnection(features, reader, writer);
}
