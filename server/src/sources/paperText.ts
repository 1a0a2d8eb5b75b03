/**
 * Go to definition on a paper outside the workspace: download its publication XML, convert it
 * to readable Markdown (citation and title on top, then the body), store it in the cache folder
 * as `papers/<id>.md` and say where the body starts (for a motion: "verzoekt de regering/het kabinet").
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import writeFileAtomic from 'write-file-atomic';
import type { PaperRef } from '../core/citations/types';
import type { PaperFacts } from '../core/facts';
import { fileNameOf } from './cache';
import { SourceError } from './http';
import type { KoopClient } from './koop';
import { collapseWhitespace } from '../core/text';

export interface PaperTextResult {
  path: string;
  /** 0-based line where the body (or "verzoekt de regering") starts. */
  line: number;
}

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
});

type Node = Record<string, any>;

const BLOCK = new Set(['al', 'titel', 'tussenkop', 'kop', 'li', 'tekstregel', 'datumtekst', 'stuknr', 'ondertekening', 'functie', 'naam', 'vraag', 'antwoord', 'omschrijving', 'kamervraagomschrijving', 'dagtekening', 'slotformulering', 'aanhef', 'afkondiging', 'nr']);
const SKIP = new Set(['metadata', 'meta', 'kamerstukkop', 'noot', 'voetnoot']);

function tagOf(n: Node): string | null {
  for (const k of Object.keys(n)) if (k !== ':@' && k !== '#text') return k;
  return null;
}

function inlineText(nodes: Node[]): string {
  let s = '';
  for (const n of nodes) {
    if ('#text' in n) s += String(n['#text']);
    else {
      const t = tagOf(n);
      if (t && !SKIP.has(t)) s += inlineText(n[t] as Node[]);
    }
  }
  return s;
}

const norm = collapseWhitespace;

/** Paragraphs of the body, in document order. */
function blocks(nodes: Node[], out: { tag: string; text: string }[]): void {
  for (const n of nodes) {
    const t = tagOf(n);
    if (!t || SKIP.has(t)) continue;
    const children = n[t] as Node[];
    const hasBlockChild = children.some((c) => {
      const ct = tagOf(c);
      return !!ct && (BLOCK.has(ct) || !isInline(ct));
    });
    if (BLOCK.has(t) && !hasBlockChild) {
      const text = norm(inlineText(children));
      if (text) out.push({ tag: t, text });
    } else {
      blocks(children, out);
    }
  }
}

const INLINE = new Set(['nadruk', 'extref', 'intref', 'sup', 'sub', 'datum', 'ondernummer', 'br', 'noot-ref', 'nootref', 'unl', 'i', 'b', 'u']);
function isInline(tag: string): boolean {
  return INLINE.has(tag);
}

function find(nodes: Node[], tag: string): Node[] | null {
  for (const n of nodes) {
    const t = tagOf(n);
    if (!t) continue;
    if (t === tag) return n[t];
    const r = find(n[t], tag);
    if (r) return r;
  }
  return null;
}

/** Keep body text from being read as Markdown structure at the start of a line. */
function mdLine(s: string): string {
  return s.replace(/^([#>*+\-=|]|\d+[.)])/, '\\$1').replace(/</g, '&lt;');
}

/** Convert a publication XML to Markdown; `line` is where the body starts. */
export function publicationToMarkdown(xml: string, ref: PaperRef, facts?: PaperFacts): { markdown: string; line: number } {
  const tree = orderedParser.parse(xml) as Node[];
  const stuk = find(tree, 'stuk') ?? find(tree, 'kamervragen') ?? tree;
  const dossier = find(tree, 'dossier');
  const dossierTitle = dossier ? norm(inlineText(find(dossier, 'titel') ?? [])) : facts?.dossierTitle ?? '';
  const all: { tag: string; text: string }[] = [];
  blocks(stuk, all);
  const lines: string[] = [];
  lines.push(`# ${mdLine(ref.canonical || ref.id)}`, '');
  let titleIdx = all.findIndex((b) => b.tag === 'titel');
  const title = titleIdx >= 0 ? all[titleIdx].text : facts?.title ?? '';
  if (title) lines.push(`**${mdLine(title)}**`, '');
  if (dossierTitle) lines.push(`Dossier: ${mdLine(dossierTitle)}`, '');
  lines.push(`Bron: officielebekendmakingen.nl (${ref.id})`, '', '---', '');
  const bodyStart = lines.length;
  let target = -1;
  for (let i = 0; i < all.length; i++) {
    if (i === titleIdx) continue;
    const b = all[i];
    // The operative part: "verzoekt de regering", "verzoekt het kabinet", "roept de regering op".
    if (target < 0 && /^(verzoekt|roept)\s/i.test(b.text)) target = lines.length;
    lines.push(b.tag === 'tussenkop' || b.tag === 'kop' ? `## ${mdLine(b.text)}` : mdLine(b.text), '');
  }
  if (titleIdx < 0) titleIdx = 0;
  return { markdown: lines.join('\n'), line: target >= 0 ? target : bodyStart };
}

export async function downloadPaperText(
  ref: PaperRef,
  ctx: { koop: KoopClient; cacheDir: string; offline: boolean; facts?: PaperFacts },
): Promise<PaperTextResult> {
  const dir = path.join(ctx.cacheDir, 'papers');
  const file = path.join(dir, fileNameOf(ref.id) + '.md');
  const metaFile = file + '.line';
  try {
    const [text, lineText] = await Promise.all([fsp.readFile(file, 'utf8'), fsp.readFile(metaFile, 'utf8')]);
    const line = Number(lineText);
    if (text && Number.isInteger(line)) return { path: file, line };
  } catch {
    // Not downloaded yet.
  }
  if (ctx.offline) throw new SourceError('offline', 'offline: de tekst van dit stuk staat niet in de cache');
  const workPath = await ctx.koop.workPathOf(ref.id);
  const xml = await ctx.koop.publicationXmlText(ref.id, workPath);
  if (xml == null) throw new SourceError('rejected', 'de tekst van dit stuk is niet gevonden bij officielebekendmakingen.nl');
  const { markdown, line } = publicationToMarkdown(xml, ref, ctx.facts);
  await fsp.mkdir(dir, { recursive: true });
  await writeFileAtomic(file, markdown);
  await writeFileAtomic(metaFile, String(line));
  return { path: file, line };
}
