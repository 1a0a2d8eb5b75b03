// Reading letters from disk, for the language server and the CLI alike: the one place that
// opens a file a user, a setting or a document named, walks a folder for letters, and decodes a
// letter's bytes. A letter is a regular text file of at most a few megabytes; anything else gets
// one Dutch reason and is never read further.
import { constants, type Stats } from 'node:fs';
import { open, opendir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { URI } from 'vscode-uri';

/** The file path of a `file:` URI, or null for any other scheme (untitled, …). */
export function fsPathOf(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    // An untitled document opened at a path (the skeleton of a PDF question letter, beside it)
    // pairs as the file it will be saved as.
    if (u.scheme === 'untitled' && u.path.startsWith('/')) return u.fsPath;
    return u.scheme === 'file' ? u.fsPath : null;
  } catch {
    return null;
  }
}

/** The file names a letter may have: Markdown and plain text. */
export const LETTER_FILE = /\.(md|markdown|txt)$/i;

/** Whether a file name is a letter's. */
export function isLetterFile(name: string): boolean {
  return LETTER_FILE.test(name);
}

/**
 * The largest letter read from disk, in bytes. The longest real letter we know (a committee's
 * inbreng with the government's answers, 002_… in the corpus) is 0.12 MB; 8 MB is sixty times
 * that and keeps one read, decode and analysis well under a second and 100 MB of memory.
 */
export const MAX_LETTER_BYTES = 8 * 1024 * 1024;

/** Longest a read may take before it is given up (a hung network mount, a slow disk). */
const DEFAULT_TIMEOUT_MS = 5000;

export type ReadFailure =
  | 'not-found'
  | 'not-regular'
  | 'too-large'
  | 'access'
  | 'binary'
  | 'encoding'
  | 'outside'
  | 'timeout'
  | 'io';

export interface ReadOptions {
  /** Cap in bytes (default `MAX_LETTER_BYTES`). */
  maxBytes?: number;
  /**
   * When given, the file (after following symbolic links) must lie inside one of these folders;
   * used for paths an untrusted workspace names.
   */
  within?: readonly string[];
  timeoutMs?: number;
}

export interface LetterFile {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Size in bytes and modification time, to cache a file per modification. */
  size: number;
  mtimeMs: number;
}

/** Why a file was not read: `reason` is one Dutch clause without the file name ("bestand niet gevonden"). */
export interface ReadError {
  error: ReadFailure;
  reason: string;
  /** For `too-large`: the size in bytes found. */
  size?: number;
}

export type ReadResult = LetterFile | ReadError;

export function isReadError(r: ReadResult): r is ReadError {
  return 'error' in r;
}

function fail(error: ReadFailure, reason: string): ReadError {
  return { error, reason };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0).replace('.', ',');
}

function notRegular(st: Stats): ReadError {
  if (st.isDirectory()) return fail('not-regular', 'dit is een map, geen gewoon bestand');
  const what = st.isFIFO() ? 'een FIFO' : st.isCharacterDevice() || st.isBlockDevice() ? 'een apparaat' : st.isSocket() ? 'een socket' : 'geen bestand met inhoud';
  return fail('not-regular', `dit is geen gewoon bestand (${what}); geef een brief op als tekst- of Markdownbestand`);
}

function tooLarge(size: number, max: number): ReadError {
  return { ...fail('too-large', `dit bestand is te groot (${megabytes(size)} MB; een brief is hoogstens ${megabytes(max)} MB)`), size };
}

/** Null, or why `file` cannot name a file at all: a NUL, or half a UTF-16 surrogate pair (a broken edit). */
function badName(file: string): ReadError | null {
  if (file.includes('\0') || /\p{Cs}/u.test(file)) return fail('io', 'de bestandsnaam bevat een ongeldig teken (een nulteken of een half teken)');
  return null;
}

