// The e2e fixture letter and what a drafter should see in it, shared by the code-server, Neovim and
// test-electron suites so the three editors are held to the same expectations.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export const LETTER = {
  path: 'test/fixtures/e2e/antwoordbrief.md',
  firstLine: 'Geachte voorzitter',
  /** Vraag 2b has an empty answer: the one unanswered (sub)question. */
  unanswered: {
    diagnosticLine: '## Antwoord 2b',
    answerHeading: '## Antwoord 2b',
    answerText: 'Gemeenten met minder dan 20.000 inwoners krijgen vanaf 2026 een vaste adviseur van de Informatiebeveiligingsdienst.',
    message: /2b/,
  },
  /** Status item before and after answering Vraag 2b (Vraag 2 is context only). */
  status: { before: '3 van 4 vragen beantwoord', after: '4 van 4 vragen beantwoord' },
  hover: { line: 'Kamerstuk 30 821, nr. 72', needle: '30 821', expect: [/30 ?821/, /72/] },
  /** "het antwoord op vraag 1" leads to that answer. */
  definition: { line: 'het antwoord op vraag 1.', needle: 'vraag 1', targetLine: '## Antwoord 1' },
  outline: ['Vraag 1', 'Vraag 2', 'Vraag 2a', 'Vraag 2b', 'Vraag 3'],
};

export const QUESTION_LETTER = {
  path: 'test/fixtures/e2e/vragenbrief.txt',
  firstLine: 'Vragen van het lid Jansen',
  /** What the skeleton must hold: each question verbatim under its heading, with an empty answer. */
  skeleton: ['Vraag 1', 'Bent u bekend met het rapport van de Algemene Rekenkamer over de digitale weerbaarheid van gemeenten?', 'Antwoord 1', 'Vraag 3'],
};

let cached: string[] | undefined;
function lines(): string[] {
  return (cached ??= readFileSync(join(ROOT, LETTER.path), 'utf8').split(/\r?\n/));
}

/** 0-based line of the first line of the fixture letter that starts with (or equals) `text`. */
export function lineOf(text: string): number {
  const i = lines().findIndex((l) => l === text || l.startsWith(text));
  if (i < 0) throw new Error(`regel niet gevonden in ${LETTER.path}: ${text}`);
  return i;
}

/** 0-based position of `needle` on the first line containing `lineText`. */
export function posOf(lineText: string, needle: string): { line: number; character: number } {
  const line = lines().findIndex((l) => l.includes(lineText));
  if (line < 0) throw new Error(`regel niet gevonden in ${LETTER.path}: ${lineText}`);
  return { line, character: lines()[line].indexOf(needle) + 1 };
}
