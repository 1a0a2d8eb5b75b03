/**
 * Hover dispatch: each feature module looks at the position and answers or passes; the first
 * answer wins.
 */
import type { Analysis } from '../analyze';
import { hoverAnswerLink } from './answerLinks';
import { hoverCitation } from './citationHover';
import type { CitationWorkspace } from './citationLookup';
import type { HoverResult } from './types';
import { hoverCommitment } from '../commitments/present';

/** The hover at `offset`, or null when nothing there has one. */
export function hoverAt(analysis: Analysis, offset: number, workspace?: CitationWorkspace): HoverResult | null {
  return hoverAnswerLink(analysis.letter, offset) ?? hoverCitation(analysis, offset, workspace) ?? hoverCommitment(analysis.commitments, offset);
}
