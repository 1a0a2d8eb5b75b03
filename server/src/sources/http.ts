/**
 * HTTP for the two public sources: bounded in time and size, every failure classified with a
 * Dutch status line. Only called with URLs built from a configured base URL and identifiers
 * parsed from the text (see `joinUrl`).
 */
import { TextDecoder as NodeTextDecoder } from 'node:util';
import * as dns from 'node:dns';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type FailureKind =
  | 'timeout'
  | 'unreachable'
  | 'server-error'
  | 'rate-limited'
  | 'rejected'
  | 'html'
  | 'malformed'
  | 'diagnostic'
  | 'offline';

/** A source that did not give a usable answer. Never thrown to the user: shown as a status. */
export class SourceError extends Error {
  constructor(
    readonly kind: FailureKind,
    /** Dutch, without the retry part: "bron niet bereikbaar". */
    readonly dutch: string,
    readonly status?: number,
    /** From a Retry-After header. */
    readonly retryAfterMs?: number,
  ) {
    super(`${kind}: ${dutch}`);
  }
}

export interface FetchOptions {
  timeoutMs: number;
  accept: string;
  /** Upper bound on the body size (bytes). */
  maxBytes?: number;
}

export interface RawResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** A base URL plus a path relative to it; the base's host is the only host ever contacted. */
export function joinUrl(base: string, rel: string): string {
  let u: URL;
  let bu: URL;
  try {
    const b = base.endsWith('/') ? base : base + '/';
    bu = new URL(b);
    u = new URL(rel, b);
  } catch {
    throw new SourceError('rejected', `ongeldig bronadres in de instellingen: ${base}`);
  }
  if (u.origin !== bu.origin || !/^https?:$/.test(u.protocol)) throw new SourceError('rejected', `ongeldig bronadres in de instellingen: ${base}`);
  return u.toString();
}

/** Seconds or HTTP-date → milliseconds (capped at one hour). */
export function parseRetryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  const s = v.trim();
  if (/^\d+$/.test(s)) return Math.min(Number(s) * 1000, 3600_000);
  const t = Date.parse(s);
  if (!Number.isNaN(t)) return Math.max(0, Math.min(t - Date.now(), 3600_000));
  return undefined;
}

function causeCode(e: unknown): string | undefined {
  let cur: any = e;
  for (let i = 0; i < 4 && cur; i++) {
    if (typeof cur.code === 'string') return cur.code;
    cur = cur.cause;
  }
  return undefined;
}

/** Names from the hosts file (an internal mirror is often named there), read once. */
let hostsTable: Map<string, string> | null = null;
function hostsFile(): Map<string, string> {
  if (hostsTable) return hostsTable;
  hostsTable = new Map();
  const file = process.platform === 'win32' ? `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\drivers\\etc\\hosts` : '/etc/hosts';
  try {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const [addr, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
      if (!addr || !net.isIP(addr)) continue;
      for (const n of names) if (!hostsTable.has(n.toLowerCase())) hostsTable.set(n.toLowerCase(), addr);
    }
  } catch {
    // No hosts file: DNS only.
  }
  return hostsTable;
}

/**
 * Name lookup without the libuv thread pool: `getaddrinfo` blocks a pool thread for seconds when
 * DNS is unreachable (offline laptop), which stalls file access and even the process exit.
 * The hosts file first, then DNS through c-ares.
 */
function lookup(hostname: string, options: any, callback: (err: NodeJS.ErrnoException | null, address: any, family?: number) => void): void {
  const done = (address: string) => {
    const family = net.isIP(address);
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const name = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIP(name)) return done(name);
  if (name === 'localhost') return done('127.0.0.1');
  const fromHosts = hostsFile().get(name);
  if (fromHosts) return done(fromHosts);
  const resolver = new dns.promises.Resolver({ timeout: 3000, tries: 2 });
  resolver
    .resolve4(name)
    .catch(() => resolver.resolve6(name))
    .then(
      (addrs) => (addrs.length ? done(addrs[0]) : callback(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }), undefined)),
      (e: NodeJS.ErrnoException) => callback(Object.assign(new Error(e.code ?? 'ENOTFOUND'), { code: e.code === 'ECONNREFUSED' || e.code === 'ETIMEOUT' ? 'EAI_AGAIN' : 'ENOTFOUND' }), undefined),
    );
}

