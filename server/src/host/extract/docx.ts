// Text of a Word (.docx) file through mammoth's document model (mammoth reads the OOXML; we
// only walk what it read). Before mammoth sees the bytes, every zip entry is inflated through
// yauzl with a running count, so a zip bomb (or an entry that lies about its size) stops at
// LIMITS.docxUnpackedBytes instead of filling memory.
//
// The text: one line per paragraph, a blank line between paragraphs; a heading (Word's
// "Heading n" / "Kop n" styles) is its own line as the text says ("Vraag 1", "Antwoord 1");
// numbered list items carry their number ("1.", nested "a.", "i."), bullets "- "; a footnote
// reference is its number as characters ("…gebeurd?1") and the footnotes follow at the end,
// each "1 text" on its own line, as in a PDF; a table is one block with a line per row, its cells
// between " | " ("| Noord | 120 |"), so no cell is lost.
import * as yauzl from 'yauzl';
import mammoth from 'mammoth';
import { LIMITS, type ExtractFailure } from './types';
import { isEncryptedOffice, sniff } from './sniff';

// mammoth keeps of a list level only whether it is ordered, and hands every paragraph of one
// abstract list the same level object: the number's format and text ("%1.", "Vraag %1",
// "%1.%2") and the list instance (w:num) with its restarts stay in numbering.xml. Its numbering
// reader is wrapped so that `findLevel(numId, ilvl)` hands out one object per list instance and
// level carrying them (mammoth calls the reader through the module object,
// lib/docx/docx-reader.js, and `findLevel` through the numbering object, body-reader.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const numberingXml = require('mammoth/lib/docx/numbering-xml') as { readNumberingXml: (root: XmlElement, options: unknown) => MammothNumbering };

interface XmlElement {
  attributes: Record<string, string | undefined>;
  getElementsByTagName(name: string): XmlElement[];
  firstOrEmpty(name: string): XmlElement;
}
interface MammothNumbering {
  findLevel(numId: string, level: string): Record<string, unknown> | null;
}
interface LevelDef {
  numFmt: string;
  lvlText: string;
  start: number;
}
/** What we add to mammoth's level objects. */
interface LevelFormat extends LevelDef {
  /** The abstract list (w:abstractNum) whose counters the paragraph counts on. */
  list: string;
  /** The list instance (w:num). */
  numId: string;
  ilvl: number;
  /** The formats of all levels of the instance (for "%1.%2"). */
  levels: Record<number, LevelDef>;
  /**
   * w:lvlOverride/w:startOverride of this instance and level (ECMA-376 Part 1, 17.9.27): the
   * level starts again at this number where the instance is first used, instead of going on
   * from the list's earlier instances.
   */
  restartAt?: number;
}

function readLevel(l: XmlElement, ilvl: number): LevelDef {
  return {
    numFmt: l.firstOrEmpty('w:numFmt').attributes['w:val'] ?? 'decimal',
    lvlText: l.firstOrEmpty('w:lvlText').attributes['w:val'] ?? `%${ilvl + 1}.`,
    start: Number(l.firstOrEmpty('w:start').attributes['w:val'] ?? 1) || 0,
  };
}

