// The references "zie het antwoord op vraag N" inside answers, with what each points at: the
// walk that `dangling-answer-reference` and `reference-to-unanswered` report from.
import type { Letter, QuestionUnit } from '../../model';
import { lastStartingAtOrBefore, type Span } from '../../text';
import { resolveAnswerTarget, resolveTarget } from '../../letter/references';

/** Where a chain of answers by reference ends: in an answer, in a missing one, or in a loop. */
export type Outcome = { ok: true } | { ok: false; end: QuestionUnit; cycle: false } | { ok: false; cycle: true; loop: QuestionUnit[] };

/**
 * The outcome of following by-reference answers from each unit. Iterative (chains can be long)
 * and memoised per unit, so all references together cost time linear in the letter.
 */
export function chainOutcomes(letter: Letter): (q: QuestionUnit) => Outcome {
  const memo = new Map<QuestionUnit, Outcome>();
  const OK: Outcome = { ok: true };
  const settle = (q: QuestionUnit): Outcome | undefined => {
    const s = q.answer.status;
    if (s === 'answered' || s === 'context') return OK;
    if (s === 'missing' || s === 'placeholder') return { ok: false, end: q, cycle: false };
    return undefined;
  };
  return (start) => {
    const known = memo.get(start);
    if (known) return known;
    const direct = settle(start);
    if (direct) {
      memo.set(start, direct);
      return direct;
    }
    type Frame = { u: QuestionUnit; i: number; child: QuestionUnit | null };
    const stack: Frame[] = [{ u: start, i: 0, child: null }];
    const onStack = new Set<QuestionUnit>([start]);
    const finish = (o: Outcome) => {
      const f = stack.pop()!;
      onStack.delete(f.u);
      memo.set(f.u, o);
    };
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.child) {
        const r = memo.get(top.child)!;
        top.child = null;
        if (!r.ok) {
          finish(r);
          continue;
        }
      }
      if (top.i >= top.u.answer.refersTo.length) {
        finish(OK);
        continue;
      }
      const t = resolveAnswerTarget(letter, top.u, top.u.answer.refersTo[top.i++]);
      if (!t) continue; // reported as dangling where the reference stands
      const seen = memo.get(t);
      if (seen) {
        if (!seen.ok) finish(seen);
        continue;
      }
      if (onStack.has(t)) {
        const from = stack.findIndex((f) => f.u === t);
        finish({ ok: false, cycle: true, loop: stack.slice(from).map((f) => f.u) });
        continue;
      }
      const direct2 = settle(t);
      if (direct2) {
        memo.set(t, direct2);
        if (!direct2.ok) finish(direct2);
        continue;
      }
      top.child = t;
      stack.push({ u: t, i: 0, child: null });
      onStack.add(t);
    }
    return memo.get(start)!;
  };
}

/** Where `q` stands in a loop (-1 when outside it); `positions` indexes each loop once per check. */
export function loopPosition(positions: Map<QuestionUnit[], Map<QuestionUnit, number>>, loop: QuestionUnit[], q: QuestionUnit): number {
  let pos = positions.get(loop);
  if (!pos) {
    pos = new Map(loop.map((u, i) => [u, i]));
    positions.set(loop, pos);
  }
  return pos.get(q) ?? -1;
}

/** "vraag 2 → vraag 3 → vraag 2", starting at `at` (or the loop's start); long loops shortened. */
export function loopText(loop: QuestionUnit[], at: number): string[] {
  const start = at >= 0 ? at : 0;
  const n = loop.length;
  const pick = (k: number) => `vraag ${loop[(start + k) % n].id}`;
  if (n <= 6) return [...Array.from({ length: n }, (_, k) => pick(k)), pick(0)];
  return [pick(0), pick(1), pick(2), `… (${n - 4} meer)`, pick(n - 1), pick(0)];
}

function unitOfOffset(letter: Letter): (offset: number) => QuestionUnit | undefined {
  const withAnswers = letter.questions.filter((q) => q.answer.span).sort((a, b) => a.answer.span!.start - b.answer.span!.start);
  return (offset) => {
    const found = withAnswers[lastStartingAtOrBefore(withAnswers, offset, (q) => q.answer.span!.start)];
    return found && offset < found.answer.span!.end ? found : undefined;
  };
}

/** One target of a reference inside an answer: the answering unit, the id, its span, and the unit it resolves to (if any). */
export interface AnswerReferenceTarget {
  from: QuestionUnit;
  id: string;
  span: Span;
  target: QuestionUnit | undefined;
}

/** Every target of every reference that stands inside an answer, in document order. Linear. */
export function answerReferenceTargets(letter: Letter): AnswerReferenceTarget[] {
  const unitAt = unitOfOffset(letter);
  const out: AnswerReferenceTarget[] = [];
  for (const r of letter.answerReferences) {
    const from = unitAt(r.span.start);
    if (!from) continue; // only references inside an answer are promises that an answer exists
    for (let i = 0; i < r.targets.length; i++) out.push({ from, id: r.targets[i], span: r.targetSpans[i], target: resolveTarget(letter, r.sectionIndex, r.targets[i]) });
  }
  return out;
}
