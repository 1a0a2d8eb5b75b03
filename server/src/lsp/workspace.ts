// Workspace-wide requests: check every letter under the workspace folders, and the reference
// under the cursor for "Open op officielebekendmakingen.nl". A closed letter gets the same
// `diagnose`, with the same context, as an open one and as the CLI's `check MAP`.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Analyzer } from '../core/analyzer';
import { officialUrl } from '../core/citations/paper';
import { citationAt } from '../core/features/citationLookup';
import type { Settings } from '../host/settings';
import type { Analysis } from '../core/analyze';
import type { Diagnosis } from '../core/diagnose';
import {
  CheckWorkspaceRequest,
  ReferenceAtRequest,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type ReferenceAtParams,
  type ReferenceAtResult,
} from '../protocol';
import { toDiagnostics, withSeverities } from './convert';
import { runSafe } from './runner';
import { displayPath, letterFiles, readLetterFile, walkNotice, type ReadOptions } from '../host/read';
import type { LetterContext } from '../host/context';
import type { FactsHost } from './facts';
import { extractedFilesWalk, extractKind } from '../host/extract/index';
import { questionLetterRef } from '../core/pair/link';
import { EXTRACTED_TEXT_SCHEME } from '../protocol';
import * as path from 'node:path';

export interface WorkspaceHost {
  current(uri: string): Promise<{ analysis: Analysis; diagnosis: Diagnosis } | undefined>;
  analyzer: Analyzer;
  letters: LetterContext;
  facts: FactsHost;
  settings(uri: string): Promise<Settings>;
  /** URIs of the open documents (they are published by the scheduler, from the editor's text). */
  openUris(): string[];
  /** Publish an open document's diagnostics now. */
  publishOpen(uri: string): Promise<number>;
  folders(): string[];
  /** How workspace files are read (`within` the folders when the workspace is untrusted). */
  readOptions?(): ReadOptions;
  /** The text of a PDF or Word file, waiting for its extraction (lsp/extract.ts). */
  readExtracted(file: string): Promise<{ text: string } | { error: string }>;
}

/** Where a PDF or Word letter's findings are shown: its extracted text (client: commands/extracted.ts). */
const extractedUri = (file: string) => URI.from({ scheme: EXTRACTED_TEXT_SCHEME, path: URI.file(file).path }).toString();

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The findings the workspace check published on letters not open in the editor. */
export interface ClosedFindings {
  /** Publish them again under the settings as they are now (severities changed; a code switched off). */
  remap(): Promise<void>;
  /** The letter at `uri` opened: its own publications replace the check's. */
  forget(uri: string): void;
}

