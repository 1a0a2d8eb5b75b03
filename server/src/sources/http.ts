/**
 * HTTP for the two public sources: bounded in time and size, every failure classified with a
 * Dutch status line. Only called with URLs built from a configured base URL and identifiers
 * parsed from the text (see `joinUrl`).
 */
import iconv from 'iconv-lite';
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
  const b = base.endsWith('/') ? base : base + '/';
  const u = new URL(rel, b);
  const bu = new URL(b);
  if (u.origin !== bu.origin) throw new SourceError('rejected', 'ongeldige bronadres');
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

/** GET a URL; any failure becomes a SourceError. */
export async function httpGet(url: string, opts: FetchOptions): Promise<RawResponse> {
  const maxBytes = opts.maxBytes ?? 20 * 1024 * 1024;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: opts.accept, 'user-agent': 'antwoordbrief/0.1' }, signal, redirect: 'error' });
  } catch (e) {
    throw classifyNetworkError(e, opts.timeoutMs);
  }
  let body: Buffer;
  try {
    const reader = res.body?.getReader();
    const chunks: Buffer[] = [];
    let total = 0;
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new SourceError('malformed', 'bron gaf een te groot antwoord');
        }
        chunks.push(Buffer.from(value));
      }
    }
    body = Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw classifyNetworkError(e, opts.timeoutMs);
  }
  const contentType = res.headers.get('content-type') ?? '';
  if (res.status === 429 || res.status === 503) {
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    if (res.status === 429 || retryAfterMs !== undefined)
      throw new SourceError('rate-limited', `bron vraagt om te wachten (HTTP ${res.status})`, res.status, retryAfterMs);
  }
  if (res.status >= 500) throw new SourceError('server-error', `bron geeft een serverfout (HTTP ${res.status})`, res.status);
  if (res.status === 404) return { status: 404, contentType, body };
  if (res.status >= 400) throw new SourceError('rejected', `bron weigert het verzoek (HTTP ${res.status})`, res.status);
  return { status: res.status, contentType, body };
}

function classifyNetworkError(e: unknown, timeoutMs: number): SourceError {
  const name = (e as any)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new SourceError('timeout', `bron antwoordt niet (geen antwoord binnen ${String(Math.round(timeoutMs / 100) / 10).replace('.', ',')} s)`);
  const code = causeCode(e);
  if (code === 'ECONNREFUSED') return new SourceError('unreachable', 'bron niet bereikbaar (verbinding geweigerd)');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SourceError('unreachable', 'bron niet bereikbaar (onbekende server)');
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE')
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
 * Text of an XML body in the encoding its declaration names (windows-1252 files exist),
 * else the BOM, else the HTTP charset, else UTF-8.
 */
export function decodeXmlText(body: Buffer, contentType = ''): string {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString('utf8');
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return iconv.decode(body.subarray(2), 'utf16le');
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return iconv.decode(body.subarray(2), 'utf16be');
  const head = body.subarray(0, 200).toString('latin1');
  const decl = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  let enc = decl?.[1] ?? /charset=([A-Za-z0-9._-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  if (!iconv.encodingExists(enc)) enc = 'utf-8';
  return iconv.decode(body, enc);
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
