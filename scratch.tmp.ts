import { parseLetter } from './server/src/core/letter/parse';
import { checkQuestions } from './server/src/core/checks/questions';
import { readFileSync } from 'node:fs';
const t = readFileSync(process.argv[2], 'utf8');
const L = parseLetter(t);
for (const q of L.questions) console.log(q.id, q.answer.status, JSON.stringify(q.questionText.slice(0,60)), '=>', JSON.stringify(q.answer.text.slice(0,60)), q.answer.paper ?? '');
for (const f of checkQuestions(L)) console.log(' ', f.code, t.slice(0, f.span.start).split('\n').length, f.message.slice(0,80));