/** Per list instance and level, the format mammoth leaves out (null when numbering.xml has none). */
export function instanceLevels(root: XmlElement): (numId: string, ilvl: number) => LevelFormat | null {
  const abstract = new Map<string, Record<number, LevelDef>>();
  // A list style: the abstract list that only links to a style (w:numStyleLink) takes its levels
  // from the abstract list defining that style (w:styleLink), 17.9.21 and 17.9.27.
  const byStyle = new Map<string, string>();
  const linksTo = new Map<string, string>();
  for (const a of root.getElementsByTagName('w:abstractNum')) {
    const id = a.attributes['w:abstractNumId'] ?? '';
    const levels: Record<number, LevelDef> = {};
    for (const l of a.getElementsByTagName('w:lvl')) {
      const ilvl = Number(l.attributes['w:ilvl'] ?? 0);
      levels[ilvl] = readLevel(l, ilvl);
    }
    abstract.set(id, levels);
    const style = a.firstOrEmpty('w:styleLink').attributes['w:val'];
    if (style) byStyle.set(style, id);
    const link = a.firstOrEmpty('w:numStyleLink').attributes['w:val'];
    if (link) linksTo.set(id, link);
  }
  const instances = new Map<string, { list: string; levels: Record<number, LevelDef>; restart: Map<number, number> }>();
  for (const n of root.getElementsByTagName('w:num')) {
    const numId = n.attributes['w:numId'] ?? '';
    let list = n.firstOrEmpty('w:abstractNumId').attributes['w:val'] ?? '';
    const link = linksTo.get(list);
    if (link && byStyle.has(link)) list = byStyle.get(link)!;
    const base = abstract.get(list);
    if (!base) continue;
    const levels = { ...base };
    const restart = new Map<number, number>();
    for (const o of n.getElementsByTagName('w:lvlOverride')) {
      const ilvl = Number(o.attributes['w:ilvl'] ?? 0);
      const startOverride = o.firstOrEmpty('w:startOverride').attributes['w:val'];
      if (startOverride !== undefined && Number.isFinite(Number(startOverride))) restart.set(ilvl, Number(startOverride));
      // A whole level given again for this instance (17.9.6): its format, and its start restarts.
      const lvl = o.getElementsByTagName('w:lvl')[0];
      if (lvl) {
        levels[ilvl] = readLevel(lvl, ilvl);
        if (!restart.has(ilvl)) restart.set(ilvl, levels[ilvl].start);
      }
    }
    instances.set(numId, { list, levels, restart });
  }
  return (numId, ilvl) => {
    const inst = instances.get(numId);
    if (!inst) return null;
    const f = inst.levels[ilvl] ?? { numFmt: 'decimal', lvlText: `%${ilvl + 1}.`, start: 1 };
    return { list: inst.list, numId, ilvl, ...f, levels: inst.levels, ...(inst.restart.has(ilvl) ? { restartAt: inst.restart.get(ilvl) } : {}) };
  };
}

if (!(numberingXml.readNumberingXml as { wrapped?: boolean }).wrapped) {
  const original = numberingXml.readNumberingXml;
  const wrapped = (root: XmlElement, options: unknown): MammothNumbering => {
    const numbering = original(root, options);
    let formats: ReturnType<typeof instanceLevels>;
    try {
      formats = instanceLevels(root);
    } catch {
      // Without the formats, lists are numbered 1., a., i. by level.
      return numbering;
    }
    const findLevel = numbering.findLevel.bind(numbering);
    const made = new Map<string, Record<string, unknown> | null>();
    numbering.findLevel = (numId, level) => {
      const key = `${numId}\u0000${level}`;
      if (made.has(key)) return made.get(key)!;
      const base = findLevel(numId, level);
      const format = base ? formats(numId, Number(level) || 0) : null;
      const out = base && format ? { ...base, ...format } : base;
      made.set(key, out);
      return out;
    };
    return numbering;
  };
  (wrapped as { wrapped?: boolean }).wrapped = true;
  numberingXml.readNumberingXml = wrapped;
}

