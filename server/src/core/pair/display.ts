/**
 * The display form of a question text copied from a (possibly PDF-pasted) question letter:
 * lines of a paragraph joined, line-break hyphenation undone, paragraphs kept. The display form
 * normalises to the same canonical text as the original, so a copy is always "verbatim".
 */

const CONJUNCTIONS = new Set(['en', 'of', 'tot', 'noch', 'dan', 'als']);

function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const hyphen = /([\p{L}\p{N}])-$/u.exec(out);
    const next = /^(\p{Ll}+)/u.exec(line);
    if (hyphen && next && /\p{Ll}/u.test(hyphen[1]) && !CONJUNCTIONS.has(next[1])) {
      out = out.slice(0, -1) + line; // "digi-" + "talisering"
    } else if (hyphen && !(next && CONJUNCTIONS.has(next[1]))) {
      out += line; // "AIV-" + "advies", "Zuid-" + "Afrika"
    } else {
      out += ' ' + line;
    }
  }
  // The letter model joins lines with a space: "Zuid- Afrika", "AIV- advies" were one word.
  return out.replace(/([\p{L}\p{N}])- (\p{L}+)/gu, (whole, before: string, next: string) => {
    if (CONJUNCTIONS.has(next)) return whole;
    if (/\p{Ll}/u.test(before) && /^\p{Ll}/u.test(next)) return whole;
    return `${before}-${next}`;
  });
}

/** A question text as Markdown paragraphs (LF line ends). */
export function displayQuestionText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let blank = 0;
  let filled = 0;
  for (const l of lines) {
    if (l.trim()) filled++;
    else blank++;
  }
  // Text pasted from some PDFs has an empty line after every line: those are not paragraphs.
  const pdfSpaced = filled > 2 && blank >= filled * 0.6;
  if (pdfSpaced) return joinLines(lines);
  const paragraphs: string[][] = [[]];
  for (const l of lines) {
    if (l.trim()) paragraphs[paragraphs.length - 1].push(l);
    else if (paragraphs[paragraphs.length - 1].length) paragraphs.push([]);
  }
  return paragraphs
    .map(joinLines)
    .filter((p) => p)
    .join('\n\n');
}
