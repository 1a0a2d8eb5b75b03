/**
 * Commitments (toezeggingen) of an answer letter and their due dates. Pure; see find.ts for the
 * forms and dates.ts for the dates.
 */
export { findCommitments, withFallbackDate, isCommitment, type Commitment, type Commitments, type CommitmentOptions } from './find';
export { letterDateOf, dueOf, dutchDate, summerRecessStart, summerRecessRule, prinsjesdag, parseIsoDate, SUMMER_RECESS_START, type Due, type IsoDate } from './dates';
export { commitmentFindings, hoverCommitment, dueLabel } from './present';
export { asksForCommitment, answersWithCommitment } from './answers';
