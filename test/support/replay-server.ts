/**
 * A real HTTP server on 127.0.0.1 (random port) that answers like the two public sources from
 * recorded records: the Tweede Kamer OData v4 API (`/OData/v4/2.0/…`, the filter forms the
 * client sends, evaluated over the recorded records) and the publication platform (`/sru`,
 * `/frbr/officielepublicaties/…`). Faults can be switched on to test a slow or broken source.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface KoopEntry {
  /** FRBR work path, e.g. `kst/36410-X/kst-36410-X-46`. */
  workPath: string;
  /** A whole SRU searchRetrieveResponse for `dt.identifier==<id>`, or one `<sru:record>`. */
  sru?: Buffer;
  metadata?: Buffer;
  owms?: Buffer;
  xml?: Buffer;
}

export interface ReplayDataset {
  documents: any[];
  zaken: any[];
  dossiers: any[];
  koop: Map<string, KoopEntry>;
}

export type Fault =
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string; contentType?: string }
  /** A 200 whose body is cut in half. */
  | { kind: 'truncate' }
  /** A 200 with an HTML error page (what a proxy or maintenance page gives). */
  | { kind: 'html' }
  /** Close the socket without an answer. */
  | { kind: 'reset' }
  /** Answer normally, but only after `ms` milliseconds. */
  | { kind: 'delay'; ms: number };

export interface ReplayServer {
  url: string;
  tkUrl: string;
  koopUrl: string;
  /** Every request path (with query) in arrival order. */
  requests: string[];
  /** A fault for requests whose path starts with `prefix` (all when omitted); `times` limits it. */
  setFault(fault: Fault | null, opts?: { prefix?: string; times?: number }): void;
  /** How the OData filter `Toevoeging eq null` is treated: honoured, rejected with 400, or ignored. */
  nullFilter: 'honour' | 'reject' | 'ignore';
  close(): Promise<void>;
}

const SRU_NS =
  'xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse" xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:c="http://standaarden.overheid.nl/collectie/"';