export function registerWorkspaceRequests(connection: Connection, host: WorkspaceHost): ClosedFindings {
  // Per shown URI: the letter's URI (whose settings apply) and every diagnostic the check made, at
  // the severity of its run; a code switched off later is kept here, to show again when switched back.
  const closed = new Map<string, { uri: string; diagnostics: Diagnostic[] }>();
  connection.onRequest(
    CheckWorkspaceRequest,
    runSafe<CheckWorkspaceParams, CheckWorkspaceResult>(connection, 'checkWorkspace', { files: 0, findings: 0 }, async (_params, token) => {
      const open = new Set(host.openUris());
      let files = 0;
      let findings = 0;
      // PDF and Word letters are read first (in the extraction worker, one at a time), so that
      // they pair like text letters and no letter is diagnosed against a letter still being read.
      const extracted: { file: string; text: string }[] = [];
      const texts: string[] = [];
      // A letter that cannot be read is reported on the file itself (the CLI's `check MAP` names
      // it on stderr and exits 2): one error, the same Dutch line, in the Problems view.
      const unreadable: { uri: string; message: string }[] = [];
      const cannotRead = (file: string, message: string) => {
        const uri = URI.file(file).toString();
        closed.delete(uri);
        if (extractKind(file)) closed.delete(extractedUri(file));
        unreadable.push({ uri, message });
        void connection.sendDiagnostics({ uri, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'antwoordbrief', message }] });
        // An earlier check's findings on its extracted text no longer hold.
        if (extractKind(file)) void connection.sendDiagnostics({ uri: extractedUri(file), diagnostics: [] });
      };
      // A folder whose list of letters was cut (too many letters or entries) is said, never silently left out.
      const notices: string[] = [];
      const done = () => ({ files, findings, ...(unreadable.length ? { unreadable } : {}), ...(notices.length ? { notices } : {}) });
      // The folders are listed afresh for the check (files may have changed without a watcher).
      host.letters.listings.clear();
      for (const folder of host.folders()) {
        const pdfs = await extractedFilesWalk(folder, host.letters.listings);
        const found = await letterFiles(folder, undefined, host.letters.listings);
        for (const n of [walkNotice(folder, found), walkNotice(folder, pdfs)]) if (n && !notices.includes(n)) notices.push(n);
        for (const file of pdfs.files) {
          if (token.isCancellationRequested) return done();
          const read = await host.readExtracted(file);
          if ('error' in read) cannotRead(file, read.error);
          else extracted.push({ file, text: read.text });
        }
        texts.push(...found.files);
      }
      // A PDF or Word question letter named outside the folders is read before its letter too.
      const named = async (text: string, file: string | null) => {
        const ref = questionLetterRef(text);
        if (file && ref && extractKind(ref.target)) await host.readExtracted(path.resolve(path.dirname(file), ref.target));
      };
      for (const uri of open) {
        const cur = await host.current(uri);
        if (cur) await named(cur.analysis.text, URI.parse(uri).scheme === 'file' ? URI.parse(uri).fsPath : null);
        findings += await host.publishOpen(uri);
        files++;
      }
      const letters = [...texts.map((file) => ({ file, text: null as string | null })), ...extracted];
      for (const { file, text: given } of letters) {
        if (token.isCancellationRequested) return done();
        const uri = URI.file(file).toString();
        // A PDF or Word letter is shown as its extracted text (the ranges refer to it): its findings
        // are published there, and the Problems view opens that text (client: commands/extracted.ts).
        const shown = given === null ? uri : extractedUri(file);
        if (open.has(uri) || open.has(shown)) continue;
        let text: string;
        if (given === null) {
          const read = await readLetterFile(file, host.readOptions?.() ?? {});
          if ('error' in read) {
            cannotRead(file, `${displayPath(path.basename(file))}: ${read.reason}`);
            continue;
          }
          text = read.text;
        } else {
          text = given;
          // A PDF or Word letter that could not be read at an earlier check: no longer.
          void connection.sendDiagnostics({ uri, diagnostics: [] });
        }
        await named(text, file);
        const settings = await host.settings(uri);
        const a = host.analyzer.analyze(text);
        const workspace = await host.letters.workspace(uri, a);
        // Facts cached on disk are read before the peek, as the CLI reads them.
        await host.facts.loadCached(a.citations, settings);
        const others = workspace.documents();
        for (const o of others) await host.facts.loadCached({ ...o.citations, references: [] }, settings);
        const d = host.analyzer.diagnose(a, await host.letters.context(uri, a, settings.questionLetter, host.facts.lookup(settings), workspace), settings);
        const diagnostics = toDiagnostics(d.findings, a.lines, settings);
        void connection.sendDiagnostics({ uri: shown, diagnostics });
        closed.set(shown, { uri, diagnostics });
        files++;
        findings += diagnostics.length;
        // Keep answering the editor between files.
        await turn();
      }
      return done();
    }),
  );

  registerReferenceAt(connection, host);
  return {
    async remap() {
      const open = new Set(host.openUris());
      for (const [shown, entry] of [...closed]) {
        if (open.has(shown) || open.has(entry.uri)) {
          closed.delete(shown);
          continue;
        }
        const settings = await host.settings(entry.uri);
        // Opened (or checked again) meanwhile: that publication stands.
        if (closed.get(shown) !== entry) continue;
        void connection.sendDiagnostics({ uri: shown, diagnostics: withSeverities(entry.diagnostics, settings) });
      }
    },
    forget(uri: string) {
      closed.delete(uri);
    },
  };
}

function registerReferenceAt(connection: Connection, host: WorkspaceHost): void {
  connection.onRequest(
    ReferenceAtRequest,
    runSafe<ReferenceAtParams, ReferenceAtResult>(connection, 'referenceAt', null, async (params) => {
      const cur = await host.current(params.uri);
      if (!cur) return null;
      const hit = citationAt(cur.diagnosis.citations, cur.analysis.lines.offset({ line: params.line, character: params.character }));
      if (!hit) return null;
      const ref = hit.kind === 'reference' ? hit.ref : hit.kind === 'motion' ? hit.motion.refs[0] : undefined;
      if (!ref) return null;
      const url = officialUrl(ref);
      return url ? { id: ref.id, canonical: ref.canonical, url } : null;
    }),
  );
}
