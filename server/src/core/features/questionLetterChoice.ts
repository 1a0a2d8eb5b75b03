/**
 * Choosing an answer letter's question letter ("Geen vragenbrief gekoppeld — kiezen", issue 11):
 * how well a candidate question letter matches the answer letter, with a Dutch detail line for
 * the picker and a warning when a chosen letter does not look like the pair. Pure: the host
 * reads the candidates and hands in their texts.
 */
import type { Letter } from '../model';
import { identifiers, isQuestionLetter } from '../pair/link';
import { normalizeQuestion } from '../pair/normalize';
import { dutchDate, findTerm } from '../pair/term';
import { kamervragenTitle } from '../skeleton';

/** How much of the answer letter's start is searched for members and date (its opening names them). */
const HEAD = 6000;

export interface CandidateMatch {
  /** 0–1, higher is a better match (weights below). */
  score: number;
  /** Questions of the candidate that need an answer. */
  questions: number;
  /** How many of them the answer letter carries verbatim. */
  quoted: number;
  /** The members who asked (from "Vragen van het lid/de leden …"), as written. */
  members: string[];
  membersMatch: boolean;
  /** Date the questions were sent (`YYYY-MM-DD`), if the candidate states it. */
  sent: string | null;
  dateMatch: boolean;
  /** A kenmerk or zaaknummer both letters name. */
  identifierMatch: boolean;
  /** Dutch: "6 vragen · lid Van Zanten (BBB) · ingezonden 7 maart 2024 · komt overeen: …". */
  detail: string;
}

/**
 * The members named in a question letter's header line ("Vragen van het lid Van Zanten (BBB)
 * aan …", "Vragen van de leden Van Eijk en Aartsen (beiden VVD) over …"): each name with its
 * party in brackets when one follows; [] without such a line.
 */
export function askingMembers(text: string): string[] {
  const title = kamervragenTitle(text);
  if (!title) return [];
  const m = /van\s+(?:het\s+lid|de\s+leden)\s+(.{1,300}?)(?=\s+(?:aan|over|inzake)\s|\s*\(ingezonden|$)/u.exec(title);
  if (!m) return [];
  return m[1]
    .split(/\s*,\s*|\s+en\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 1 && s.length < 80);
}

/** The surname part of a member as written ("Van Zanten (BBB)" → "Van Zanten"). */
function surname(member: string): string {
  return member.replace(/\s*\(.*$/u, '').trim();
}

function count(letter: Letter): number {
  return letter.questions.filter((u) => u.answer.status !== 'context').length;
}

/**
 * How well `candidate` (a question letter's text and letter) matches the answer letter: the share
 * of its questions the answer letter carries verbatim (weight 0.45), its members named in the
 * answer letter's opening (0.2), its sent date named there (0.15), a shared kenmerk or
 * zaaknummer (0.1), the same number of questions (0.1). Linear in both texts.
 */
export function matchCandidate(answer: Letter, candidate: { text: string; letter: Letter }): CandidateMatch {
  const head = answer.text.slice(0, HEAD).replace(/[\s\u00A0]+/gu, ' ').toLowerCase();
  const answerText = normalizeQuestion(answer.text);
  let asked = 0;
  let quoted = 0;
  for (const u of candidate.letter.questions) {
    const t = normalizeQuestion(u.questionText);
    if (!t) continue;
    asked++;
    if (answerText.includes(t)) quoted++;
  }
  const members = askingMembers(candidate.text);
  const membersMatch = members.length > 0 && members.every((m) => head.includes(surname(m).toLowerCase()));
  const sent = findTerm(candidate.text).sent;
  const dateMatch = !!sent && head.includes(dutchDate(sent).toLowerCase());
  const ids = identifiers(answer.text);
  let identifierMatch = false;
  for (const id of identifiers(candidate.text)) if (ids.has(id)) identifierMatch = true;
  const questions = count(candidate.letter);
  const sameCount = questions > 0 && questions === count(answer);
  const score = 0.45 * (asked ? quoted / asked : 0) + (membersMatch ? 0.2 : 0) + (dateMatch ? 0.15 : 0) + (identifierMatch ? 0.1 : 0) + (sameCount ? 0.1 : 0);

  const parts = [questions === 1 ? '1 vraag' : `${questions} vragen`];
  if (members.length) parts.push(`${members.length === 1 ? 'lid' : 'leden'} ${members.join(', ')}`);
  if (sent) parts.push(`ingezonden ${dutchDate(sent)}`);
  const agrees: string[] = [];
  if (quoted) agrees.push(`${quoted} van ${asked} vragen letterlijk`);
  if (membersMatch) agrees.push('leden');
  if (dateMatch) agrees.push('datum');
  if (identifierMatch) agrees.push('kenmerk');
  if (sameCount) agrees.push('aantal vragen');
  parts.push(agrees.length ? `komt overeen: ${agrees.join(', ')}` : 'geen overeenkomst met deze brief gevonden');
  return { score, questions, quoted, members, membersMatch, sent, dateMatch, identifierMatch, detail: parts.join(' · ') };
}

/**
 * A Dutch warning when a chosen question letter does not look like the answer letter's pair,
 * or null when it does: it is no question letter, or nothing matches (no question quoted,
 * members, date and kenmerk differ).
 */
export function mismatchWarning(answer: Letter, candidate: { text: string; letter: Letter }, name: string): string | null {
  if (!isQuestionLetter(candidate.letter)) return `${name} lijkt geen vragenbrief: er staan ${candidate.letter.questions.length ? 'al antwoorden' : 'geen vragen'} in.`;
  const m = matchCandidate(answer, candidate);
  if (m.quoted || m.membersMatch || m.dateMatch || m.identifierMatch) return null;
  const who = m.members.length ? ` (${m.members.join(', ')}${m.sent ? `, ingezonden ${dutchDate(m.sent)}` : ''})` : m.sent ? ` (ingezonden ${dutchDate(m.sent)})` : '';
  return `${name}${who} lijkt niet bij deze antwoordbrief te horen: geen van de vragen staat erin en leden, datum en kenmerk komen niet overeen.`;
}
