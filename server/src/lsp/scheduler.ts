// When diagnostics are computed and published.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Settings } from '../host/settings';

export interface SchedulerHost {
  document(uri: string): TextDocument | undefined;
  settings(uri: string): Promise<Settings>;
  analysis(doc: TextDocument): Analysis;
  publish(doc: TextDocument, analysis: Analysis, settings: Settings): void;
  log(name: string, e: unknown): void;
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
  private readonly publishedVersion = new Map<string, number>();

  constructor(private readonly host: SchedulerHost) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.add(uri);
    void this.run(uri);
  }

  /** Forget a closed document (its next open starts afresh, maybe at a lower version). */
  forget(uri: string): void {
    this.publishedVersion.delete(uri);
    this.pending.delete(uri);
  }

  /** Publish again even when the version did not change (e.g. the settings changed). */
  invalidate(): void {
    this.publishedVersion.clear();
  }

  private async run(uri: string): Promise<void> {
    try {
      // Wait until a turn of the event loop brings no newer version: edits already received are
      // applied first, and a burst is analysed once, at its end. Bounded, so a steady stream of
      // edits still gets diagnostics.
      let seen = this.host.document(uri)?.version;
      for (let turn = 0; turn < MAX_WAIT_TURNS; turn++) {
        await yieldToQueue();
        const now = this.host.document(uri)?.version;
        if (now === undefined) return;
        if (now === seen && turn >= 1) break;
        seen = now;
      }
      const settings = await this.host.settings(uri);
      // The settings may have taken a round trip: take the version that is latest now.
      this.pending.delete(uri);
      const doc = this.host.document(uri);
      if (!doc) return;
      const last = this.publishedVersion.get(uri);
      if (last !== undefined && last >= doc.version) return;
      const analysis = this.host.analysis(doc);
      // Analysis is synchronous, so `doc` is still the latest version here.
      this.publishedVersion.set(uri, doc.version);
      this.host.publish(doc, analysis, settings);
    } catch (e) {
      this.pending.delete(uri);
      this.host.log('diagnostics', e);
    }
  }
}
