// Files the extraction tests make at test time (nothing big is committed): Word letters through
// the `docx` library, PDFs through pdf-lib, and hostile files (a scan, an encrypted and a
// truncated PDF, zip bombs posing as .docx, a 100 MB PDF).
import { createDeflate, createDeflateRaw, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { closeSync, openSync, ftruncateSync, writeSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { pdfText } from '../../server/src/host/extract/sample';

/** A paragraph of a Word letter: a heading, a numbered item, or body text with footnote refs. */
export type WordBlock =
  | { heading: string }
  /** An item of the numbered list; another `instance` is a new list instance that starts again (Word's "Opnieuw nummeren"). */
  | { numbered: string; level?: number; instance?: number }
  /** A Heading 2 numbered by Word itself: the list's text is "Vraag %1" / "Antwoord %1". */
  | { numberedHeading: 'vraagkop' | 'antwoordkop'; text?: string }
  | { text: string; footnotes?: number[] }
  | { table: string[][] };

/** A .docx with Word's own heading styles, a numbered list, footnotes and tables. */
export async function makeDocx(blocks: WordBlock[], footnotes: Record<number, string> = {}): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if ('heading' in b) children.push(new Paragraph({ text: b.heading, heading: HeadingLevel.HEADING_2 }));
    else if ('numberedHeading' in b) children.push(new Paragraph({ text: b.text ?? '', heading: HeadingLevel.HEADING_2, numbering: { reference: b.numberedHeading, level: 0 } }));
    else if ('numbered' in b) children.push(new Paragraph({ text: b.numbered, numbering: { reference: 'vragen', level: b.level ?? 0, ...(b.instance !== undefined ? { instance: b.instance } : {}) } }));
    else if ('table' in b)
      children.push(new Table({ rows: b.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) }));
    else {
      // Footnote markers go right after the sentence they belong to ("…gebeurd?¹").
      const runs: (TextRun | FootnoteReferenceRun)[] = [new TextRun(b.text)];
      for (const n of b.footnotes ?? []) runs.push(new FootnoteReferenceRun(n));
      children.push(new Paragraph({ children: runs }));
    }
  }
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'vragen',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2.', alignment: AlignmentType.START },
          ],
        },
        { reference: 'vraagkop', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'Vraag %1', alignment: AlignmentType.START }] },
        { reference: 'antwoordkop', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'Antwoord %1', alignment: AlignmentType.START }] },
      ],
    },
    footnotes: Object.fromEntries(Object.entries(footnotes).map(([k, v]) => [k, { children: [new Paragraph(v)] }])),
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/**
 * A letter's plain text as a drafter's Word file: lines "Vraag …"/"Antwoord …" become Heading 2
 * paragraphs, the other lines are joined into paragraphs (a blank line ends one).
 */
export function blocksFromText(text: string): WordBlock[] {
  const out: WordBlock[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ text: para.join(' ') });
    para = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) flush();
    else if (/^(Vraag|Antwoord)\s+\d+[a-z]?\s*$/u.test(line)) {
      flush();
      out.push({ heading: line });
    } else para.push(line);
  }
  flush();
  return out;
}

/** A PDF with the given pages of text lines (Helvetica, 11 pt). */
export async function makePdf(pages: string[][]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 780;
    for (const line of lines) {
      if (line) page.drawText(line, { x: 60, y, size: 11, font });
      y -= 15;
    }
  }
  return Buffer.from(await pdf.save());
}

/** A scanned letter: pages with only shapes (the "image" of text), no text layer. */
export async function makeScanPdf(pages = 3): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595, 842]);
    for (let y = 780; y > 100; y -= 15) page.drawRectangle({ x: 60, y, width: 380 + ((y * 7) % 90), height: 8, color: rgb(0.2, 0.2, 0.2) });
  }
  return Buffer.from(await pdf.save());
}

/**
 * A PDF encrypted with the standard security handler and a user password that is not empty:
 * the /U entry matches no empty password, so a reader must ask for one.
 */
export function makeEncryptedPdf(): Buffer {
  const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed) & 255).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Geheim) Tj ET      \nendstream',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 1)}> /U <${hex(32, 2)}> /P -44 >>`,
  ];
  const body = pdfText(objects, `/Encrypt 5 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>]`);
  return Buffer.from(body, 'latin1');
}

/**
 * A one-page PDF whose content stream is `data` as stored, under `filter` (a /Filter value:
 * "/LZWDecode", "[/ASCIIHexDecode /FlateDecode]"); the page has Helvetica as /F1.
 */
export function makeFilteredPdf(data: Buffer, filter: string): Buffer {
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter ${filter} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(tail, 'latin1'));
  return Buffer.concat(parts);
}

/**
 * A "Flate bomb": one page whose content stream is `inflated` bytes of drawing operators
 * compressed to a few hundred KB (pdf.js would decode it whole into memory).
 */
export function makeFlateBombPdf(inflated: number): Buffer {
  return makeFilteredPdf(deflateSync(Buffer.alloc(inflated, '0 0 m ', 'latin1'), { level: 9 }), '/FlateDecode');
}

