/**
 * The document outline: fractie sections → question units → subquestions, with each unit's
 * answer state in Dutch.
 */
import type { Letter, QuestionUnit, Section } from '../model';
import { dueLabel } from '../commitments/present';
import type { Commitments } from '../commitments/find';
import { collapseWhitespace, type Span } from '../text';
import type { OutlineNode } from './types';
import { answerStatus, type AnswerStatus, type OpenReason } from './status';

/**
 * The Dutch answer state of a unit, as shown in the outline. `open`: why the status counts the
 * unit open (`answerStatus`), when it does: a reference that leads nowhere says so.
 */
export function answerStateLabel(unit: QuestionUnit, open?: OpenReason): string {
  switch (unit.answer.status) {
    case 'answered':
      return 'beantwoord';
    case 'missing':
      return 'niet beantwoord';
    case 'placeholder':
      return 'niet beantwoord: nog een placeholder';
    case 'context':
      return 'alleen context';
    case 'by-reference': {
      const t = unit.answer.refersTo;
      if (t.length === 0) {
        // A mededeling or an answer pointing to another paper: name it.
        const m = /^kst-(\d+)-(?:([\dA-Z]+)-)?(\d+)$/.exec(unit.answer.paper ?? '');
        if (m) return `beantwoord met Kamerstuk ${m[1]}${m[2] ? `-${m[2]}` : ''}, nr. ${m[3]}`;
        return unit.answer.span ? 'beantwoord met een andere brief' : 'verwijst naar een ander antwoord';
      }
      const list = t.length === 1 ? t[0] : `${t.slice(0, -1).join(', ')} en ${t[t.length - 1]}`;
      if (open === 'dangling-reference') return `niet beantwoord: verwijst naar vraag ${list}, ${t.length === 1 ? 'die niet bestaat' : 'niet alle bestaan'}`;
      if (open === 'unanswered-reference') return `niet beantwoord: verwijst naar vraag ${list}, zonder antwoord`;
      return `verwijst naar vraag ${list}`;
    }
  }
}

/**
 * Most subquestions listed under one question. A real question has a handful; a PDF artefact
 * (a run of "? ? ?") can have tens of thousands, which would make the outline many times the size
 * of the letter: the rest is one node "… en nog N subvragen".
 */
export const MAX_SUBQUESTION_NODES = 50;

function questionNode(unit: QuestionUnit, open?: OpenReason): OutlineNode {
  const span = cover(unit.span, unit.headingSpan);
  const sqs = unit.subquestions;
  const children: OutlineNode[] = sqs.slice(0, MAX_SUBQUESTION_NODES).map((sq) => ({
    kind: 'subquestion',
    name: oneLine(sq.text),
    detail: 'subvraag',
    span: sq.span,
    selectionSpan: sq.span,
    children: [],
  }));
  if (sqs.length > MAX_SUBQUESTION_NODES) {
    const rest = { start: sqs[MAX_SUBQUESTION_NODES].span.start, end: sqs[sqs.length - 1].span.end };
    children.push({ kind: 'subquestion', name: `… en nog ${sqs.length - MAX_SUBQUESTION_NODES} subvragen`, detail: 'subvragen', span: rest, selectionSpan: rest, children: [] });
  }
  return { kind: 'question', name: `Vraag ${unit.id}`, detail: answerStateLabel(unit, open), span, selectionSpan: unit.headingSpan, children };
}

/**
 * The outline of a letter, in document order; with `commitments`, a last group "Toezeggingen"
 * holds each commitment with its due date. `status`: the letter's count (`Diagnosis.status`),
 * else counted from the letter alone: a unit is answered in the outline exactly when the status
 * item counts it answered.
 */
export function documentOutline(letter: Letter, commitments?: Commitments, status?: AnswerStatus): OutlineNode[] {
  const out = questionOutline(letter, status ?? answerStatus(letter));
  if (commitments?.items.length) out.push(commitmentsNode(commitments, out, letter.text.length));
  return out;
}

/**
 * The "Toezeggingen" group: one child per commitment (its sentence, its due label). An editor
 * sorts the outline by the start of each node's range (VS Code's "Sort By: Position"), so the
 * group's range starts where the nodes before it (`before`, top level) end, after the last one's
 * start (a tie in start puts the group before that node in VS Code): the group stays at the end
 * of the outline instead of between the questions its commitments stand in. `length`: the text's.
 */
