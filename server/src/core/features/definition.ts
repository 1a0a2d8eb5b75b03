/**
 * Go-to-definition dispatch: each feature module looks at the position and answers or passes;
 * the first answer wins.
 */
import type { Analysis } from '../analyze';
import { definitionAnswerLink } from './answerLinks';
import { definitionCitation } from './citationDefinition';
import type { CitationWorkspace } from './citationLookup';
import type { DefinitionTarget } from './types';

/** The definition targets at `offset`, or null when nothing there has one. */
export function definitionAt(analysis: Analysis, offset: number, workspace?: CitationWorkspace): DefinitionTarget[] | null {
  return definitionAnswerLink(analysis.letter, offset) ?? definitionCitation(analysis, offset, workspace) ?? null;
}