// mammoth parses each XML part with xmldom into a DOM and then copies it into its own element
// tree, so both trees live at once. Its reader (lib/xml/reader.js, called through the module
// object by lib/docx/office-xml-reader.js) is replaced by one that builds mammoth's tree straight
// from sax's events, naming elements and attributes as mammoth's does ("w:p", "{uri}local" for a
// namespace it does not map; CDATA, comments and processing instructions dropped). Measured on
// 80,000 short paragraphs: peak 547 → 336 MB, CPU 2.5 → 2.1 s. A part sax refuses (it is strict)
// goes to mammoth's own reader, which is more lenient.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mammothXml = require('mammoth/lib/xml') as { readString: (xml: string, namespaces?: Record<string, string>) => Promise<unknown>; Element: new (name: string, attributes: Record<string, string>, children: unknown[]) => { children: unknown[] } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sax = require('sax') as {
  parser(strict: boolean, options: { xmlns: boolean; position: boolean }): SaxParser;
};
interface SaxName {
  uri: string;
  local: string;
}
interface SaxParser {
  onopentag: (tag: SaxName & { attributes: Record<string, SaxName & { value: string }> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  onerror: (e: Error) => void;
  write(s: string): SaxParser;
  close(): SaxParser;
}

/** mammoth's element tree of `xml` (lib/xml/reader.js's result), built from sax's events. */
export function readXmlTree(xml: string, namespaces: Record<string, string> = {}): unknown {
  const { Element } = mammothXml;
  const name = (n: SaxName) => (n.uri ? `${namespaces[n.uri] ? namespaces[n.uri] + ':' : `{${n.uri}}`}${n.local}` : n.local);
  const parser = sax.parser(true, { xmlns: true, position: false });
  const root = new Element('', {}, []);
  const open: { children: unknown[] }[] = [root];
  parser.onopentag = (tag) => {
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const key in tag.attributes) {
      const a = tag.attributes[key];
      attributes[name(a)] = a.value;
    }
    const element = new Element(name(tag), attributes, []);
    open[open.length - 1].children.push(element);
    open.push(element);
  };
  parser.onclosetag = () => {
    open.pop();
  };
  parser.ontext = (value) => {
    // White space around the root element belongs to no element (xmldom's documentElement has none of it).
    if (open.length > 1) open[open.length - 1].children.push({ type: 'text', value });
  };
  parser.onerror = (e) => {
    throw e;
  };
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0];
}

if (!(mammothXml.readString as { lean?: boolean }).lean) {
  const original = mammothXml.readString;
  const lean = (xml: string, namespaces?: Record<string, string>): Promise<unknown> => {
    let tree: unknown;
    try {
      tree = readXmlTree(xml, namespaces);
    } catch {
      return original(xml, namespaces);
    }
    return Promise.resolve(tree);
  };
  (lean as { lean?: boolean }).lean = true;
  mammothXml.readString = lean;
}

export type DocxResult = { text: string } | { failure: ExtractFailure; detail?: string };

/**
 * The shape of one XML part, counted on its bytes as they are inflated (no parser, constant
 * memory): elements and attributes together, and the deepest nesting. mammoth builds an object
 * for every element and attribute of the parts it reads (through xmldom, then its own tree, then
 * its document model: some 1–2 KB of heap each, measured) and walks the nesting recursively, so
 * both are bounded before it sees the file (LIMITS.docxItems, LIMITS.docxDepth).
 *
 * Markup is recognised as XML 1.0 writes it: `<name …>` opens (or `<name …/>`, which also
 * closes), `</name>` closes; comments, CDATA sections, processing instructions and declarations
 * count for nothing; a quoted attribute value may hold `>` and `/`.
 */
export class XmlShape {
  /** Elements plus attributes seen so far. */
  items = 0;
  depth = 0;
  maxDepth = 0;
  // Where the scan is: 0 text, 1 just after '<', 2 in a start tag, 3 in a quoted value of one,
  // 4 in an end tag, 5 in a comment, 6 in a CDATA section, 7 in another '<!…>' or '<?…?>'.
  private state = 0;
  private quote = 0;
  /** The last character that is not white space, in a start tag (a '/' before '>' closes it). */
  private last = 0;
  /** The last bytes, for the end of a comment ('-->') or CDATA (']]>') and their start. */
  private tail = 0;
  private declLength = 0;

