/** Question letter and answer letter side by side (issue 6). */
export { checkPair, type PairOptions, type PairFix } from './check';
export { matchLetters, type PairMatch } from './match';
export { normalizeQuestion, wordDiff, describeChanges } from './normalize';
export { displayQuestionText } from './display';
export { findTerm, daysBetween, addDays, isoToday, dutchDate, type Term } from './term';
export { questionLetterRef, linkQuestionLetter, isQuestionLetter, identifiers, type Candidate, type LinkResult, type QuestionLetterRef } from './link';
