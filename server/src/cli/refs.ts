// `antwoordbrief refs [--format text|json] FILE...`: every citation and motion mention of each
// letter, motions linked through the other files given and the letters of each file's folder
// (the workspace `check` and the editor link through: host/context.ts decides for all three).
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { findCitations, linkAcrossWorkspace, type Citations, type MotionMention } from '../core/citations';
import type { CitationDoc } from '../core/features/citationLookup';
import { LetterContext } from '../host/context';
import { FolderListings } from '../host/read';
import { collapseWhitespace, LineIndex, type Range } from '../core/text';
import { mentionDisplay, motionLinkPlace } from '../core/features/motionLink';
import { spacedDossier } from '../core/citations/paper';
import { displayPath, InputError } from './io';
import { pageSuffix, readLetterInput, withSource, type LetterInput } from './input';
import { formatFlag, parseArgs, UsageError } from './options';
import type { CommandResult } from './main';
import { RESOLVE_BOOLEANS, RESOLVE_UNREACHABLE_EXIT, RESOLVE_VALUED, runResolve } from '../sources/cli';

export interface RefEntry {
  text: string;
  range: Range;
  /** Paper kind ("kamerstuk", "handelingen", …) or "motie" for a motion mention. */
  kind: string;
  id: string | null;
  canonical: string | null;
  /** How a motion mention was linked: "voetnoot 7", "haakjes", "eerdere verwijzing regel 12"; null otherwise. */
  via: string | null;
  /**
   * Set when the citation may as well name a dossier ("36 123-45": paper nr. 45 of dossier 36 123 or
   * the dossier 36 123-45): "dossier 36 123-45". The id is then not certain.
   */
  ambiguous?: string;
  /** Set when the citation names a dossier, not one paper ("Kamerstukken 29 023", "het dossier 21501-32"): the dossier. */
  dossier?: string;
  /** A motion mention whose evidence conflicts: the ids of the papers it may be (it has no id then). */
  candidates?: string[];
  /** PDF only: the page of the mention. */
  page?: number | null;
}

export interface RefsResult {
  file: string;
  references: RefEntry[];
}

/** How a motion mention was linked, tersely: "haakjes", "voetnoot 7", "eerdere (latere) verwijzing [in f.md] regel 12[, pagina 3]". */
function viaText(m: MotionMention, lines: LineIndex, others: Map<string, RefsInput>, own?: RefsInput): string | null {
  const place = motionLinkPlace(m, lines, (uri) => others.get(uri)?.text);
  if (!place) return null;
  if (place.kind === 'parenthesis') return 'haakjes';
  if (place.kind === 'footnote') return `voetnoot ${place.footnote}`;
  // In a PDF a line of the extracted text is hard to find: its page is named too.
  const page = (input: RefsInput | undefined, at: LineIndex | null, line: number | null) => {
    if (!input?.pageOf || line === null) return '';
    const n = input.pageOf((at ?? new LineIndex(input.text)).offset({ line: line - 1, character: 0 }));
    return n === null ? '' : `, pagina ${n}`;
  };
  if (!place.file) return `${place.later ? 'latere' : 'eerdere'} verwijzing regel ${place.line}${page(own, lines, place.line)}`;
  const other = [...others.values()].find((o) => path.basename(o.file) === place.file || o.file === place.file);
  return `eerdere verwijzing in ${place.file}${place.line === null ? '' : ` regel ${place.line}${page(other, null, place.line)}`}`;
}

/** A letter for `refsOf`: its text, and for a PDF the page of an offset. */
export interface RefsInput {
  file: string;
  text: string;
  pageOf?: (offset: number) => number | null;
}

/** A letter of `refsOf` with its citations. */
export interface RefsAnalysed extends RefsInput {
  citations: Citations;
}

/**
 * The refs of several letters; each file's motions may be linked through the others given and
 * through `workspaceOf(letter)`: the other letters of its workspace (as `check` reads them; none
 * by default). A letter named both ways counts once, as given.
 */