  /** Counts `chunk`; false as soon as a bound is passed (the counts then stop growing). */
  feed(chunk: Uint8Array, maxItems: number, maxDepth: number): boolean {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      switch (this.state) {
        case 0:
          if (c === 0x3c) this.state = 1;
          break;
        case 1:
          if (c === 0x2f) this.state = 4;
          else if (c === 0x21) {
            this.state = 7;
            this.declLength = 1;
            this.tail = 0;
          } else if (c === 0x3f) this.state = 7;
          else {
            this.state = 2;
            this.items++;
            this.depth++;
            if (this.depth > this.maxDepth) this.maxDepth = this.depth;
            this.last = c;
          }
          break;
        case 2:
          if (c === 0x22 || c === 0x27) {
            this.quote = c;
            this.state = 3;
            this.last = c;
          } else if (c === 0x3e) {
            if (this.last === 0x2f) this.depth--;
            this.state = 0;
          } else if (c === 0x3d) {
            this.items++;
            this.last = c;
          } else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) this.last = c;
          break;
        case 3:
          if (c === this.quote) this.state = 2;
          break;
        case 4:
          if (c === 0x3e) {
            this.depth--;
            this.state = 0;
          }
          break;
        case 5: // comment: ends at '-->'
          if (c === 0x3e && (this.tail & 0xffff) === 0x2d2d) this.state = 0;
          this.tail = ((this.tail << 8) | c) & 0xffffff;
          break;
        case 6: // CDATA: ends at ']]>'
          if (c === 0x3e && (this.tail & 0xffff) === 0x5d5d) this.state = 0;
          this.tail = ((this.tail << 8) | c) & 0xffffff;
          break;
        case 7: // '<!' or '<?': a comment ('<!--'), CDATA ('<![CDATA['), or up to '>'
          if (this.declLength > 0 && this.declLength < 3) {
            this.declLength++;
            this.tail = ((this.tail << 8) | c) & 0xffffff;
            if (this.declLength === 3 && (this.tail & 0xffff) === 0x2d2d) {
              this.state = 5;
              this.tail = 0;
              break;
            }
            if (this.declLength === 2 && c === 0x5b) {
              this.state = 6;
              this.tail = 0;
              break;
            }
          }
          if (c === 0x3e) this.state = 0;
          break;
      }
      if (this.items > maxItems || this.depth > maxDepth) return false;
    }
    return true;
  }
}

/** Why a .docx is refused before mammoth reads it (index.ts words each as a Dutch line). */
export interface ZipProblem {
  failure: ExtractFailure;
  /** 'entries' (too many zip entries), 'items' / 'depth' (an XML part, XmlShape), or none (too big unpacked). */
  detail?: 'entries' | 'items' | 'depth';
}

/** The XML parts whose elements mammoth turns into objects one by one (the letter's text). */
const BODY_PART = /^word\/(document|footnotes|endnotes|comments)\.xml$/u;

/**
 * Inflates every entry with a running byte count and counts the shape of every XML part
 * (XmlShape: the nesting of each, the elements and attributes of the body parts together);
 * a problem when the zip is broken, has too many entries, unpacks too far, or an XML part is
 * too big or too deep for mammoth's reader.
 */
