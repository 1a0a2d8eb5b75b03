/**
 * "het antwoord op vraag N": hover shows that answer, go to definition jumps to it.
 */
import type { AnswerReference, Letter, QuestionUnit } from '../model';
import type { Span } from '../text';
import type { DefinitionTarget, HoverBlock, HoverResult } from './types';

/** Longest answer text shown in a hover; the rest is elided. */
const MAX_HOVER_CHARS = 1500;

/** The unit a reference from `sectionIndex` to question `id` means: same section first. */
export function resolveQuestion(letter: Letter, id: string, sectionIndex: number): QuestionUnit | undefined {
  let fallback: QuestionUnit | undefined;
  for (const q of letter.questions) {
    if (q.id !== id) continue;
    if (q.sectionIndex === sectionIndex) return q;
    fallback ??= q;
  }
  return fallback;
}

/** The reference and the target id at `offset` (on the phrase or on one of its numbers). */
export function answerReferenceAt(letter: Letter, offset: number): { ref: AnswerReference; id: string; span: Span } | undefined {
  for (const ref of letter.answerReferences) {
    if (offset < ref.span.start || offset > ref.span.end) continue;
    for (let i = 0; i < ref.targets.length; i++) {
      const s = ref.targetSpans[i];
      if (s && offset >= s.start && offset <= s.end) return { ref, id: ref.targets[i], span: s };
    }
    if (ref.targets.length) return { ref, id: ref.targets[0], span: ref.span };
  }
  return undefined;
}

function answerBody(unit: QuestionUnit): string {
  const text = unit.answer.text.replace(/[ \t]+\r?\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return text.length > MAX_HOVER_CHARS ? text.slice(0, MAX_HOVER_CHARS).trimEnd() + ' …' : text;
}

/** Hover on an answer reference: the referred answer's text, or why there is none. */
export function hoverAnswerLink(letter: Letter, offset: number): HoverResult | null {
  const hit = answerReferenceAt(letter, offset);
  if (!hit) return null;
  const unit = resolveQuestion(letter, hit.id, hit.ref.sectionIndex);
  const blocks: HoverBlock[] = [];
  if (!unit) {
    blocks.push({ kind: 'title', text: `Vraag ${hit.id}` });
    blocks.push({ kind: 'text', text: `Vraag ${hit.id} bestaat niet in deze brief.` });
    return { span: hit.span, blocks };
  }
  const where = unit.section ? ` (${unit.section})` : '';
  blocks.push({ kind: 'title', text: `Antwoord op vraag ${unit.id}${where}` });
  switch (unit.answer.status) {
    case 'missing':
      blocks.push({ kind: 'text', text: `Vraag ${unit.id} is nog niet beantwoord.` });
      break;
    case 'context':
      blocks.push({ kind: 'text', text: `Vraag ${unit.id} geeft alleen context; de subvragen hebben elk een eigen antwoord.` });
      break;
    case 'placeholder':
      blocks.push({ kind: 'text', text: `Het antwoord op vraag ${unit.id} bevat nog een placeholder en telt als onbeantwoord.` });
      if (unit.answer.text.trim()) blocks.push({ kind: 'quote', text: answerBody(unit) });
      break;
    default:
      blocks.push({ kind: 'quote', text: answerBody(unit) });
      if (unit.answer.status === 'by-reference' && unit.answer.refersTo.length) {
        blocks.push({ kind: 'text', text: `Dit antwoord verwijst zelf naar vraag ${unit.answer.refersTo.join(', ')}.` });
      }
  }
  return { span: hit.span, blocks };
}

/** Go to definition on an answer reference: the start of the referred answer. */
export function definitionAnswerLink(letter: Letter, offset: number): DefinitionTarget[] | null {
  const hit = answerReferenceAt(letter, offset);
  if (!hit) return null;
  const unit = resolveQuestion(letter, hit.id, hit.ref.sectionIndex);
  if (!unit) return null;
  const a = unit.answer;
  const target = a.headingSpan ?? a.span ?? unit.headingSpan;
  return [{ originSpan: hit.span, span: target }];
}