export function refsOf(files: RefsInput[], workspaceOf: (letter: RefsAnalysed) => CitationDoc[] = () => []): RefsResult[] {
  const analysed: RefsAnalysed[] = files.map((f) => ({ ...f, citations: findCitations(f.text) }));
  const byFile = new Map<string, RefsInput>(analysed.map((a) => [a.file, a]));
  const fileUri = (file: string) => URI.file(path.resolve(file)).toString();
  const given = new Set(analysed.map((a) => fileUri(a.file)));
  return analysed.map((a) => {
    const others = analysed.filter((o) => o !== a).map((o) => ({ uri: o.file, citations: o.citations }));
    for (const d of workspaceOf(a)) {
      if (given.has(d.uri)) continue;
      others.push({ uri: d.uri, citations: d.citations });
      if (!byFile.has(d.uri)) byFile.set(d.uri, { file: URI.parse(d.uri).fsPath, text: d.text });
    }
    const c: Citations = linkAcrossWorkspace(a.citations, others);
    const lines = new LineIndex(a.text);
    const entries: (RefEntry & { at: number })[] = [];
    for (const r of c.references) {
      const e: RefEntry & { at: number } = { at: r.span.start, text: collapseWhitespace(r.text), range: lines.range(r.span), kind: r.kind, id: r.id, canonical: r.canonical, via: null };
      if (r.orDossier) e.ambiguous = `dossier ${r.orDossier}`;
      else if (r.kind === 'kamerstuk' && !r.number && r.dossier) {
        e.dossier = spacedDossier(r.dossier) + (r.toevoeging ? (/^\d+$/.test(r.toevoeging) ? `-${r.toevoeging}` : ` ${r.toevoeging}`) : '');
      }
      entries.push(e);
    }
    for (const m of c.motions) {
      const via = viaText(m, lines, byFile, a);
      const base = { at: m.span.start, text: mentionDisplay(m.text), range: lines.range(m.span), kind: 'motie' };
      if (!m.refs.length) {
        const cands = [...new Set((m.candidates ?? []).flatMap((c) => c.refs.map((r) => r.id)))];
        entries.push({ ...base, id: null, canonical: null, via: null, ...(cands.length ? { candidates: cands } : {}) });
      }
      for (const r of m.refs) entries.push({ ...base, id: r.id, canonical: r.canonical, via });
    }
    entries.sort((x, y) => x.at - y.at);
    return { file: a.file, references: entries.map(({ at: _at, ...e }) => e) };
  });
}

/** The way a motion was linked without its page when that is the mention's own page (the line ends with it already). */
function viaWithoutPage(via: string | null, page: number | null | undefined): string | null {
  return via && typeof page === 'number' ? via.replace(new RegExp(`, pagina ${page}$`), '') : via;
}

export async function runRefs(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, ['format', ...RESOLVE_VALUED], RESOLVE_BOOLEANS);
  const format = formatFlag(args, ['text', 'json'], 'text');
  if (!args.files.length) throw new UsageError('geef één of meer bestanden op');
  const stderr: string[] = [];
  const files: RefsInput[] = [];
  const inputs: LetterInput[] = [];
  for (const file of args.files) {
    try {
      const input = await readLetterInput(file);
      inputs.push(input);
      files.push({ file, text: input.text, pageOf: input.source === 'pdf' ? input.pageOf : undefined });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      stderr.push(`antwoordbrief: ${e.message}`);
    }
  }
  // Nothing could be read: the messages say why, and stdout stays empty (no "[]" to parse).
  if (!files.length) return { stdout: '', stderr, code: 2 };
  // The letters of each file's folder link its motions as in `check` and the editor: one workspace.
  const context = new LetterContext(undefined, undefined, undefined, new FolderListings());
  const workspaces = new Map<string, CitationDoc[]>();
  for (const f of files) {
    const uri = URI.file(path.resolve(f.file)).toString();
    workspaces.set(f.file, (await context.citationWorkspace(uri, findCitations(f.text))).documents());
  }
  const results = refsOf(files, (a) => workspaces.get(a.file) ?? []).map((r, i) => withSource(r, inputs[i], r.references));
  const code = stderr.length ? 2 : 0;
  if (args.flags.get('resolve') === true)
    return runResolve(results, files.map((f) => f.text), args.flags, format).then((r) => ({
      stdout: r.stdout,
      stderr: [...stderr, ...r.stderr],
      code: code || (r.unreachable ? RESOLVE_UNREACHABLE_EXIT : 0),
    }));
  if (format === 'json') return { stdout: JSON.stringify(results, null, 2) + '\n', stderr, code };
  const out: string[] = [];
  for (const r of results) {
    out.push(displayPath(r.file));
    for (const e of r.references) {
      const where = `regel ${e.range.start.line + 1}`;
      const what = e.kind === 'motie'
        ? (e.id ? `${e.text} → ${e.canonical} (${viaWithoutPage(e.via, e.page)})` : e.candidates ? `${e.text} → niet zeker: ${e.candidates.join(' of ')}?` : `${e.text} → geen Kamerstuknummer gevonden`)
        : e.ambiguous ? `${e.canonical} of ${e.ambiguous}?  [${e.id} of ${e.ambiguous}?]` : e.dossier ? `Dossier ${e.dossier}  [${e.id}]` : `${e.canonical}  [${e.id}]`;
      out.push(`  ${where}: ${what}${pageSuffix(e.page)}`);
    }
  }
  return { stdout: out.join('\n') + (out.length ? '\n' : ''), stderr, code };
}
