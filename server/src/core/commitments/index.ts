/**
 * Commitments (toezeggingen) of an answer letter and their due dates. Pure; see find.ts for the
 * forms and dates.ts for the dates.
 */
export { findCommitments, withFallbackDate, isCommitment, type Commitment, type Commitments, type CommitmentOptions, type LetterDateOrigin } from './find';
export { letterDateOf, dueOf, dutchDate, summerRecessStart, summerRecessRule, recessStart, prinsjesdag, parseIsoDate, SUMMER_RECESS_START, type Due, type IsoDate } from './dates';
export { commitmentFindings, hoverCommitment, dueLabel, isPastDue, letterDateOriginLabel, PAST_DUE } from './present';
export { asksForCommitment, answersWithCommitment } from './answers';
