// Workspace-wide requests: check every letter under the workspace folders, and the reference
// under the cursor for "Open op officielebekendmakingen.nl". A closed letter gets the same
// `diagnose`, with the same context, as an open one and as the CLI's `check MAP`.
import type { Connection } from 'vscode-languageserver';
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
import { toDiagnostics } from './convert';
import { runSafe } from './runner';
import { letterFiles, readLetterFile, type ReadOptions } from '../host/read';
import type { LetterContext } from '../host/context';
import type { FactsHost } from './facts';

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
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function registerWorkspaceRequests(connection: Connection, host: WorkspaceHost): void {
  connection.onRequest(
    CheckWorkspaceRequest,
    runSafe<CheckWorkspaceParams, CheckWorkspaceResult>(connection, 'checkWorkspace', { files: 0, findings: 0 }, async (_params, token) => {
      const open = new Set(host.openUris());
      let files = 0;
      let findings = 0;
      for (const uri of open) {
        findings += await host.publishOpen(uri);
        files++;
      }
      for (const folder of host.folders()) {
        for (const file of await letterFiles(folder)) {
          if (token.isCancellationRequested) return { files, findings };
          const uri = URI.file(file).toString();
          if (open.has(uri)) continue;
          const read = await readLetterFile(file, host.readOptions?.() ?? {});
          if ('error' in read) continue;
          const text = read.text;
          const settings = await host.settings(uri);
          const a = host.analyzer.analyze(text);
          const workspace = await host.letters.workspace(uri);
          // Facts cached on disk are read before the peek, as the CLI reads them.
          await host.facts.loadCached(a.citations, settings);
          const others = workspace.documents();
          for (const o of others) await host.facts.loadCached({ ...o.citations, references: [] }, settings);
          const d = host.analyzer.diagnose(a, await host.letters.context(uri, a, settings.questionLetter, host.facts.lookup(settings), workspace), settings);
          const diagnostics = toDiagnostics(d.findings, a.lines, settings);
          void connection.sendDiagnostics({ uri, diagnostics });
          files++;
          findings += diagnostics.length;
          // Keep answering the editor between files.
          await turn();
        }
      }
      return { files, findings };
    }),
  );

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
