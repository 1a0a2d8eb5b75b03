// Host wiring of issue 3: citations as editor objects. Hover, definition, references and quick
// fixes are methods the server's handlers chain (first answer wins); document links and
// completion are registered here. Everything is computed by the core; this file converts.
import {
  CompletionItemKind,
  DocumentLink,
  Location,
  TextEdit,
  type CompletionItem,
  type Connection,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Finding } from '../core/model';
import type { Settings } from '../core/settings';
import { findCitations, linkAcrossWorkspace, type Citations } from '../core/citations';
import type { CitationWorkspace } from '../core/features/citationLookup';
import { hoverCitation, type CitationAnalysis } from '../core/features/citationHover';
import { definitionCitation } from '../core/features/citationDefinition';
import { findCitationReferences } from '../core/features/citationReferences';
import { citationLinks } from '../core/features/citationLinks';
import { citationCompletions } from '../core/features/citationCompletion';
import { canonicalCitationFixes } from '../core/features/citationActions';
import type { DefinitionTarget, HoverResult, QuickFix } from '../core/features/types';
import { CitationFiles } from '../host/citationFiles';
import type { DocumentStore } from './documents';
import { runSafe } from './runner';

/** Capabilities the citation features add to the server's (references come with the pair's). */
export const CITATION_CAPABILITIES = {
  documentLinkProvider: { resolveProvider: false },
  completionProvider: { triggerCharacters: [' ', '.'], resolveProvider: false },
};

type Current = (uri: string) => Promise<{ doc: TextDocument; analysis: Analysis; settings: Settings } | undefined>;

export class CitationHost {
  private readonly openCitations = new Map<string, { version: number; citations: Citations }>();
  readonly files: CitationFiles;

  constructor(private readonly store: DocumentStore) {
    this.files = new CitationFiles(() =>
      store.documents.all().map((d) => ({ uri: d.uri, text: d.getText(), citations: () => this.citationsOf(d) })),
    );
  }

  private citationsOf(d: TextDocument): Citations {
    const hit = this.openCitations.get(d.uri);
    if (hit && hit.version === d.version) return hit.citations;
    const citations = findCitations(d.getText());
    this.openCitations.set(d.uri, { version: d.version, citations });
    return citations;
  }

  workspace(uri: string): CitationWorkspace {
    return this.files.workspace(uri);
  }

  /** The document's citations with its unlinked motions linked through the workspace. */
  linked(uri: string, analysis: Analysis, workspace: CitationWorkspace = this.workspace(uri)): CitationAnalysis {
    const own = analysis.citations;
    if (!own.motions.some((m) => !m.via)) return analysis;
    const citations = linkAcrossWorkspace(own, workspace.documents());
    return { text: analysis.text, lines: analysis.lines, citations };
  }

  /**
   * The findings without the `unlinked-motion`s the workspace resolves (a motion cited with its
   * number in another letter of the same folder).
   */
  findings(uri: string, analysis: Analysis, findings: Finding[]): Finding[] {
    if (!findings.some((f) => f.code === 'unlinked-motion')) return findings;
    const linked = this.linked(uri, analysis).citations;
    const resolved = new Set(linked.motions.filter((m) => m.via).map((m) => m.span.start));
    return findings.filter((f) => f.code !== 'unlinked-motion' || !resolved.has(f.span.start));
  }

  hover(uri: string, analysis: Analysis, offset: number): HoverResult | null {
    const ws = this.workspace(uri);
    return hoverCitation(this.linked(uri, analysis, ws), offset, ws);
  }

  definition(uri: string, analysis: Analysis, offset: number): DefinitionTarget[] | null {
    const ws = this.workspace(uri);
    return definitionCitation(this.linked(uri, analysis, ws), offset, ws);
  }

  /** Every place in the workspace citing the paper at `offset`, as LSP locations (null: no citation there). */
  references(uri: string, analysis: Analysis, offset: number): Location[] | null {
    const ws = this.workspace(uri);
    const found = findCitationReferences(this.linked(uri, analysis, ws), offset, ws);
    if (!found) return null;
    return found.map((l) => Location.create(l.uri ?? uri, l.range ?? analysis.lines.range(l.span)));
  }

  quickFixes(findings: Finding[]): QuickFix[] {
    return canonicalCitationFixes(findings);
  }

  forget(uri: string): void {
    this.openCitations.delete(uri);
  }

  clear(): void {
    this.openCitations.clear();
    this.files.clear();
  }
}

/** Registers document links and completion on the connection. */
export function registerCitations(connection: Connection, host: CitationHost, current: Current): void {
  connection.onDocumentLinks(
    runSafe(connection, 'documentLinks', null, async ({ textDocument }) => {
      const cur = await current(textDocument.uri);
      if (!cur) return null;
      const lines = cur.analysis.lines;
      return citationLinks(cur.analysis.citations).map((l) => {
        const link = DocumentLink.create(lines.range(l.span), l.target);
        link.tooltip = l.tooltip;
        return link;
      });
    }),
  );

  connection.onCompletion(
    runSafe(connection, 'completion', null, async ({ textDocument, position }) => {
      const cur = await current(textDocument.uri);
      if (!cur) return null;
      const { analysis } = cur;
      const offset = analysis.lines.offset(position);
      const items = citationCompletions(analysis, offset, host.workspace(textDocument.uri));
      if (!items) return null;
      return items.map((it): CompletionItem => ({
        label: it.label,
        kind: CompletionItemKind.Reference,
        detail: it.detail,
        sortText: it.sortText,
        filterText: it.label,
        textEdit: TextEdit.replace(analysis.lines.range(it.span), it.insertText),
      }));
    }),
  );
}
