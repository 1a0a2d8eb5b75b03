/**
 * Hover dispatch: each feature module looks at the position and answers or passes; the first
 * answer wins.
 */
import type { Analysis } from '../analyze';
import { hoverAnswerLink } from './answerLinks';
import type { HoverResult } from './types';

/** The hover at `offset`, or null when nothing there has one. */
export function hoverAt(analysis: Analysis, offset: number): HoverResult | null {
  return hoverAnswerLink(analysis.letter, offset) ?? null;
}