function errnoFailure(e: unknown): ReadError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE') return fail('io', 'de bestandsnaam bevat een ongeldig teken (een nulteken of een half teken)');
  if (code === 'ENAMETOOLONG') return fail('io', 'de bestandsnaam is te lang');
  if (code === 'EMFILE' || code === 'ENFILE') return fail('io', 'kan dit bestand nu niet lezen: er staan te veel bestanden tegelijk open');
  if (code === 'EIO') return fail('io', 'kan dit bestand niet lezen: leesfout van de schijf');
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('not-found', 'bestand niet gevonden');
  if (code === 'EACCES' || code === 'EPERM') return fail('access', 'geen toegang tot dit bestand');
  if (code === 'EISDIR') return fail('not-regular', 'dit is een map, geen gewoon bestand');
  // Not 'not-found': the file is there, its path is not usable (the link's message must say so).
  if (code === 'ELOOP') return fail('io', 'dit pad verwijst in een kring naar zichzelf');
  return fail('io', code ? `kan dit bestand niet lezen (systeemfout ${code})` : 'kan dit bestand niet lezen (onbekende fout)');
}

/**
 * Decodes a letter's bytes: UTF-8 (an optional byte-order mark dropped), or UTF-16 when a
 * byte-order mark says so. Strict: an invalid byte sequence or a NUL character is a failure,
 * and UTF-16 without a byte-order mark is named as such (never "binary").
 */
export function decodeLetter(bytes: Uint8Array): Pick<LetterFile, 'text' | 'encoding'> | ReadError {
  let text: string;
  let encoding: LetterFile['encoding'] = 'utf-8';
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (bytes.length % 2 !== 0) return fail('encoding', 'dit bestand is UTF-16-tekst met een onvolledig laatste teken; sla de brief op als UTF-8');
    let body = bytes.subarray(2);
    if (encoding === 'utf-16be') body = Buffer.from(body).swap16();
    try {
      text = new TextDecoder('utf-16le', { fatal: true }).decode(body);
    } catch {
      return fail('encoding', 'dit bestand is UTF-16-tekst met ongeldige tekens; sla de brief op als UTF-8');
    }
  } else {
    try {
      // ignoreBOM false: a UTF-8 byte-order mark is dropped.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      if (looksUtf16(bytes)) return fail('encoding', 'dit bestand lijkt UTF-16-tekst zonder byte-order mark; sla de brief op als UTF-8');
      if (bytes.includes(0)) return fail('binary', 'dit is geen tekstbestand (binaire inhoud); sla de brief op als tekst of Markdown');
      return fail('encoding', 'dit bestand is geen geldige UTF-8-tekst; sla de brief op als UTF-8');
    }
  }
  // A NUL character never occurs in a letter's text: a binary file (PDF, Word, image, …).
  if (text.includes('\0')) {
    if (encoding === 'utf-8' && looksUtf16(bytes)) return fail('encoding', 'dit bestand lijkt UTF-16-tekst zonder byte-order mark; sla de brief op als UTF-8');
    return fail('binary', 'dit is geen tekstbestand (binaire inhoud); sla de brief op als tekst of Markdown');
  }
  return { text, encoding };
}

/** Text in UTF-16 without a BOM: most of the first bytes' odd or even positions are NUL. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > half * 0.6 && even < half * 0.1) || (even > half * 0.6 && odd < half * 0.1);
}

function isInside(file: string, roots: readonly string[]): boolean {
  return roots.some((r) => {
    const rel = path.relative(r, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

async function realRoots(roots: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const r of roots) {
    try {
      out.push(await realpath(r));
    } catch {
      // A root that does not exist holds nothing.
    }
  }
  return out;
}

/** A failure when `opts.within` is given and the file (links followed) lies outside it. */
async function outsideRoots(file: string, opts: ReadOptions): Promise<ReadError | null> {
  if (!opts.within) return null;
  let real: string;
  try {
    real = await realpath(file);
  } catch (e) {
    return errnoFailure(e);
  }
  if (isInside(real, await realRoots(opts.within))) return null;
  return fail('outside', 'dit bestand ligt buiten de werkruimte; in een niet-vertrouwde werkruimte worden alleen brieven binnen de werkruimte gelezen');
}

