// Workspace-wide requests: check every letter under the workspace folders, and the reference
// under the cursor for "Open op officielebekendmakingen.nl".
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyze, type Analysis } from '../core/analyze';
import { officialUrl } from '../core/citations/paper';
import { citationAt } from '../core/features/citationLookup';
import type { Settings } from '../core/settings';
import {
  CheckWorkspaceRequest,
  ReferenceAtRequest,
  type CheckWorkspaceResult,
  type ReferenceAtParams,
  type ReferenceAtResult,
} from '../protocol';
import { toDiagnostics } from './convert';
import { runSafe } from './runner';
import { MAX_LETTER_BYTES, readLetterFile, walkLetterFiles, type ReadOptions } from '../host/read';

const LETTER_EXT = /\.(md|markdown|txt)$/i;
const MAX_FILES = 2000;
const MAX_DEPTH = 6;

type Current = (uri: string) => Promise<{ doc: TextDocument; analysis: Analysis; settings: Settings } | undefined>;

export interface WorkspaceHost {
  current: Current;
  settings(uri: string): Promise<Settings>;
  /** URIs of the open documents (they are published by the scheduler, from the editor's text). */
  openUris(): string[];
  /** Publish an open document's diagnostics now. */
  publishOpen(uri: string): Promise<number>;
  folders(): string[];
  /** How workspace files are read (`within` the folders when the workspace is untrusted). */
  readOptions?(): ReadOptions;
}

/** Letter files under `root`, bounded in depth and count. */
export function letterFiles(root: string, limit = MAX_FILES): Promise<string[]> {
  return walkLetterFiles(root, { maxDepth: MAX_DEPTH, limit, accept: (name, size) => LETTER_EXT.test(name) && size <= MAX_LETTER_BYTES });
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function registerWorkspaceRequests(connection: Connection, host: WorkspaceHost): void {
  connection.onRequest(
    CheckWorkspaceRequest,
    runSafe<unknown, CheckWorkspaceResult>(connection, 'checkWorkspace', { files: 0, findings: 0 }, async (_params, token) => {
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
          const a = analyze(text, settings);
          const diagnostics = toDiagnostics(a.findings, a.lines, settings);
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
      const hit = citationAt(cur.analysis.citations, cur.analysis.lines.offset({ line: params.line, character: params.character }));
      if (!hit) return null;
      const ref = hit.kind === 'reference' ? hit.ref : hit.kind === 'motion' ? hit.motion.refs[0] : undefined;
      if (!ref) return null;
      const url = officialUrl(ref);
      return url ? { id: ref.id, canonical: ref.canonical, url } : null;
    }),
  );
}

