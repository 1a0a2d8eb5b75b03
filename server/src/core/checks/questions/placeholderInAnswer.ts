// `placeholder-in-answer`: "PM", "[…]", "TODO" left in an answer.
import type { Finding, Letter } from '../../model';
import { answerPlaceholders, onlyPlaceholders } from '../../letter/placeholders';
import { label, quote } from './common';

export function placeholders(letter: Letter, out: Finding[]): void {
  for (const q of letter.questions) {
    const a = q.answer;
    if (!a.span || a.status === 'missing' || a.status === 'context') continue;
    const found = answerPlaceholders(letter.text, a);
    // Only placeholders ("[PM antwoord]"), or a placeholder in words of the drafter ("PM: afstemmen met …").
    const only = found.length > 0 && onlyPlaceholders(letter.text, a.span.start, a.span.end, found);
    for (const p of found) {
      const token = letter.text.slice(p.start, p.end);
      out.push({
        code: 'placeholder-in-answer',
        span: p,
        message:
          only
            ? `Het antwoord op vraag ${label(q, letter)} is nog alleen een placeholder (‘${quote(token, 30)}’). Vervang die door het antwoord.`
            : `Het antwoord op vraag ${label(q, letter)} bevat nog een placeholder (‘${quote(token, 30)}’). Vul het antwoord aan en haal de placeholder weg.`,
        question: q.id,
      });
    }
  }
}
