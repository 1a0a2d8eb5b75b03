// A small PDF the extraction worker reads to warm up (Extractor.prefetch): a letter page in
// Helvetica with question and answer headings, so that loading pdf.js, its first parse of a
// document and its text layout are done before the drafter's first real PDF arrives.

/** The bytes of a one-page PDF (ISO 32000-1: header, four objects, cross-reference table, trailer). */
export function samplePdf(): Uint8Array {
  const lines = ['Vragen van het lid Jansen aan de minister (ingezonden 3 maart 2025).', 'Vraag 1', 'Waarom is de brug dicht?', 'Antwoord 1', 'Voor onderhoud (Kamerstuk 36 600 XII, nr. 12).'];
  const content = `BT /F1 11 Tf 15 TL 60 780 Td ${lines.map((l) => `(${l.replace(/[()\\]/gu, (c) => `\\${c}`)}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  const body = pdfText(objects);
  return new TextEncoder().encode(body);
}

/**
 * A PDF file's text from its objects (numbered 1…n in order; object 1 the catalog): header,
 * objects, cross-reference table and trailer (ISO 32000-1, 7.5). `trailer`: more trailer entries.
 */
export function pdfText(objects: string[], trailer = ''): string {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return body + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailer ? ` ${trailer}` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
}
