// Open documents and their analyses, one analysis per (version, settings) at most.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';

/** Settings no request can pass: marks an analysis made under settings that changed since. */
// An analysis belongs to one text: the store's revision of the document (raised on every change
// the connection applies) and the document's version must both match.
const STALE = Object.freeze({}) as Settings;

interface Entry {
  revision: number;
  version: number;
  settings: Settings;
  analysis: Analysis;
}

/**
 * The document store: the text of every open document (incremental sync applied by
 * `TextDocuments`) and the analysis of its latest version, computed on first demand and shared by
 * diagnostics and every request on that version.
 */
export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly analyses = new Map<string, Entry>();
  /**
   * Revision of each open document's text: raised on every open and change, whatever version
   * number the client sent (a client may send a lower or repeated version; the text the server
   * holds is still the newest).
   */
  private readonly revisions = new Map<string, number>();
  private counter = 0;

  constructor() {
    // Registered first, so every other listener already sees the new revision.
    this.documents.onDidChangeContent((e) => this.revisions.set(e.document.uri, ++this.counter));
    this.documents.onDidClose((e) => this.revisions.delete(e.document.uri));
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The revision of the open document's current text (0 when it is not open). */
  revision(uri: string): number {
    return this.revisions.get(uri) ?? 0;
  }

  /**
   * The analysis of the document's current version under `settings`. When only the settings
   * changed since the last analysis, the text-derived parts are reused (see `analyze`).
   */
  analysis(doc: TextDocument, settings: Settings): Analysis {
    const cached = this.analyses.get(doc.uri);
    const revision = this.revision(doc.uri);
    const sameText = cached && cached.revision === revision && cached.version === doc.version ? cached.analysis : undefined;
    if (sameText && cached!.settings === settings) return sameText;
    const analysis = analyze(doc.getText(), settings, sameText);
    this.analyses.set(doc.uri, { revision, version: doc.version, settings, analysis });
    return analysis;
  }

  /** The analysis of the document's current version if one was made, under whatever settings. */
  peek(doc: TextDocument): Analysis | undefined {
    const cached = this.analyses.get(doc.uri);
    return cached && cached.revision === this.revision(doc.uri) && cached.version === doc.version ? cached.analysis : undefined;
  }

  drop(uri: string): void {
    this.analyses.delete(uri);
  }

  /**
   * The settings changed: no analysis is current any more, but each stays as the base for its
   * document's next one (the text-derived parts of an unchanged version are reused).
   */
  clear(): void {
    for (const e of this.analyses.values()) e.settings = STALE;
  }
}
