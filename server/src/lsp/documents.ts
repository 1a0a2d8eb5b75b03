// Open documents and their analyses, one analysis per version at most.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Analyzer } from '../core/analyzer';

interface Entry {
  version: number;
  analysis: Analysis;
}

/**
 * The document store: the text of every open document (incremental sync applied by
 * `TextDocuments`) and the analysis of its latest version, computed on first demand by the
 * server's analyzer and shared by diagnostics and every request on that version. An analysis
 * depends on the text alone; settings and context enter in `diagnose`.
 */
export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly analyses = new Map<string, Entry>();

  constructor(private readonly analyzer: Analyzer) {}

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The analysis of the document's current version. */
  analysis(doc: TextDocument): Analysis {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    const analysis = this.analyzer.analyze(doc.getText());
    this.analyses.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /** The analysis of the document's current version if one was made. */
  peek(doc: TextDocument): Analysis | undefined {
    const cached = this.analyses.get(doc.uri);
    return cached && cached.version === doc.version ? cached.analysis : undefined;
  }

  drop(uri: string): void {
    this.analyses.delete(uri);
  }
}
