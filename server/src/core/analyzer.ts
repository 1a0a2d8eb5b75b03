/**
 * The analyzer instance a host creates once and disposes with itself (the model is
 * vscode-markdown-languageservice's `createLanguageService`): it owns every cache the core keeps
 * between analyses (its `Memo`), so nothing in the core holds module-level mutable state. All
 * its functions are pure apart from those caches.
 */
import { analyzeText, type Analysis } from './analyze';
import { diagnose, type DiagnoseContext, type Diagnosis } from './diagnose';
import { parseLetter, type ParsedLetter } from './letter/parse';
import { Memo } from './memo';
import type { Settings } from './settings';
import type { PaperRef } from './citations/types';
import { dossierReading, type FactsPeek } from './facts';
import { hoverAnswerLink, definitionAnswerLink } from './features/answerLinks';
import { hoverCitation } from './features/citationHover';
import { definitionCitation } from './features/citationDefinition';
import { citationAt, type CitationWorkspace } from './features/citationLookup';
import { findCitationReferences } from './features/citationReferences';
import { factsHoverBlocks } from './features/factsHover';
import { pairDefinition, pairHover, pairLocations, type PairDependent, type PairLocation } from './pair/state';
import type { DefinitionTarget, HoverResult } from './features/types';
import { hoverCommitment } from './commitments/present';

/** What the editor features of one letter may use besides its analysis. */
export interface FeatureContext {
  /** The letter's diagnosis (pair state, workspace-linked citations). */
  diagnosis: Diagnosis;
  /** The other documents of the workspace. */
  workspace?: CitationWorkspace;
  /** What the host knows now about a paper's facts (never waits). */
  peekFacts?: (ref: PaperRef) => FactsPeek;
  /** Open answer letters that use this letter as their question letter. */
  dependents?: PairDependent[];
}

export interface Analyzer {
  /** The analysis of one text (reuses the readings of its previous version when long). */
  analyze(text: string): Analysis;
  /** The letter model of a text (e.g. a question letter). */
  parse(text: string): ParsedLetter;
  /** Every finding of the letter in its context: see `diagnose`. */
  diagnose(analysis: Analysis, context: DiagnoseContext, settings: Settings): Diagnosis;
  /** The hover at `offset`: answer reference, then citation (with its facts), then the pair's first line, then a commitment. */
  hover(analysis: Analysis, offset: number, context: FeatureContext): HoverResult | null;
  /** Go to definition at `offset`: answer reference, citation in the workspace, then the question letter. */
  definition(analysis: Analysis, offset: number, context: FeatureContext): DefinitionTarget[] | null;
  /** References at `offset` across the pair, then of the cited paper in the workspace. */
  references(uri: string, analysis: Analysis, offset: number, includeDeclaration: boolean, context: FeatureContext): PairLocation[];
  /** Free every cache. */
  dispose(): void;
}

/** A new analyzer with empty caches. */
export function createAnalyzer(): Analyzer {
  const memo = new Memo();
  return {
    analyze: (text) => analyzeText(text, memo),
    parse: (text) => parseLetter(text, memo),
    diagnose: (analysis, context, settings) => diagnose(analysis, context, settings, memo),
    hover(analysis, offset, context) {
      const linked = { ...analysis, citations: context.diagnosis.citations };
      const citation = hoverCitation(linked, offset, context.workspace);
      return (
        hoverAnswerLink(analysis.letter, offset) ??
        (citation && withFacts(citation, linked.citations, offset, context.peekFacts)) ??
        pairHover(context.diagnosis.pair, analysis.letter, analysis.lines, offset) ??
        hoverCommitment(context.diagnosis.commitments, offset)
      );
    },
    definition(analysis, offset, context) {
      return (
        definitionAnswerLink(analysis.letter, offset) ??
        definitionCitation({ ...analysis, citations: context.diagnosis.citations }, offset, context.workspace) ??
        pairDefinition(context.diagnosis.pair, analysis.letter, offset)
      );
    },
    references(uri, analysis, offset, includeDeclaration, context) {
      const out = pairLocations(uri, analysis.letter, analysis.lines, context.diagnosis.pair, context.dependents ?? [], offset, includeDeclaration);
      for (const loc of findCitationReferences(analysis, offset, context.workspace) ?? []) out.push({ uri: loc.uri ?? uri, range: loc.range ?? analysis.lines.range(loc.span) });
      return out;
    },
    dispose: () => memo.clear(),
  };
}

/** The citation hover with the facts of the cited paper(s) added, when the host knows any. */
function withFacts(result: HoverResult, citations: Analysis['citations'], offset: number, peek?: (ref: PaperRef) => FactsPeek): HoverResult {
  if (!peek) return result;
  const hit = citationAt(citations, offset);
  const refs = hit?.kind === 'reference' ? [hit.ref] : hit?.kind === 'motion' ? hit.motion.refs : [];
  if (!refs.length) return result;
  const blocks = [...result.blocks];
  for (const r of refs) {
    const known = peek(r);
    const reading = dossierReading(r, known.facts);
    if (reading) blocks.push({ kind: 'text', text: reading });
    const factBlocks = factsHoverBlocks(known);
    if (!factBlocks.length) continue;
    blocks.push({ kind: 'title', text: refs.length > 1 ? `Gegevens ${r.canonical}` : 'Gegevens uit de bronnen' });
    blocks.push(...factBlocks);
  }
  return { ...result, blocks };
}
