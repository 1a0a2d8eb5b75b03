// `reference-to-unanswered`: an answer by reference to a question that is not answered itself,
// directly, at the end of a chain of references, or in a loop of them.
import type { Finding, Letter, QuestionUnit } from '../../model';
import { answerReferenceTargets, chainOutcomes, loopPosition, loopText } from './answerReferences';
import { label } from './common';

export function referencesToUnanswered(letter: Letter, out: Finding[]): void {
  const outcome = chainOutcomes(letter);
  const positions = new Map<QuestionUnit[], Map<QuestionUnit, number>>();
  for (const { from, span, target } of answerReferenceTargets(letter)) {
    if (!target) continue;
    const o = outcome(target);
    if (o.ok) continue;
    let message: string;
    let data: Record<string, unknown>;
    if (o.cycle) {
      const at = loopPosition(positions, o.loop, from);
      const ids = loopText(o.loop, at);
      message =
        at >= 0
          ? `Kringverwijzing: ${ids.join(' → ')}. Nergens in deze keten staat het antwoord zelf; schrijf het uit bij een van deze vragen.`
          : `Het antwoord op vraag ${label(target, letter)} komt uit in een kringverwijzing (${ids.join(' → ')}); nergens staat het antwoord zelf. Schrijf het antwoord hier of in die keten uit.`;
      data = { target: target.id, cycle: true, loop: o.loop.length <= 50 ? o.loop.map((q) => q.id) : undefined };
    } else if (o.end === target) {
      message = `Vraag ${label(target, letter)} is zelf niet beantwoord, dus deze verwijzing beantwoordt niets. Beantwoord vraag ${target.id} of schrijf het antwoord hier uit.`;
      data = { target: target.id, cycle: false, end: o.end.id };
    } else {
      message = `Het antwoord op vraag ${label(target, letter)} verwijst door naar vraag ${label(o.end, letter)}, die niet beantwoord is. Beantwoord vraag ${o.end.id} of schrijf het antwoord hier uit.`;
      data = { target: target.id, cycle: false, end: o.end.id };
    }
    out.push({ code: 'reference-to-unanswered', span, message, question: from.id, data });
  }
}