/** GET a URL; any failure becomes a SourceError. Bounded in time (connect, answer and body). */
export function httpGet(url: string, opts: FetchOptions): Promise<RawResponse> {
  const maxBytes = opts.maxBytes ?? 20 * 1024 * 1024;
  const u = new URL(url);
  const mod = u.protocol === 'https:' ? https : u.protocol === 'http:' ? http : null;
  if (!mod) return Promise.reject(new SourceError('rejected', 'ongeldig bronadres'));
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const fail = (e: SourceError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(e);
    };
    const timer = setTimeout(() => fail(classifyNetworkError({ name: 'TimeoutError' }, opts.timeoutMs)), opts.timeoutMs);
    const req = mod.get(
      u,
      { headers: { accept: opts.accept, 'user-agent': 'antwoordbrief/0.1' }, lookup: lookup as any, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let total = 0;
        res.on('data', (c: Buffer) => {
          total += c.length;
          if (total > maxBytes) fail(new SourceError('malformed', 'bron gaf een te groot antwoord'));
          else chunks.push(c);
        });
        res.on('error', (e) => fail(classifyNetworkError(e, opts.timeoutMs)));
        res.on('aborted', () => fail(new SourceError('unreachable', 'bron niet bereikbaar (verbinding verbroken)')));
        res.on('end', () => {
          if (settled) return;
          if (!res.complete) return fail(new SourceError('unreachable', 'bron niet bereikbaar (verbinding verbroken)'));
          settled = true;
          clearTimeout(timer);
          try {
            resolve(checkStatus(res.statusCode ?? 0, res.headers, Buffer.concat(chunks)));
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', (e) => fail(classifyNetworkError(e, opts.timeoutMs)));
  });
}

function checkStatus(status: number, headers: http.IncomingHttpHeaders, body: Buffer): RawResponse {
  const contentType = String(headers['content-type'] ?? '');
  const retryAfter = headers['retry-after'];
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : null);
    if (status === 429 || retryAfterMs !== undefined)
      throw new SourceError('rate-limited', `bron vraagt om te wachten (HTTP ${status})`, status, retryAfterMs);
  }
  if (status >= 500) throw new SourceError('server-error', `bron geeft een serverfout (HTTP ${status})`, status);
  if (status === 404) return { status: 404, contentType, body };
  if (status >= 300 && status < 400) throw new SourceError('rejected', `bron verwijst door (HTTP ${status}); doorverwijzingen worden niet gevolgd`, status);
  if (status >= 400) throw new SourceError('rejected', `bron weigert het verzoek (HTTP ${status})`, status);
  return { status, contentType, body };
}

function classifyNetworkError(e: unknown, timeoutMs: number): SourceError {
  const name = (e as any)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new SourceError('timeout', `bron antwoordt niet (geen antwoord binnen ${String(Math.round(timeoutMs / 100) / 10).replace('.', ',')} s)`);
  const code = causeCode(e);
  if (code === 'ECONNREFUSED') return new SourceError('unreachable', 'bron niet bereikbaar (verbinding geweigerd)');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SourceError('unreachable', 'bron niet bereikbaar (onbekende server)');
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED')
    return new SourceError('unreachable', 'bron niet bereikbaar (verbinding verbroken)');
  return new SourceError('unreachable', 'bron niet bereikbaar');
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 512).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && head.includes('<body'));
}

/** Decode a JSON body; an HTML error page or a broken body is a SourceError. */
export function decodeJson(r: RawResponse): any {
  const text = r.body.toString('utf8').replace(/^\uFEFF/, '');
  if (looksLikeHtml(text) || /text\/html/i.test(r.contentType))
    throw new SourceError('html', 'bron gaf een HTML-foutpagina in plaats van gegevens', r.status);
  try {
    return JSON.parse(text);
  } catch {
    throw new SourceError('malformed', 'bron gaf een onleesbaar antwoord (ongeldige JSON)', r.status);
  }
}

/**
 * A decoder for an encoding label (WHATWG labels: "windows-1252", "iso-8859-1", "utf-16be" …),
 * from Node's own `TextDecoder` (its ICU knows the legacy encodings); UTF-8 for a label it does
 * not know. Invalid bytes become U+FFFD, never an error.
 */
function decoderFor(label: string): NodeTextDecoder {
  try {
    return new NodeTextDecoder(label.trim().toLowerCase());
  } catch {
    return new NodeTextDecoder('utf-8');
  }
}

/**
 * Text of an XML body in the encoding its declaration names (windows-1252 files exist),
 * else the BOM, else the HTTP charset, else UTF-8.
 */
export function decodeXmlText(body: Buffer, contentType = ''): string {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString('utf8');
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return decoderFor('utf-16le').decode(body.subarray(2));
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return decoderFor('utf-16be').decode(body.subarray(2));
  const head = body.subarray(0, 200).toString('latin1');
  const decl = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  const enc = decl?.[1] ?? /charset=([A-Za-z0-9._-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  return decoderFor(enc).decode(body);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['record', 'itemUrl', 'indiener', 'metadata', 'type', 'diagnostic', 'creator'].includes(name),
});

/** Parse an XML body (validated first: a truncated file is a SourceError, not half the data). */
export function decodeXml(r: RawResponse): any {
  const text = decodeXmlText(r.body, r.contentType);
  if (looksLikeHtml(text)) throw new SourceError('html', 'bron gaf een HTML-foutpagina in plaats van gegevens', r.status);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new SourceError('malformed', 'bron gaf een onleesbaar antwoord (ongeldige XML)', r.status);
  return parser.parse(text);
}

/** Text content of a parsed node (string, or `#text` of an element with attributes). */
export function textOf(node: any): string | null {
  if (node == null) return null;
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object' && '#text' in node) return String(node['#text']);
  return null;
}

export function asArray<T>(x: T | T[] | undefined | null): T[] {
  if (x == null) return [];
  return Array.isArray(x) ? x : [x];
}