/** The bytes of a regular file (see `readFileBytes`), without the time bound. */
async function readBytesOnce(file: string, opts: ReadOptions): Promise<{ bytes: Uint8Array; size: number; mtimeMs: number } | ReadError> {
  const max = opts.maxBytes ?? MAX_LETTER_BYTES;
  const bad = badName(file);
  if (bad) return bad;
  const outside = await outsideRoots(file, opts);
  if (outside) return outside;
  // Look before opening: a FIFO, a device or a folder is never opened at all.
  let st: Stats;
  try {
    st = await stat(file);
  } catch (e) {
    return errnoFailure(e);
  }
  if (!st.isFile()) return notRegular(st);
  if (st.size > max) return tooLarge(st.size, max);
  let handle;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it cannot hang.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    return errnoFailure(e);
  }
  try {
    const fst = await handle.stat();
    if (!fst.isFile()) return notRegular(fst);
    if (fst.size > max) return tooLarge(fst.size, max);
    // Read at most max + 1 bytes, whatever the size said: the file may grow while it is read.
    const buffer = Buffer.allocUnsafe(Math.min(fst.size, max) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > max) return tooLarge(length, max);
    return { bytes: buffer.subarray(0, length), size: length, mtimeMs: fst.mtimeMs };
  } catch (e) {
    return errnoFailure(e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** `promise`, or a `timeout` failure after `timeoutMs` (a hung network mount, a slow disk). */
async function bounded<T>(promise: Promise<T | ReadError>, timeoutMs: number | undefined): Promise<T | ReadError> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadError>((resolve) => {
    timer = setTimeout(() => resolve(fail('timeout', 'het lezen van dit bestand duurde te lang')), timeoutMs ?? DEFAULT_TIMEOUT_MS);
    timer.unref?.();
  });
  try {
    return await Promise.race([promise.catch(errnoFailure), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The bytes of a regular file of at most `opts.maxBytes` bytes (default `MAX_LETTER_BYTES`),
 * with the checks of `readLetterFile` but no decoding: for a PDF or Word letter, which
 * host/extract turns into text. Never throws; a failure is a `ReadError` with a Dutch reason.
 */
export function readFileBytes(file: string, opts: ReadOptions = {}): Promise<{ bytes: Uint8Array; size: number; mtimeMs: number } | ReadError> {
  return bounded(readBytesOnce(file, opts), opts.timeoutMs);
}

async function readOnce(file: string, opts: ReadOptions): Promise<ReadResult> {
  const read = await readBytesOnce(file, opts);
  if ('error' in read) return read;
  const decoded = decodeLetter(read.bytes);
  if ('error' in decoded) return decoded;
  return { ...decoded, size: read.size, mtimeMs: read.mtimeMs };
}

/**
 * Reads a letter file: a regular file only (a folder, FIFO, device or socket is refused without
 * being opened), at most `opts.maxBytes` bytes (default `MAX_LETTER_BYTES`), decoded strictly as
 * UTF-8 or as UTF-16 with a byte-order mark, never blocking the event loop (all I/O is async)
 * and given up after `opts.timeoutMs`. Never throws: a failure is a `ReadError` with a Dutch
 * reason ("dit is geen gewoon bestand (een FIFO); …") for the host to prefix with the file name.
 */
export function readLetterFile(file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  return bounded(readOnce(file, opts), opts.timeoutMs);
}

/** Same check as `readLetterFile` without reading: size and modification time of a regular file. */
export async function statLetterFile(file: string, opts: ReadOptions = {}): Promise<{ size: number; mtimeMs: number } | ReadError> {
  try {
    const bad = badName(file);
    if (bad) return bad;
    const outside = await outsideRoots(file, opts);
    if (outside) return outside;
    const st = await stat(file);
    if (!st.isFile()) return notRegular(st);
    const max = opts.maxBytes ?? MAX_LETTER_BYTES;
    if (st.size > max) return tooLarge(st.size, max);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    return errnoFailure(e);
  }
}

/**
 * What the context of one letter reads from its folder (issue 10: a 54-byte letter beside 13 MB
 * of letters once read them all). Other letters are read only when the letter names a motion
 * without its number (they may link it), at most `letters` of them and `bytes` together, the
 * letter's own folder first; a question letter is looked for among at most `candidates` letters
 * of its folder, each at most `questionLetterBytes` (a question letter is a few KB; the longest
 * inbreng we know 0.12 MB), the smallest first and `candidateBytes` together.
 */
export const CONTEXT_LIMITS = { letters: 100, bytes: 16 * 1024 * 1024, candidates: 60, questionLetterBytes: 2 * 1024 * 1024, candidateBytes: 4 * 1024 * 1024 };

/** How deep and how many letter files a workspace walk takes (the workspace check, `check MAP`). */
export const WORKSPACE_LIMITS = { maxDepth: 6, files: 2000 };

/**
 * Letter files under `root` in name order, bounded in depth and count, none larger than
 * `MAX_LETTER_BYTES` (the workspace check, `check MAP`), with why the list was cut, if it was
 * (`walkNotice` says it in Dutch). Async; never throws.
 */
export function letterFiles(root: string, limit = WORKSPACE_LIMITS.files, listings?: FolderListings): Promise<WalkResult> {
  return walkFolder(root, { maxDepth: WORKSPACE_LIMITS.maxDepth, limit, listings, acceptName: isLetterFile, accept: (_name, size) => size <= MAX_LETTER_BYTES });
}

export interface WalkOptions {
  maxDepth: number;
  limit: number;
  /** Which files to list, by name and size in bytes. */
  accept(name: string, size: number): boolean;
  /** Which file names may be accepted at all (others are not even looked at); default all. */
  acceptName?(name: string): boolean;
  /** The folder listings to share with other walks (each folder listed and each file looked at once); default a fresh set. */
  listings?: FolderListings;
}

/**
 * The files a walk found, and why it stopped early: `files` when more files would have been
 * listed than the limit, `entries` when a folder had more entries than are looked at
 * (`MAX_DIR_ENTRIES`), `depth` when a folder lay deeper than `maxDepth` (`folder`: the first
 * one met); null when nothing was left out.
 */
export interface WalkResult {
  files: string[];
  /** The size in bytes of each of `files`, as the walk looked at it. */
  sizes: number[];
  cut: null | { by: 'files' | 'entries' | 'depth'; limit: number; folder?: string };
}

/** Entries of one folder looked at: a folder of a million files costs no more than this. */
export const MAX_DIR_ENTRIES = 10_000;

/** One entry of a folder as listed: its kind from the listing itself (a link is looked at when needed). */
interface FolderEntry {
  name: string;
  link: boolean;
  dir: boolean;
  file: boolean;
  /** What `stat` (links followed) said, once looked at. */
  stat?: Promise<Stats | null>;
}

interface Listing {
  entries: FolderEntry[];
  /** The folder had more entries than `MAX_DIR_ENTRIES`. */
  more: boolean;
  at: number;
}

/** Entries kept over all folders listed (about 100 bytes each): the oldest folders are forgotten first. */
const MAX_LISTED_ENTRIES = 100_000;

/**
 * The folders listed, each once (and each of its files looked at once) until `clear`, or until
 * `ttlMs()` has passed (the language server: a file made or deleted shows up without a watcher
 * too). Shared by all walks of one run of the CLI and by the server's walks, so that checking
 * every letter of a folder lists and stats that folder once, not once per letter (issue 10).
 * Hidden entries, node_modules, files no walk takes (`LISTED_FILE`) and anything that is not a
 * file, folder or link are left out.
 */
export class FolderListings {
  private readonly listings = new Map<string, Promise<Listing | null>>();
  private readonly sizes = new Map<string, number>();
  private entries = 0;
  /** Counts the `clear`s: what was built on the listings of an earlier generation is stale. */
  generation = 0;

  /** @param ttlMs how long a listing holds, in ms (default: until `clear`). */
  constructor(readonly ttlMs: () => number = () => Infinity) {}

  /** The entries of `dir` in name order, or null when it cannot be listed. */
  async list(dir: string): Promise<Listing | null> {
    const hit = this.listings.get(dir);
    if (hit) {
      const l = await hit;
      if (l && Date.now() - l.at < this.ttlMs()) return l;
      if (this.listings.get(dir) === hit) this.drop(dir);
    }
    const made = listFolder(dir);
    this.listings.set(dir, made);
    const l = await made;
    if (this.listings.get(dir) === made) {
      const n = l?.entries.length ?? 0;
      this.sizes.set(dir, n);
      this.entries += n;
      for (const k of this.listings.keys()) {
        if (this.entries <= MAX_LISTED_ENTRIES || k === dir) break;
        this.drop(k);
      }
    }
    return l;
  }

  private drop(dir: string): void {
    this.entries -= this.sizes.get(dir) ?? 0;
    this.sizes.delete(dir);
    this.listings.delete(dir);
  }

  /** `stat` (links followed) of an entry of `dir`, once per listing; null when it cannot be looked at. */
  stat(dir: string, entry: FolderEntry): Promise<Stats | null> {
    entry.stat ??= stat(path.join(dir, entry.name)).catch(() => null);
    return entry.stat;
  }

  /** Forget every listing (files were made, changed or deleted). */
  clear(): void {
    this.listings.clear();
    this.sizes.clear();
    this.entries = 0;
    this.generation++;
  }
}

/**
 * The files any walk may take (letters, PDF and Word letters, papers saved by their id: see
 * `idFromFileName` in core/features/citationLookup.ts); only these count towards a folder's
 * `MAX_DIR_ENTRIES`, so a folder of many other files (images, data) does not hide its letters.
 */
const LISTED_FILE = /\.(md|markdown|txt|pdf|docx|xml|html?)$/iu;

async function listFolder(dir: string): Promise<Listing | null> {
  const entries: FolderEntry[] = [];
  let more = false;
  try {
    const handle = await opendir(dir);
    for await (const e of handle) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const link = e.isSymbolicLink();
      if (!link && !e.isDirectory() && !(e.isFile() && LISTED_FILE.test(e.name))) continue;
      if (entries.length >= MAX_DIR_ENTRIES) {
        more = true;
        break;
      }
      entries.push({ name: e.name, link, dir: e.isDirectory(), file: e.isFile() });
    }
  } catch {
    return null;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { entries, more, at: Date.now() };
}

/** A file's or folder's identity: the same real file under two paths (a link, a linked folder) is one. */
const identity = (st: Stats) => `${st.dev}:${st.ino}`;

/**
 * Regular files under `root` in name order (async, bounded in depth and count, at most
 * `MAX_DIR_ENTRIES` entries of a folder looked at); hidden folders, node_modules, unreadable
 * entries and anything that is not a regular file or folder skipped. Every walk of the project
 * is this one: links are followed, but each real folder is walked once and each real file listed
 * once (by device and inode), so a link to a folder above it (a loop) or many links to one
 * folder cost no more than the real tree. Only names `acceptName` takes and folders are looked at
 * (`stat`). Never throws.
 */
export async function walkFolder(root: string, options: WalkOptions): Promise<WalkResult> {
  const listings = options.listings ?? new FolderListings();
  const acceptName = options.acceptName ?? (() => true);
  const out: string[] = [];
  const sizes: number[] = [];
  const folders = new Set<string>();
  const files = new Set<string>();
  let cut: WalkResult['cut'] = null;
  // Links are followed after the real tree, so that a file or folder is found under its own path
  // (not under the name of a link to it) whenever that path lies within the walk.
  const links: { dir: string; entry: FolderEntry; depth: number }[] = [];
  // A folder too deep is left out; the notice names the first one (a cut by count says more). A
  // walk of one folder alone (maxDepth 0) leaves its subfolders out by design: no news.
  const tooDeep = (folder: string) => {
    if (!cut && options.maxDepth > 0) cut = { by: 'depth', limit: options.maxDepth, folder };
  };
  const visit = async (dir: string, entry: FolderEntry, depth: number): Promise<void> => {
    const st = await listings.stat(dir, entry);
    if (!st) return;
    const p = path.join(dir, entry.name);
    if (st.isDirectory()) {
      if (folders.has(identity(st))) return;
      if (depth >= options.maxDepth) return tooDeep(p);
      folders.add(identity(st));
      await walk(p, depth + 1);
    } else if (st.isFile() && acceptName(entry.name) && options.accept(entry.name, st.size)) {
      if (files.has(identity(st))) return;
      if (out.length >= options.limit) {
        cut = { by: 'files', limit: options.limit };
        return;
      }
      files.add(identity(st));
      out.push(p);
      sizes.push(st.size);
    }
  };
  const walk = async (dir: string, depth: number): Promise<void> => {
    const listing = await listings.list(dir);
    if (!listing) return;
    if (listing.more && (!cut || cut.by === 'depth')) cut = { by: 'entries', limit: MAX_DIR_ENTRIES, folder: dir };
    for (const entry of listing.entries) {
      if (cut?.by === 'files') return;
      if (entry.link) {
        links.push({ dir, entry, depth });
        continue;
      }
      // Only what may be listed, and the folders to walk.
      if (!entry.dir && !(entry.file && acceptName(entry.name))) continue;
      if (entry.dir && depth >= options.maxDepth) {
        tooDeep(path.join(dir, entry.name));
        continue;
      }
      await visit(dir, entry, depth);
    }
  };
  const top = await stat(root).catch(() => null);
  if (!top?.isDirectory()) return { files: out, sizes, cut };
  folders.add(identity(top));
  await walk(root, 0);
  // Each link once, in the order met (a linked folder's own links join the end of the queue).
  for (let i = 0; i < links.length && (cut as WalkResult['cut'])?.by !== 'files'; i++) await visit(links[i].dir, links[i].entry, links[i].depth);
  return { files: out, sizes, cut };
}

/** `walkFolder`'s files alone, for a walk whose limit is no news to the user (a bounded search). */
export async function walkLetterFiles(root: string, options: WalkOptions): Promise<string[]> {
  return (await walkFolder(root, options)).files;
}

/**
 * The Dutch notice when a walk of `root` was cut (one line, for the CLI's stderr, its JSON and the
 * workspace check's message), or null when nothing was left out.
 */
export function walkNotice(root: string, result: WalkResult): string | null {
  const cut = result.cut;
  if (!cut) return null;
  const where = displayPath(root);
  if (cut.by === 'files') return `${where}: meer dan ${cut.limit} brieven gevonden; alleen de eerste ${cut.limit} (op naam) zijn gecontroleerd`;
  if (cut.by === 'depth') return `${where}: mappen dieper dan ${cut.limit} niveaus zijn overgeslagen (bijvoorbeeld ${displayPath(cut.folder ?? root)})`;
  return `${where}: de map ${displayPath(cut.folder ?? root)} bevat meer dan ${cut.limit} bestanden; alleen de eerste ${cut.limit} zijn bekeken`;
}

/** The longest path a system accepts (Linux PATH_MAX); a longer name in a message is cut there. */
const MAX_DISPLAY_PATH = 4096;

/**
 * A file name for one line of output (CLI lines, diagnostics, error replies): control characters (a newline in a file name would break
 * the `file:line:col` lines) are written as escapes (`\n`, `\t`, `\x1b`); a name longer than any
 * real path (a typed or generated one) is cut at 4,096 characters with "…", so no message echoes unbounded input.
 */
export function displayPath(file: string): string {
  if (file.length > MAX_DISPLAY_PATH) file = `${file.slice(0, MAX_DISPLAY_PATH - 1)}…`;
  return file.replace(/[\u0000-\u001f\u007f]/gu, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
