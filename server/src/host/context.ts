// The context of a letter as every host builds it for `diagnose`: the other letters of its
// workspace (its folder and two levels of subfolders, open editors' texts first), its question
// letter (named in the letter, set in the settings, or found in its folder), today's date, and the
// file's date (for the commitments of a letter whose header has none).
// The language server (open letters and the workspace check) and the CLI (`check`, and `refs`
// for its motion links) build it with this one class, so they see the same workspace.
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Analysis } from '../core/analyze';
import type { Citations } from '../core/citations/types';
import { linksAcrossWorkspace } from '../core/citations/index';
import type { DiagnoseContext } from '../core/diagnose';
import type { FactsLookup } from '../core/facts';
import { isoToday } from '../core/pair/term';
import type { QuestionLetterInput } from '../core/pair/state';
import type { CitationWorkspace } from '../core/features/citationLookup';
import { CitationFiles } from './citationFiles';
import { findQuestionLetter, LetterFiles } from './pairFiles';
import { displayPath, FolderListings, fsPathOf, type ReadOptions } from './read';
import { fileDate } from './fileDate';
import { EXTRACTED_TEXT_SCHEME } from '../protocol';

export { fsPathOf };

/** Today for the answer term; ANTWOORDBRIEF_TODAY (YYYY-MM-DD) pins it for reproducible runs. */
export function today(): string {
  const pinned = process.env.ANTWOORDBRIEF_TODAY;
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : isoToday();
}

/** The cache folder outside VS Code (other editors, the CLI): $XDG_CACHE_HOME/antwoordbrief or ~/.cache/antwoordbrief. */
export function userCacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'antwoordbrief');
}

/** A letter open in an editor (its text is newer than the disk). */
export interface OpenLetter {
  uri: string;
  text: string;
  citations: () => Citations;
}

/** The URI of a question letter; a PDF or Word file is shown as its extracted text (issue 15). */
function questionLetterUri(file: string): string | null {
  try {
    const uri = URI.file(file);
    return /\.(pdf|docx)$/iu.test(file) ? URI.from({ scheme: EXTRACTED_TEXT_SCHEME, path: uri.path }).toString() : uri.toString();
  } catch {
    // A path with half a surrogate pair (a letter caught mid-edit) has no URI: encodeURIComponent throws.
    return null;
  }
}

export class LetterContext {
  /** Letters read from disk for pairing (question letters), once per modification. */
  readonly letters: LetterFiles;
  /** Letters and papers near a document, for motion links and the citation features. */
  readonly citations: CitationFiles;

  /**
   * @param open the letters open in an editor (none for the CLI).
   * @param onMissing a PDF or Word question letter not read yet: the host reads it and `provide`s it (issue 15).
   * @param readOptions how files are read from disk (`within` the workspace folders when the
   *   workspace is untrusted; see host/read.ts).
   * @param listings the folder listings shared by every walk (the CLI: one per run; the server:
   *   one, cleared when files change on disk and otherwise held for its time to live).
   */
  constructor(
    private readonly open: () => OpenLetter[] = () => [],
    onMissing: (letters: LetterFiles, file: string) => void = () => undefined,
    readOptions: () => ReadOptions = () => ({}),
    readonly listings: FolderListings = new FolderListings(),
  ) {
    this.letters = new LetterFiles((file) => this.openText(file), readOptions, (file) => onMissing(this.letters, file), listings);
    this.citations = new CitationFiles(open, readOptions, listings);
  }

  private openText(file: string): string | undefined {
    for (const doc of this.open()) if (fsPathOf(doc.uri) === file) return doc.text;
    return undefined;
  }

  /**
   * The question letter of the letter at `uri`: named in it, set (`setting`, relative to its
   * folder, or absolute for an unsaved letter) or found in its folder; shown by its file name.
   */
  async questionLetter(uri: string, analysis: Analysis, setting: string): Promise<QuestionLetterInput> {
    const file = fsPathOf(uri);
    let outcome;
    if (file) outcome = await findQuestionLetter(this.letters, file, analysis.text, analysis.letter, setting);
    else if (setting && path.isAbsolute(setting)) {
      const loaded = await this.letters.load(setting);
      outcome = 'error' in loaded ? { error: loaded.error, path: setting } : { link: { path: setting, via: 'setting' as const, ...loaded } };
    } else outcome = null;
    if (!outcome) return null;
    const name = (p: string) => displayPath(path.basename(p));
    if ('error' in outcome)
      return { problem: outcome.error, name: outcome.path ? name(outcome.path) : null, uri: outcome.path ? questionLetterUri(outcome.path) : null, ...('pending' in outcome && outcome.pending ? { pending: true } : {}) };
    const l = outcome.link;
    const linkUri = questionLetterUri(l.path);
    if (linkUri === null) return { problem: 'de bestandsnaam bevat een ongeldig teken', name: name(l.path), uri: null };
    return { link: { name: name(l.path), uri: linkUri, via: l.via, text: l.text, letter: l.letter } };
  }

  /**
   * The workspace as seen from `uri` (the document itself left out); its files are read
   * asynchronously. With an `analysis`, the letters on disk are read only when they can change
   * its findings (it names a motion without number: `linksAcrossWorkspace`); without one (the
   * editor features: definition, references, completion) always, within CONTEXT_LIMITS.
   */
  workspace(uri: string, analysis?: Analysis): Promise<CitationWorkspace> {
    return analysis ? this.citationWorkspace(uri, analysis.citations) : this.citations.workspace(uri, true);
  }

  /** As `workspace(uri, analysis)` for a letter of which only the citations are known (the CLI's `refs`). */
  citationWorkspace(uri: string, citations: Citations): Promise<CitationWorkspace> {
    return this.citations.workspace(uri, linksAcrossWorkspace(citations));
  }

  /** The context `diagnose` gets for the letter at `uri` (`workspace`: as `workspace(uri, analysis)` gives it). */
  async context(uri: string, analysis: Analysis, questionLetterSetting: string, facts?: FactsLookup, workspace?: CitationWorkspace): Promise<DiagnoseContext> {
    const ws = workspace ?? (await this.workspace(uri, analysis));
    return {
      workspace: ws.documents(),
      questionLetter: await this.questionLetter(uri, analysis, questionLetterSetting),
      facts,
      today: today(),
      // A letter without a date in its header is dated by its file (the briefdatum setting wins; see the server).
      letterDate: fileDate(uri),
      letterDateFrom: 'bestandsdatum',
    };
  }

  /** Forget what was read of the file at `uri` and the listings of folders (it was closed, saved, created or deleted). */
  forget(uri: string): void {
    const file = fsPathOf(uri);
    if (file) this.citations.forget(file);
    this.listings.clear();
  }

  /** Forget what was read from disk (settings or files changed). */
  clear(): void {
    this.citations.clear();
    this.letters.clear();
    this.listings.clear();
  }
}
