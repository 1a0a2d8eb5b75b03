// Open documents and their analyses, one analysis per (version, settings) at most.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';

/** Settings no request can pass: marks an analysis made under settings that changed since. */
const STALE = Object.freeze({}) as Settings;

interface Entry {
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

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /**
   * The analysis of the document's current version under `settings`. When only the settings
   * changed since the last analysis, the text-derived parts are reused (see `analyze`).
   */
  analysis(doc: TextDocument, settings: Settings): Analysis {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settings === settings) return cached.analysis;
    const sameText = cached && cached.version === doc.version ? cached.analysis : undefined;
    const analysis = analyze(doc.getText(), settings, sameText);
    this.analyses.set(doc.uri, { version: doc.version, settings, analysis });
    return analysis;
  }

  /** The analysis of the document's current version if one was made, under whatever settings. */
  peek(doc: TextDocument): Analysis | undefined {
    const cached = this.analyses.get(doc.uri);
    return cached && cached.version === doc.version ? cached.analysis : undefined;
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
