/**
 * A question that asks for a commitment ("Bent u bereid de Kamer te informeren over …?",
 * "Kunt u toezeggen dat …", "Wilt u de Kamer … sturen?") is answered by a commitment ("Ja, ik
 * zal …", "Uw Kamer ontvangt voor de zomer een brief"), whatever words the answer uses.
 */
import { findCommitments } from './find';

const WILLING = /\b(?:bent\s+u|is\s+(?:het\s+kabinet|de\s+regering|de\s+minister|de\s+staatssecretaris)|zijn\s+(?:u|de\s+ministers?))\s+(?:ook\s+)?bereid\b|\b(?:kunt|wilt|zult)\s+u\b[^?]{0,200}?\btoe(?:\s+te)?\s*zeggen\b|\btoezeggen\b|\b(?:kunt|wilt|zult)\s+u\s+(?:de|uw)\s+kamer\b/u;
const ACT = /\b(?:informeren|inlichten|berichten|rapporteren|sturen|toesturen|toe\s+te\s+sturen|zenden|toezenden|toe\s+te\s+zenden|toekomen|op\s+de\s+hoogte|terug\s+te\s+komen|terugkomen|brief)\b/u;

/** Whether a subquestion asks the government to promise the Kamer an act (its text, any case). */
export function asksForCommitment(question: string): boolean {
  const q = question.toLowerCase();
  return WILLING.test(q) && ACT.test(q);
}

/** Whether an answer text holds a commitment (see `findCommitments`). Linear in its length. */
export function answersWithCommitment(answer: string): boolean {
  return findCommitments(answer).items.length > 0;
}
