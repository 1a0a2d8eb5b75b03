// Text of a PDF through pdf.js (the `unpdf` build: pdf.js without its web worker, made for
// bundling). Lines come in the PDF's content order, which for parliament's letters is the
// reading order; pdf.js marks the end of each line (`hasEOL`). Nothing is dropped or joined:
// page furniture stays as lines (the letter reader knows it as furniture), a hyphen at a line
// end stays as the PDF has it, a footnote marker stays a character. A blank line separates
// blocks (a vertical gap of more than 1.6 line heights, or a jump back up the page) and pages,
// as `pdftotext` does, so a footnote block never runs on into the furniture beneath it.
import { inflateSync, constants as zlib } from 'node:zlib';
import { getDocumentProxy } from 'unpdf';
import { LIMITS, type ExtractFailure } from './types';
import { isEncryptedOffice, isWordZip, sniff } from './sniff';

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

export type PdfResult = { text: string; pageStarts: number[] } | { failure: ExtractFailure; detail?: string };

/** One page's lines: text, baseline y, font height. */
interface Line {
  text: string;
  y: number;
  size: number;
}

function pageLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const it of items) {
    if (typeof it.str !== 'string') continue; // marked-content items
    const size = Math.abs(it.transform?.[3] ?? it.height ?? 0) || it.height || 0;
    if (!cur) cur = { text: '', y: it.transform?.[5] ?? 0, size: 0 };
    if (cur.text.trim() === '' && it.str.trim() !== '') cur.y = it.transform?.[5] ?? cur.y;
    cur.text += it.str;
    if (it.str.trim() !== '') cur.size = Math.max(cur.size, size);
    if (it.hasEOL) {
      lines.push(cur);
      cur = null;
    }
  }
  if (cur && cur.text.trim() !== '') lines.push(cur);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+$/u, '') }));
}

/**
 * Whether the PDF's Flate-compressed streams inflate beyond `LIMITS` (a "Flate bomb": a few MB
 * that pdf.js would decode into gigabytes of ArrayBuffers, outside the worker's heap limit).
 * Each `stream … endstream` (ISO 32000-1, 7.3.8) starting with a zlib header is inflated with
 * Node's zlib, its output capped (`maxOutputLength`) and dropped at once; data that does not
 * inflate is left to pdf.js. Linear in the file; at most `pdfStreamBytes` held at a time.
 */
export function inflatesTooFar(bytes: Uint8Array): 'stream' | 'total' | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = 0;
  for (;;) {
    const kw = buf.indexOf('stream', at, 'latin1');
    if (kw < 0) return null;
    at = kw + 6;
    if (kw >= 3 && buf.toString('latin1', kw - 3, kw) === 'end') continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) continue;
    start++;
    const end = buf.indexOf('endstream', start, 'latin1');
    if (end < 0) return null;
    at = end + 9;
    // A zlib header: compression method 8, the check bits right.
    if (end - start < 2 || (buf[start] & 0x0f) !== 8 || ((buf[start] << 8) | buf[start + 1]) % 31 !== 0) continue;
    let size: number;
    try {
      size = inflateSync(buf.subarray(start, end), { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: LIMITS.pdfStreamBytes }).length;
    } catch (e) {
      if ((e as { code?: string })?.code === 'ERR_BUFFER_TOO_LARGE') return 'stream';
      continue;
    }
    total += size;
    if (total > LIMITS.pdfInflatedBytes) return 'total';
  }
}

/** The hook the bundled pdf.js calls before a decoder grows its output (scripts/bundles.mjs, `boundedPdfjs`). */
const DECODE_HOOK = Symbol.for('antwoordbrief.decode');

/**
 * How much pdf.js may decode of one document: each stream at most `LIMITS.pdfStreamBytes`,
 * all streams together `LIMITS.pdfInflatedBytes`, whatever the filter (Flate, LZW, RunLength,
 * ASCII85, ASCIIHex, CCITT fax, chains of them, streams of an encrypted file). Over the bound,
 * `ask` records why and throws, which ends that stream's decoding in pdf.js; pdf.js may go on
 * past a broken stream, so the caller checks `over` afterwards.
 */
