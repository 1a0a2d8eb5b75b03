/**
 * A question that asks for a commitment ("Bent u bereid de Kamer te informeren over …?",
 * "Kunt u toezeggen dat …", "Wilt u de Kamer … sturen?") is answered by a commitment ("Ja, ik
 * zal …", "Uw Kamer ontvangt voor de zomer een brief"), whatever words the answer uses.
 */
import { findCommitments } from './find';
import { asksForCommitment } from './asks';

export { asksForCommitment };

/** Whether an answer text holds a commitment (see `findCommitments`). Linear in its length. */
export function answersWithCommitment(answer: string): boolean {
  return findCommitments(answer).items.length > 0;
}