/** A content stream drawing `lines` of text in Helvetica (for the filter encoders below). */
export function textContent(lines: string[]): Buffer {
  const esc = (t: string) => t.replace(/[()\\]/gu, (c) => `\\${c}`);
  return Buffer.from(`BT /F1 11 Tf 15 TL 60 780 Td ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`, 'latin1');
}

/** ASCIIHexDecode data of `data` (ISO 32000-1, 7.4.2). */
export function asciiHex(data: Buffer): Buffer {
  return Buffer.from(data.toString('hex').replace(/.{1,64}/gu, '$&\n') + '>', 'latin1');
}

/** ASCII85Decode data of `data` (7.4.3); four zero bytes are written as "z". */
export function ascii85(data: Buffer): Buffer {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const n = Math.min(4, data.length - i);
    let v = 0;
    for (let k = 0; k < 4; k++) v = v * 256 + (k < n ? data[i + k] : 0);
    if (n === 4 && v === 0) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += digits.slice(0, n + 1).join('');
  }
  return Buffer.from(out + '~>', 'latin1');
}

/** ASCII85Decode data of `bytes` zero bytes: one "z" per four (a 4:1 bomb). */
export function ascii85Zeros(bytes: number): Buffer {
  return Buffer.concat([Buffer.alloc(Math.ceil(bytes / 4), 'z'), Buffer.from('~>', 'latin1')]);
}

/** RunLengthDecode data of `data` as literal runs (7.4.5). */
export function runLength(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += 128) {
    const run = data.subarray(i, i + 128);
    parts.push(Buffer.from([run.length - 1]), run);
  }
  parts.push(Buffer.from([128]));
  return Buffer.concat(parts);
}

/** RunLengthDecode data of `bytes` spaces: 128 copies per two bytes (a 64:1 bomb). */
export function runLengthSpaces(bytes: number): Buffer {
  const runs = Math.ceil(bytes / 128);
  const out = Buffer.alloc(runs * 2 + 1);
  for (let i = 0; i < runs; i++) {
    out[2 * i] = 129; // 257 - 129 = 128 copies
    out[2 * i + 1] = 0x20;
  }
  out[runs * 2] = 128;
  return out;
}

/**
 * LZWDecode data (7.4.4, EarlyChange 1) of at least `bytes` spaces: after each clear code the
 * codes 258, 259, … each stand for one space more than the last, so ~5 KB of codes decode to
 * ~7 MB (a bomb of ratio ~1,300).
 */
export function lzwSpaces(bytes: number): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (code: number, width: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 255);
    }
    acc &= (1 << bits) - 1;
  };
  let left = bytes;
  let width = 9;
  while (left > 0) {
    put(256, width); // clear
    width = 9;
    let next = 258;
    put(0x20, width);
    left -= 1;
    // Each code k equals the next free one: the decoder adds it as the last string plus its first byte.
    while (left > 0 && next < 4095) {
      put(next, width);
      left -= next - 256;
      next++;
      if (((next + 1) & next) === 0) width = Math.min(12, Math.log2(next + 1) + 1);
    }
  }
  put(257, width); // end of data
  if (bits) out.push((acc << (8 - bits)) & 255);
  return Buffer.from(out);
}

/** A PDF of `bytes` bytes (a header, then zeros; a sparse file on disk, written in no time). */
export function writeHugePdf(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, '%PDF-1.7\n');
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * `bytes` bytes of `fill` compressed in 1 MB steps (raw deflate, or with the zlib header PDF's
 * FlateDecode reads), without ever holding them: the test process stays small (a child's peak
 * RSS on Linux starts from its parent's at the fork).
 */
export async function deflateZeros(bytes: number, fill = 0, zlibHeader = false): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const z = zlibHeader ? createDeflate({ level: 9 }) : createDeflateRaw({ level: 9 });
  z.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  const block = Buffer.alloc(1024 * 1024, fill);
  for (let left = bytes; left > 0; left -= block.length) {
    const part = left >= block.length ? block : block.subarray(0, left);
    if (!z.write(part)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A zip bomb posing as a Word file: word/document.xml inflates to `bytes` zeros. With `lie`, the
 * headers claim it inflates to 1 KB (a reader trusting the headers would inflate it all).
 */
export async function makeZipBomb(bytes: number, lie = false): Promise<Buffer> {
  const name = Buffer.from('word/document.xml');
  const data = await deflateZeros(bytes);
  // The CRC of `bytes` zeros, in 1 MB steps.
  let crc = 0;
  const block = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= block.length) crc = crc32(left >= block.length ? block : block.subarray(0, left), crc);
  const size = lie ? 1024 : bytes;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** A zip of the given entries (deflated), written by hand so a test can shape it freely. */
export function makeZip(entries: [string, Buffer | string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [file, content] of entries) {
    const name = Buffer.from(file);
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const data = deflateRawSync(raw);
    const crc = crc32(raw) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A .docx whose word/document.xml body is `body` (raw WordprocessingML), plus `extra` entries. */
export function makeRawDocx(body: string | Buffer, extra: [string, Buffer | string][] = []): Buffer {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return makeZip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    ['word/document.xml', Buffer.concat([Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="${w}"><w:body>`), Buffer.from(body), Buffer.from('</w:body></w:document>')])],
    ...extra,
  ]);
}
