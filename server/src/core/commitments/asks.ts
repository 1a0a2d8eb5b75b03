/**
 * Whether a question asks the government to promise the Kamer an act ("Bent u bereid de Kamer
 * te informeren over …?", "Kunt u toezeggen dat …", "Kunt u de Kamer na de zomer informeren?").
 * Apart from answers.ts so that find.ts can use it without a cycle.
 */
const WILLING = /\b(?:bent\s+u|is\s+(?:het\s+kabinet|de\s+regering|de\s+minister|de\s+staatssecretaris)|zijn\s+(?:u|de\s+ministers?))\s+(?:ook\s+)?bereid\b|\b(?:kunt|wilt|zult)\s+u\b[^?]{0,200}?\btoe(?:\s+te)?\s*zeggen\b|\btoezeggen\b|\b(?:kunt|wilt|zult)\s+u\s+(?:de|uw)\s+kamer\b/u;
const ACT = /\b(?:informeren|inlichten|berichten|rapporteren|sturen|toesturen|toe\s+te\s+sturen|zenden|toezenden|toe\s+te\s+zenden|toekomen|op\s+de\s+hoogte|terug\s+te\s+komen|terugkomen|brief)\b/u;

/** Whether a subquestion asks the government to promise the Kamer an act (its text, any case). Linear. */
export function asksForCommitment(question: string): boolean {
  const q = question.toLowerCase();
  return WILLING.test(q) && ACT.test(q);
}
