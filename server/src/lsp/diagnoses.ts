// The diagnosis of each open letter (one per text revision, settings and state of what it
// depends on; a revision is the DocumentStore's, raised on every change whatever version number
// the client sent, so a change with a lower or repeated version is diagnosed afresh), and which open letters depend on which others: when a letter opens, changes, closes or
// changes on disk, the open letters whose findings depend on it are published again.
import * as path from 'node:path';
import type { Diagnosis } from '../core/diagnose';
import type { Settings } from '../host/settings';
import { fsPathOf } from '../host/read';

interface Entry {
  revision: number;
  settings: Settings;
  /** Null once the text changed (`release`): only what the dependents need is kept. */
  diagnosis: Diagnosis | null;
  /** The letter's folder (its workspace root), when it is a file. */
  dir: string | null;
  /** From the diagnosis, kept after `release`: the letters its findings depend on. */
  dependsOn: readonly string[];
  watchesWorkspace: boolean;
  questionUri: string | null;
}

export class Diagnoses {
  private readonly entries = new Map<string, Entry>();

  /** The cached diagnosis of this text revision under these settings, if still valid. */
  get(uri: string, revision: number, settings: Settings): Diagnosis | undefined {
    const e = this.entries.get(uri);
    return e && e.revision === revision && e.settings === settings ? (e.diagnosis ?? undefined) : undefined;
  }

  /** The cached diagnosis of this text revision under whatever settings. */
  peek(uri: string, revision: number): Diagnosis | undefined {
    const e = this.entries.get(uri);
    return e && e.revision === revision ? (e.diagnosis ?? undefined) : undefined;
  }

  /** Remember a diagnosis; one of an older revision than the one held is not kept (it finished late). */
  set(uri: string, revision: number, settings: Settings, diagnosis: Diagnosis): void {
    const held = this.entries.get(uri);
    if (held && held.revision > revision) return;
    const file = fsPathOf(uri);
    this.entries.set(uri, {
      revision,
      settings,
      diagnosis,
      dir: file ? path.dirname(file) : null,
      dependsOn: diagnosis.dependsOn,
      watchesWorkspace: diagnosis.watchesWorkspace,
      questionUri: diagnosis.pair.questionUri,
    });
  }

  /**
   * The letter's text changed: its diagnosis is of an older text and is let go (for a long
   * letter it holds much of that text's analysis), so the next analysis does not run beside it.
   * What its dependents need (what it depends on, its folder) stays until the next diagnosis.
   */
  release(uri: string): void {
    const e = this.entries.get(uri);
    if (e) e.diagnosis = null;
  }

  /** The question letter the held diagnosis of `uri` was checked against, if any. */
  questionUriOf(uri: string): string | null {
    return this.entries.get(uri)?.questionUri ?? null;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * The open letters (other than `uri`) whose findings may change when the letter at `uri`
   * changes: it is their question letter or links one of their motions, or it lies in the
   * workspace of a letter that looks through its workspace. Their diagnoses are dropped.
   */
  dependentsOf(uri: string): string[] {
    const file = fsPathOf(uri);
    const out: string[] = [];
    for (const [other, e] of this.entries) {
      if (other === uri) continue;
      const inWorkspace = file !== null && e.dir !== null && e.watchesWorkspace && isWithin(e.dir, file);
      if (inWorkspace || e.dependsOn.includes(uri)) out.push(other);
    }
    for (const other of out) this.entries.delete(other);
    return out;
  }

  /** Open letters whose question letter is `uri` (for references on a question letter). */
  pairedWith(uri: string): string[] {
    const out: string[] = [];
    for (const [other, e] of this.entries) if (other !== uri && e.questionUri === uri) out.push(other);
    return out;
  }
}

/** Whether `file` lies in `dir` or below it (the workspace of a letter in `dir`). */
function isWithin(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}