function commitmentsNode(commitments: Commitments, before: OutlineNode[], length: number): OutlineNode {
  const items = commitments.items;
  const children: OutlineNode[] = items.map((c) => ({
    kind: 'commitment',
    name: oneLine(c.text),
    detail: dueLabel(c.due),
    span: c.span,
    selectionSpan: c.span,
    children: [],
  }));
  let start = items[0].span.start;
  let end = items[items.length - 1].span.end;
  for (const n of before) {
    start = Math.max(start, n.span.end, Math.min(n.span.start + 1, length));
    end = Math.max(end, n.span.end);
  }
  const span = { start, end: Math.max(start, end) };
  return {
    kind: 'commitments',
    name: 'Toezeggingen',
    detail: `${items.length} ${items.length === 1 ? 'toezegging' : 'toezeggingen'}`,
    span,
    selectionSpan: start === items[0].span.start ? items[0].span : { start, end: start },
    children,
  };
}

function questionOutline(letter: Letter, status: AnswerStatus): OutlineNode[] {
  const open = new Map<QuestionUnit, OpenReason>();
  for (const o of status.open) if (o.unit) open.set(o.unit, o.reason);
  const bySection = new Map<number, OutlineNode[]>();
  const answered = new Map<OutlineNode, boolean>();
  const top: OutlineNode[] = [];
  const sectionIndexes = new Set(letter.sections.map((s) => s.index));
  for (const unit of letter.questions) {
    const node = questionNode(unit, open.get(unit));
    // Answered as its own label says (a question letter's units are open, not counted in `open`).
    answered.set(node, (unit.answer.status === 'answered' || unit.answer.status === 'by-reference') && !open.has(unit));
    if (unit.sectionIndex >= 0 && sectionIndexes.has(unit.sectionIndex)) {
      let list = bySection.get(unit.sectionIndex);
      if (!list) bySection.set(unit.sectionIndex, (list = []));
      list.push(node);
    } else {
      top.push(node);
    }
  }
  const sections = [...letter.sections].sort((a, b) => a.span.start - b.span.start);
  // A question of the question letter the draft leaves out: a node at the place it belongs, in
  // the section that place lies in (the status counts it open, so the outline shows it).
  // `status.open` is in text order: one pointer walks the sections (linear).
  const touched = new Set<OutlineNode[]>();
  let k = -1;
  for (const o of status.open) {
    if (o.reason !== 'not-carried') continue;
    const node = notCarriedNode(o.id, o.target);
    while (k + 1 < sections.length && sections[k + 1].span.start <= o.target.start) k++;
    const section = k >= 0 ? sections[k] : undefined;
    if (section) {
      let list = bySection.get(section.index);
      if (!list) bySection.set(section.index, (list = []));
      list.push(node);
      touched.add(list);
    } else {
      top.push(node);
    }
    answered.set(node, false);
  }
  for (const list of touched) list.sort((a, b) => a.span.start - b.span.start);
  const out: OutlineNode[] = [...top];
  sections.forEach((section, i) => {
    const children = bySection.get(section.index) ?? [];
    out.push(sectionNode(section, children, sections[i + 1]?.span.start ?? letter.text.length, children.filter((c) => answered.get(c)).length));
  });
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The detail of a question only the question letter has. */
export const NOT_CARRIED_DETAIL = 'ontbreekt (staat in de vragenbrief)';

function notCarriedNode(id: string, at: Span): OutlineNode {
  const span = { start: at.start, end: at.start };
  return { kind: 'question', name: `Vraag ${id}`, detail: NOT_CARRIED_DETAIL, span, selectionSpan: span, children: [] };
}

function sectionNode(section: Section, children: OutlineNode[], nextStart: number, answered: number): OutlineNode {
  let end = section.span.end;
  for (const c of children) end = Math.max(end, c.span.end);
  // A section reaches up to its last unit; never past the next section.
  end = Math.max(section.span.end, Math.min(end, Math.max(nextStart, section.span.end)));
  const needing = children.filter((c) => c.detail !== 'alleen context').length;
  return {
    kind: 'section',
    name: section.title || 'Sectie',
    detail: needing ? `${answered} van ${needing} beantwoord` : '',
    span: { start: section.span.start, end },
    selectionSpan: section.span,
    children,
  };
}

function cover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function oneLine(text: string): string {
  const s = collapseWhitespace(text);
  return s.length > 120 ? s.slice(0, 119) + '…' : s || '?';
}