function sruEnvelope(query: string, records: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<sru:searchRetrieveResponse ${SRU_NS}>\n<sru:version>2.0</sru:version>\n` +
    `<sru:numberOfRecords>${records.length}</sru:numberOfRecords>\n` +
    (records.length ? `<sru:records>\n${records.join('\n')}\n</sru:records>\n` : '') +
    `<sru:echoedSearchRetrieveRequest><sru:query>${query.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</sru:query></sru:echoedSearchRetrieveRequest>\n` +
    `</sru:searchRetrieveResponse>\n`
  );
}

function odataError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { code: '', message } }));
}

/** OData `eq` on strings: exact, case included (the client must cope with "xiii" vs "XIII"). */
function sameToev(a: any, b: string | null): boolean {
  return String(a ?? '') === String(b ?? '');
}

/** `null`, `'X'` (OData string literal) → value; undefined when the clause is absent. */
function literal(s: string | undefined): string | null | undefined {
  if (s === undefined) return undefined;
  if (s === 'null') return null;
  return s.slice(1, -1).replace(/''/g, "'");
}

export async function startReplayServer(data: ReplayDataset): Promise<ReplayServer> {
  const requests: string[] = [];
  let fault: { fault: Fault; prefix?: string; times?: number } | null = null;
  const sockets = new Set<import('node:net').Socket>();
  const state = { nullFilter: 'honour' as ReplayServer['nullFilter'] };

  const server = http.createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    requests.push(rawUrl);
    const u = new URL(rawUrl, 'http://127.0.0.1');
    if (fault && (!fault.prefix || u.pathname.startsWith(fault.prefix))) {
      const f = fault.fault;
      if (fault.times !== undefined && --fault.times <= 0) fault = null;
      if (f.kind === 'hang') return; // never answers
      if (f.kind === 'delay') {
        setTimeout(() => route(u, res), f.ms);
        return;
      }
      if (f.kind === 'reset') return req.socket.destroy();
      if (f.kind === 'status') {
        res.writeHead(f.status, { 'content-type': f.contentType ?? 'text/plain', ...(f.headers ?? {}) });
        return res.end(f.body ?? '');
      }
      if (f.kind === 'html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<!DOCTYPE html><html><head><title>Onderhoud</title></head><body><h1>Wij zijn zo terug</h1></body></html>');
      }
      if (f.kind === 'truncate') {
        const chunks: Buffer[] = [];
        const fake = {
          writeHead: (s: number, h: any) => res.writeHead(s, h),
          end: (b?: any) => {
            const buf = Buffer.isBuffer(b) ? b : Buffer.from(String(b ?? ''));
            chunks.push(buf);
            res.end(buf.subarray(0, Math.floor(buf.length / 2)));
          },
        } as unknown as http.ServerResponse;
        return route(u, fake);
      }
    }
    route(u, res);
  });

  function route(u: URL, res: http.ServerResponse): void {
    const p = u.pathname;
    if (p.startsWith('/OData/v4/2.0/')) return odata(p.slice('/OData/v4/2.0/'.length), u.searchParams, res);
    if (p === '/sru') return sru(u.searchParams, res);
    const m = /^\/frbr\/officielepublicaties\/(.+)\/1\/(metadata|metadataowms|xml)\/([^/]+)$/.exec(p);
    if (m) {
      for (const [id, e] of data.koop) {
        if (e.workPath !== m[1]) continue;
        const body = m[2] === 'metadata' && m[3] === 'metadata.xml' ? e.metadata : m[2] === 'metadataowms' ? e.owms : m[3] === `${id}.xml` ? e.xml : undefined;
        if (body) {
          res.writeHead(200, { 'content-type': 'application/xml' });
          res.end(body);
          return;
        }
      }
    }
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<html><body>Niet gevonden</body></html>');
  }

  function sendOData(res: http.ServerResponse, set: string, value: any[]): void {
    res.writeHead(200, { 'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8', 'OData-Version': '4.0' });
    res.end(JSON.stringify({ '@odata.context': `https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#${set}`, value }));
  }

  function odata(set: string, q: URLSearchParams, res: http.ServerResponse): void {
    const filter = q.get('$filter') ?? '';
    if (state.nullFilter === 'reject' && /eq null/.test(filter)) return odataError(res, 400, "The query specified in the URI is not valid. 'null' is not supported here.");
    const ignoreNull = state.nullFilter === 'ignore';
    if (set === 'Document') {
      const m = /^Verwijderd eq false and Volgnummer eq (\d+) and Kamerstukdossier\/any\(d: d\/Nummer eq (\d+)(?: and d\/Toevoeging eq (null|'(?:[^']|'')*'))?\)$/.exec(filter);
      if (!m) return odataError(res, 400, 'unsupported filter in replay: ' + filter);
      let toev = literal(m[3]);
      if (toev === null && ignoreNull) toev = undefined;
      const rows = data.documents.filter(
        (d) =>
          d.Verwijderd === false &&
          d.Volgnummer === Number(m[1]) &&
          (d.Kamerstukdossier ?? []).some((k: any) => k.Nummer === Number(m[2]) && (toev === undefined || sameToev(k.Toevoeging, toev) && (toev !== null || k.Toevoeging == null))),
      );
      return sendOData(res, 'Document(Kamerstukdossier(),DocumentActor(),Zaak())', rows);
    }
    if (set === 'Kamerstukdossier') {
      const m = /^Verwijderd eq false and Nummer eq (\d+)(?: and Toevoeging eq (null|'(?:[^']|'')*'))?$/.exec(filter);
      if (!m) return odataError(res, 400, 'unsupported filter in replay: ' + filter);
      let toev = literal(m[2]);
      if (toev === null && ignoreNull) toev = undefined;
      const rows = data.dossiers.filter((k) => k.Nummer === Number(m[1]) && (toev === undefined || (toev === null ? k.Toevoeging == null : sameToev(k.Toevoeging, toev))));
      return sendOData(res, 'Kamerstukdossier', rows);
    }
    if (set === 'Zaak') {
      const m = /^Id eq ([0-9a-f-]{36})$/.exec(filter);
      if (!m) return odataError(res, 400, 'unsupported filter in replay: ' + filter);
      return sendOData(res, 'Zaak(Besluit(Stemming()),ZaakActor())', data.zaken.filter((z) => z.Id === m[1]));
    }
    odataError(res, 404, 'unknown entity set');
  }

  function sru(q: URLSearchParams, res: http.ServerResponse): void {
    const query = q.get('query') ?? '';
    const m = /^dt\.identifier==([A-Za-z0-9-]+)$/.exec(query);
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
    const e = m ? data.koop.get(m[1]) : undefined;
    if (!e?.sru) {
      res.end(sruEnvelope(query, []));
      return;
    }
    const text = e.sru.toString('utf8');
    // A whole recorded response as is; a single recorded <sru:record> wrapped in the envelope.
    if (/searchRetrieveResponse/.test(text.slice(0, 600))) res.end(e.sru);
    else res.end(sruEnvelope(query, [text.replace(/^<\?xml[^>]*>\s*/, '')]));
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    tkUrl: `${url}/OData/v4/2.0/`,
    koopUrl: `${url}/`,
    requests,
    setFault(f, opts = {}) {
      fault = f ? { fault: f, prefix: opts.prefix, times: opts.times } : null;
    },
    get nullFilter() {
      return state.nullFilter;
    },
    set nullFilter(v) {
      state.nullFilter = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
