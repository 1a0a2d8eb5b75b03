// Open documents and their analyses, one analysis per text at most.
import { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LETTER_DOCUMENTS, type LetterDocument } from './document';
import type { Analysis } from '../core/analyze';
import type { Analyzer } from '../core/analyzer';

// An analysis belongs to one text: the store's revision of the document (raised on every change
// the connection applies) and the document's version must both match.
interface Entry {
  revision: number;
  version: number;
  analysis: Analysis;
}

/**
 * The document store: the text of every open document (incremental sync applied by
 * `TextDocuments`) and the analysis of its latest text, computed on first demand by the
 * server's analyzer and shared by diagnostics and every request on that text. An analysis
 * depends on the text alone; settings and context enter in `diagnose`.
 */
export class DocumentStore {
  readonly documents = new TextDocuments<LetterDocument>(LETTER_DOCUMENTS);
  private readonly analyses = new Map<string, Entry>();
  /**
   * Revision of each open document's text: raised on every open and change, whatever version
   * number the client sent (a client may send a lower or repeated version; the text the server
   * holds is still the newest).
   */
  private readonly revisions = new Map<string, number>();
  private counter = 0;
  /** The end of the work running or waiting on each document's text (see `exclusive`). */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly analyzer: Analyzer) {
    // Registered first, so every other listener already sees the new revision. The analysis of
    // the earlier text is let go at once: a request still answered on that text holds its own
    // reference, and the next analysis (of a 10 MB letter: tens of MB) does not run beside it.
    this.documents.onDidChangeContent((e) => {
      this.revisions.set(e.document.uri, ++this.counter);
      this.analyses.delete(e.document.uri);
    });
    this.documents.onDidClose((e) => {
      this.revisions.delete(e.document.uri);
    });
  }

  get(uri: string): LetterDocument | undefined {
    return this.documents.get(uri);
  }

  /** The revision of the open document's current text (0 when it is not open). */
  revision(uri: string): number {
    return this.revisions.get(uri) ?? 0;
  }

  /** The analysis of the document's current text. */
  analysis(doc: TextDocument): Analysis {
    const cached = this.analyses.get(doc.uri);
    const revision = this.revision(doc.uri);
    if (cached && cached.revision === revision && cached.version === doc.version) return cached.analysis;
    const analysis = this.analyzer.analyze(doc.getText());
    this.analyses.set(doc.uri, { revision, version: doc.version, analysis });
    return analysis;
  }

  /** The analysis of the document's current text if one was made. */
  peek(doc: TextDocument): Analysis | undefined {
    const cached = this.analyses.get(doc.uri);
    return cached && cached.revision === this.revision(doc.uri) && cached.version === doc.version ? cached.analysis : undefined;
  }

  /**
   * Run `fn` once the work started earlier on `uri` through this method has settled (succeeded
   * or failed); returns what `fn` returns or throws. The server runs each request's and each
   * publish's use of an analysis through it, so one document's analyses are made one at a time:
   * a request that holds the analysis of a text while it waits for the disk is answered (or
   * finds its text replaced and gives up) before the analysis of a newer text starts (issue 10:
   * a burst of typing with requests in between held several analyses of a long letter at once).
   * Work on different documents does not wait for each other.
   */
  exclusive<T>(uri: string, fn: () => T | Promise<T>): Promise<T> {
    const result = (this.tails.get(uri) ?? Promise.resolve()).then(fn);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(uri, tail);
    void tail.then(() => {
      if (this.tails.get(uri) === tail) this.tails.delete(uri);
    });
    return result;
  }

  drop(uri: string): void {
    this.analyses.delete(uri);
  }
}
