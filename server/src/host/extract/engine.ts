// The extraction worker: bundled on its own as dist/extract.js and started in a worker thread
// by index.ts the first time a PDF or Word file is read, so pdf.js and mammoth never load
// in the language server's or the CLI's start. One request at a time; the host bounds its
// time and heap and ends the thread when either runs out.
import { parentPort } from 'node:worker_threads';
import { pdfText } from './pdf';
import { docxText } from './docx';
import { samplePdf } from './sample';
import type { EngineReply, EngineRequest } from './types';

async function handle(req: EngineRequest): Promise<EngineReply> {
  if (req.kind === 'warm') {
    const r = await pdfText(samplePdf());
    // When the build asks for it (index.ts LOADER): the bytecode compiled so far, for the next processes.
    if (!('failure' in r)) (globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for('antwoordbrief.writeCodeCache')]?.();
    return 'failure' in r ? { id: req.id, ok: false, failure: r.failure, detail: r.detail } : { id: req.id, ok: true, text: '', pageStarts: [] };
  }
  if (req.kind === 'pdf') {
    const r = await pdfText(req.bytes);
    return 'failure' in r ? { id: req.id, ok: false, failure: r.failure, detail: r.detail } : { id: req.id, ok: true, text: r.text, pageStarts: r.pageStarts };
  }
  const r = await docxText(req.bytes);
  return 'failure' in r ? { id: req.id, ok: false, failure: r.failure, detail: r.detail } : { id: req.id, ok: true, text: r.text, pageStarts: [] };
}

if (parentPort) {
  // pdf.js and mammoth warn on the console (a font not embedded, an unknown style): not for the
  // drafter, and the CLI's stdout is JSON. The worker's console would write to the host's.
  for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = () => undefined;
  const port = parentPort;
  port.on('message', (req: EngineRequest) => {
    handle(req).then(
      (reply) => port.postMessage(reply),
      (e) => port.postMessage({ id: req.id, ok: false, failure: 'damaged', detail: String((e as Error)?.message ?? e) } satisfies EngineReply),
    );
  });
}