export function checkZip(bytes: Buffer, limits: Pick<typeof LIMITS, 'docxEntries' | 'docxUnpackedBytes' | 'docxItems' | 'docxDepth'> = LIMITS): Promise<ZipProblem | null> {
  return new Promise((resolve) => {
    let total = 0;
    /** Items of the body parts read to their end. */
    let items = 0;
    let done = false;
    const finish = (r: ZipProblem | null, zip?: yauzl.ZipFile) => {
      if (done) return;
      done = true;
      try {
        zip?.close();
      } catch {
        // already closed
      }
      resolve(r);
    };
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return finish({ failure: 'damaged' });
      // The central directory says how many entries follow: refuse before reading them.
      if (zip.entryCount > limits.docxEntries) return finish({ failure: 'too-big', detail: 'entries' }, zip);
      let names = 0;
      let hasDocument = false;
      zip.on('error', () => finish({ failure: 'damaged' }, zip));
      zip.on('end', () => finish(hasDocument ? null : { failure: 'damaged' }, zip));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (++names > limits.docxEntries) return finish({ failure: 'too-big', detail: 'entries' }, zip);
        if (entry.fileName === 'word/document.xml') hasDocument = true;
        if (total + entry.uncompressedSize > limits.docxUnpackedBytes) return finish({ failure: 'too-big' }, zip);
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        const body = BODY_PART.test(entry.fileName);
        const shape = /\.(xml|rels)$/iu.test(entry.fileName) ? new XmlShape() : null;
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return finish({ failure: 'damaged' }, zip);
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            let problem: ZipProblem | null = null;
            if (total > limits.docxUnpackedBytes) problem = { failure: 'too-big' };
            else if (shape && !shape.feed(chunk, body ? limits.docxItems - items : Number.MAX_SAFE_INTEGER, limits.docxDepth)) {
              problem = { failure: 'too-big', detail: shape.depth > limits.docxDepth ? 'depth' : 'items' };
            }
            if (problem) {
              stream.destroy();
              finish(problem, zip);
            }
          });
          stream.on('error', () => finish({ failure: 'damaged' }, zip));
          stream.on('end', () => {
            if (body && shape) items += shape.items;
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

// The slice of mammoth's document model that we read (lib/documents.js).
interface Node {
  type: string;
  children?: Node[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  numbering?: ({ level: string; isOrdered: boolean } & Partial<LevelFormat>) | null;
  noteType?: string;
  noteId?: string;
  body?: Node[];
  breakType?: string;
}

const HEADING_STYLE = /^(heading|kop)\s*\d|^title$|^titel$/iu;

function roman(n: number): string {
  const table: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A list number in Word's format (ST_NumberFormat). */
function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function letters(n: number): string {
  let out = '';
  while (n > 0) {
    n--;
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

/** Turns mammoth's document into the text described above. */
export function documentText(doc: Node & { notes?: { _notes?: Record<string, Node> } }): string {
  const blocks: string[] = [];
  const noteNumber = new Map<string, number>();
  const noteOrder: { n: number; node: Node }[] = [];
  const notes = doc.notes?._notes ?? {};
  // Counters per list level object (mammoth hands out one object per abstract list level).
  const counters = new Map<object, number>();
  let lastLevels: { level: number; key: object }[] = [];
  // Lists whose formats numbering.xml gave: the counts of each level, per list.
  const listCounts = new Map<string, number[]>();
  // List instances and levels whose start override has been applied.
  const restarted = new Set<string>();

  const inline = (n: Node): string => {
    switch (n.type) {
      case 'text':
        return n.value ?? '';
      case 'tab':
        return '\t';
      case 'break':
        return n.breakType === 'line' || !n.breakType ? '\n' : '';
      case 'noteReference': {
        const key = `${n.noteType}-${n.noteId}`;
        let num = noteNumber.get(key);
        if (num === undefined) {
          num = noteNumber.size + 1;
          noteNumber.set(key, num);
          const node = notes[key];
          if (node) noteOrder.push({ n: num, node });
        }
        return String(num);
      }
      default:
        return (n.children ?? []).map(inline).join('');
    }
  };

  const listPrefix = (p: Node): string => {
    const num = p.numbering;
    if (!num) {
      lastLevels = [];
      return '';
    }
    const level = Number(num.level) || 0;
    if (!num.isOrdered) return '- ';
    if (num.lvlText !== undefined && num.list !== undefined && num.levels) {
      // Instances of one abstract list count on together; an instance with a start override
      // starts that level again where it is first used (Word's "Opnieuw nummeren").
      const counts = listCounts.get(num.list) ?? [];
      const ilvl = num.ilvl ?? level;
      const instanceKey = `${num.numId}\u0000${ilvl}`;
      if (num.restartAt !== undefined && !restarted.has(instanceKey)) {
        restarted.add(instanceKey);
        counts[ilvl] = num.restartAt;
      } else counts[ilvl] = (counts[ilvl] ?? (num.start ?? 1) - 1) + 1;
      counts.length = ilvl + 1; // deeper levels start again
      listCounts.set(num.list, counts);
      const text = num.lvlText.replace(/%([1-9])/gu, (_, k: string) => {
        const i = Number(k) - 1;
        const f = num.levels![i] ?? { numFmt: 'decimal', start: 1 };
        return formatNumber(counts[i] ?? f.start, f.numFmt);
      });
      return text ? `${text} ` : '';
    }
    const key = num as unknown as object;
    // Deeper levels restart when a shallower item comes again.
    for (const l of lastLevels) if (l.level > level) counters.delete(l.key);
    lastLevels = lastLevels.filter((l) => l.level <= level && l.key !== key);
    lastLevels.push({ level, key });
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return level === 0 ? `${n}. ` : level === 1 ? `${letters(n)}. ` : `${roman(n)}. `;
  };

  const paragraph = (p: Node): string => {
    const body = inline(p).replace(/[ \t]+$/gmu, '');
    // A heading may be its number alone ("Vraag %1" as the list's text).
    const prefix = listPrefix(p);
    return (prefix + body).trim() === '' ? '' : (prefix + body.replace(/^[ \t]+/u, '')).replace(/[ \t]+$/u, '');
  };

  const block = (n: Node, out: string[]) => {
    if (n.type === 'paragraph') {
      const t = paragraph(n);
      if (t) out.push(HEADING_STYLE.test(n.styleName ?? '') ? t.trim() : t);
    } else if (n.type === 'table') {
      // One line per row, its cells separated by " | ", the rows together as one block: a lone
      // cell such as "120" on a line of its own would read as a page number, and a cell per line
      // as running text.
      const rows: string[] = [];
      for (const row of n.children ?? []) {
        const cells: string[] = [];
        for (const cell of row.children ?? []) {
          const parts: string[] = [];
          for (const c of cell.children ?? []) block(c, parts);
          cells.push(parts.join(' ').replace(/\s+/gu, ' ').trim());
        }
        if (cells.some((c) => c)) rows.push(`| ${cells.join(' | ')} |`);
      }
      if (rows.length) out.push(rows.join('\n'));
    } else {
      for (const c of n.children ?? []) block(c, out);
    }
  };

  for (const c of doc.children ?? []) block(c, blocks);
  let text = blocks.join('\n\n');
  if (noteOrder.length) {
    const lines: string[] = [];
    // Notes may reference further notes; the list grows while it is walked.
    for (let i = 0; i < noteOrder.length; i++) {
      const { n, node } = noteOrder[i];
      const parts: string[] = [];
      for (const b of node.body ?? []) block(b, parts);
      lines.push(`${n} ${parts.join(' ').replace(/\s*\n\s*/gu, ' ').trim()}`);
    }
    text += '\n\n' + lines.join('\n');
  }
  return text + '\n';
}

/** Text of a .docx, or why there is none. */
export async function docxText(bytes: Uint8Array): Promise<DocxResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // An OLE compound document under a .docx name: a .docx saved with a password (its package
  // encrypted inside), else an old Word file (.doc); a PDF under a .docx name says so.
  const kind = sniff(bytes);
  if (kind === 'ole') return isEncryptedOffice(bytes) ? { failure: 'encrypted' } : { failure: 'legacy-doc' };
  if (kind === 'pdf') return { failure: 'wrong-kind', detail: 'pdf' };
  const zipProblem = await checkZip(buffer);
  if (zipProblem) return zipProblem;
  let captured: Node | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer },
      {
        externalFileAccess: false,
        transformDocument: (d: Node) => {
          captured = d;
          return { ...d, children: [] };
        },
      },
    );
  } catch (e) {
    return { failure: 'damaged', detail: (e as Error)?.message };
  }
  if (!captured) return { failure: 'damaged' };
  const text = documentText(captured);
  if (text.length > LIMITS.textChars) return { failure: 'too-big', detail: 'text' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { failure: 'no-text' };
  return { text };
}