class DecodeBudget {
  total = 0;
  over: 'stream' | 'total' | null = null;

  /** A decoder holding `had` bytes asks for room for `requested`. */
  ask(requested: number, had: number): void {
    if (requested > LIMITS.pdfStreamBytes) this.over ??= 'stream';
    else {
      this.total += Math.max(0, requested - had);
      if (this.total > LIMITS.pdfInflatedBytes) this.over ??= 'total';
    }
    if (this.over) throw new Error('antwoordbrief: decoding bound');
  }
}

/** Text and page starts of a PDF, or why there is none. */
export async function pdfText(bytes: Uint8Array): Promise<PdfResult> {
  const budget = new DecodeBudget();
  // Only the extraction worker runs this: pdf.js's decoders count against the budget of this document.
  (globalThis as Record<symbol, unknown>)[DECODE_HOOK] = (requested: number, had: number) => budget.ask(requested, had);
  // pdf.js inflates content streams through the platform's DecompressionStream when there is
  // one, past the bounded decoders; without it, it uses its own FlateStream (as fast here).
  delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  try {
    const r = await readPdf(bytes);
    return budget.over ? { failure: 'too-big', detail: 'inflate' } : r;
  } finally {
    delete (globalThis as Record<symbol, unknown>)[DECODE_HOOK];
  }
}

async function readPdf(bytes: Uint8Array): Promise<PdfResult> {
  // pdf.js rebuilds what it can of a broken file; a letter cut short must not pass for whole.
  // Every complete PDF starts with %PDF- and ends with %%EOF (ISO 32000-1, 7.5.2 and 7.5.5).
  const latin1 = (from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');
  if (!latin1(0, Math.min(bytes.length, 1024)).includes('%PDF-')) {
    // Another kind of file under a .pdf name: say what it is.
    const kind = sniff(bytes);
    if (kind === 'ole') return isEncryptedOffice(bytes) ? { failure: 'wrong-kind', detail: 'encrypted-office' } : { failure: 'legacy-doc' };
    if (kind === 'zip') return { failure: 'wrong-kind', detail: isWordZip(bytes) ? 'docx' : 'zip' };
    return { failure: 'damaged' };
  }
  if (!latin1(Math.max(0, bytes.length - 2048), bytes.length).includes('%%EOF')) return { failure: 'damaged', detail: 'truncated' };
  if (inflatesTooFar(bytes)) return { failure: 'too-big', detail: 'inflate' };
  let doc;
  try {
    doc = await getDocumentProxy(bytes, { isEvalSupported: false, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  } catch (e) {
    const name = (e as { name?: string })?.name ?? '';
    if (name === 'PasswordException') return { failure: 'encrypted' };
    return { failure: 'damaged', detail: (e as Error)?.message };
  }
  try {
    if (doc.numPages > LIMITS.pdfPages) return { failure: 'too-many-pages', detail: String(doc.numPages) };
    let text = '';
    const pageStarts: number[] = [];
    let letters = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      page.cleanup();
      if (p > 1) text += '\n\n';
      pageStarts.push(text.length);
      let prev: Line | null = null;
      for (const line of pageLines(content.items as TextItem[])) {
        if (prev) {
          const h = Math.max(prev.size, line.size, 1);
          const gap = prev.y - line.y;
          text += gap > 1.6 * h || gap < -0.5 * h ? '\n\n' : '\n';
        }
        text += line.text;
        prev = line;
        for (const ch of line.text) if (/[\p{L}\p{N}]/u.test(ch)) letters++;
        if (text.length > LIMITS.textChars) return { failure: 'too-big', detail: 'text' };
      }
    }
    // A scan has at most a few stray characters per page (a page number put on by a stamp); the
    // shortest real letter ("Vraag 1 Waarom?") has more.
    if (letters < Math.max(10, 4 * doc.numPages)) return { failure: 'no-text' };
    return { text: text + '\n', pageStarts };
  } catch (e) {
    return { failure: 'damaged', detail: (e as Error)?.message };
  } finally {
    void doc.destroy();
  }
}
