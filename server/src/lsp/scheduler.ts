// When diagnostics are computed and published.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Settings } from '../host/settings';

export interface SchedulerHost {
  document(uri: string): TextDocument | undefined;
  /** Revision of the document's text: raised on every change, whatever the client's version. */
  revision(uri: string): number;
  settings(uri: string): Promise<Settings>;
  analysis(doc: TextDocument): Analysis;
  /** Publish an analysis; `isCurrent` tells whether the text is still the newest (the publish may wait for disk). */
  publish(doc: TextDocument, analysis: Analysis, settings: Settings, isCurrent: () => boolean): void | Promise<void>;
  log(name: string, e: unknown): void;
  /** Run `fn` after the work already running on the document (DocumentStore.exclusive). */
  exclusive<T>(uri: string, fn: () => Promise<T>): Promise<T>;
}

/** The most event-loop turns a burst of edits may postpone an analysis. */
const MAX_WAIT_TURNS = 64;

/** Let the event loop turn once, so messages already received are handled first. */
const yieldToQueue = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Analyses each document at most once per version and only its latest version: a burst of
 * edits already received is applied before the analysis starts (the JSON-RPC connection handles
 * one message per event-loop turn, so the scheduler yields until a turn brings no new version),
 * with no timer debounce. A result is never published over one of a newer version.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Set<string>();
  /** The text revision last published per document. */
  private readonly publishedRevision = new Map<string, number>();

  constructor(private readonly host: SchedulerHost) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.add(uri);
    void this.run(uri);
  }

  /** Forget a closed document (its next open starts afresh, maybe at a lower version). */
  forget(uri: string): void {
    this.publishedRevision.delete(uri);
    this.pending.delete(uri);
  }

  /** Publish again even when the version did not change (e.g. the settings changed). */
  invalidate(): void {
    this.publishedRevision.clear();
  }

  private async run(uri: string): Promise<void> {
    try {
      // Wait until a turn of the event loop brings no newer version: edits already received are
      // applied first, and a burst is analysed once, at its end. Bounded, so a steady stream of
      // edits still gets diagnostics.
      let seen = this.host.document(uri) ? this.host.revision(uri) : undefined;
      for (let turn = 0; turn < MAX_WAIT_TURNS; turn++) {
        await yieldToQueue();
        if (!this.host.document(uri)) return;
        const now = this.host.revision(uri);
        if (now === seen && turn >= 1) break;
        seen = now;
      }
      // Ready for the next change from here: a change while the settings or the disk are awaited
      // schedules a new run, which publishes the newer text.
      this.pending.delete(uri);
      const settings = await this.host.settings(uri);
      // One analysis of a document at a time: after the requests already working on it.
      await this.host.exclusive(uri, async () => {
        // The settings may have taken a round trip: take the text that is latest now.
        const doc = this.host.document(uri);
        if (!doc) return;
        // Revisions only grow: a text published once is not published again, and a change with a
        // lower version number than the last (which some clients send) is a new text all the same.
        const revision = this.host.revision(uri);
        if (this.publishedRevision.get(uri) === revision) return;
        const analysis = this.host.analysis(doc);
        // Analysis is synchronous, so `doc` is still the latest text here.
        this.publishedRevision.set(uri, revision);
        await this.host.publish(doc, analysis, settings, () => this.host.revision(uri) === revision && !!this.host.document(uri));
      });
    } catch (e) {
      this.pending.delete(uri);
      this.host.log('diagnostics', e);
    }
  }
}
