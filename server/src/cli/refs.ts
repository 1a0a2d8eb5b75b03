// `antwoordbrief refs [--format json|text] FILE...`: every citation and motion mention of each
// letter, motions linked through the other files given as well (they form the workspace).
import * as path from 'node:path';
import { findCitations, linkAcrossWorkspace, type Citations, type MotionMention } from '../core/citations';
import { collapseWhitespace, LineIndex, type Range } from '../core/text';
import { mentionDisplay, motionLinkPlace } from '../core/features/motionLink';
import { spacedDossier } from '../core/citations/paper';
import { displayPath, InputError } from './io';
import { pageSuffix, readLetterInput, withSource, type LetterInput } from './input';
import { formatFlag, parseArgs, UsageError } from './options';
import type { CommandResult } from './main';
import { RESOLVE_BOOLEANS, RESOLVE_VALUED, runResolve } from '../sources/cli';

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

/** The refs of several letters; each file's motions may be linked through the others. */
export function refsOf(files: RefsInput[]): RefsResult[] {
  const analysed = files.map((f) => ({ ...f, citations: findCitations(f.text) }));
  const byFile = new Map(analysed.map((a) => [a.file, a]));
  return analysed.map((a) => {
    const others = analysed.filter((o) => o !== a).map((o) => ({ uri: o.file, citations: o.citations }));
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

export async function runRefs(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, ['format', ...RESOLVE_VALUED], RESOLVE_BOOLEANS);
  const format = formatFlag(args, ['json', 'text'], 'json');
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
  const results = refsOf(files).map((r, i) => withSource(r, inputs[i], r.references));
  const code = stderr.length ? 2 : 0;
  if (args.flags.get('resolve') === true)
    return runResolve(results, files.map((f) => f.text), args.flags, format).then((r) => ({ stdout: r.stdout, stderr: [...stderr, ...r.stderr], code }));
  if (format === 'json') return { stdout: JSON.stringify(results, null, 2) + '\n', stderr, code };
  const out: string[] = [];
  for (const r of results) {
    out.push(displayPath(r.file));
    for (const e of r.references) {
      const where = `regel ${e.range.start.line + 1}`;
      const what = e.kind === 'motie'
        ? (e.id ? `${e.text} → ${e.canonical} (${e.via})` : e.candidates ? `${e.text} → niet zeker: ${e.candidates.join(' of ')}?` : `${e.text} → geen Kamerstuknummer gevonden`)
        : e.ambiguous ? `${e.canonical} of ${e.ambiguous}?  [${e.id} of ${e.ambiguous}?]` : e.dossier ? `Dossier ${e.dossier}  [${e.id}]` : `${e.canonical}  [${e.id}]`;
      out.push(`  ${where}: ${what}${pageSuffix(e.page)}`);
    }
  }
  return { stdout: out.join('\n') + (out.length ? '\n' : ''), stderr, code };
}
