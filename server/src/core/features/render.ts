/**
 * The one renderer of hover blocks, used by the language server for every hover (and by the
 * tests): Markdown with every text from a document or a source escaped, so nothing becomes
 * markup, HTML or a link but the links the core builds; or plain text, verbatim.
 */
import type { HoverBlock } from './types';

/** Markdown special characters escaped, so document text never becomes markup or a link. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => '\\' + c);
}

function renderMarkdown(blocks: HoverBlock[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        parts.push(`**${escapeMarkdown(b.text)}**`);
        break;
      case 'text':
        parts.push(escapeMarkdown(b.text));
        break;
      case 'quote':
        parts.push(
          b.text
            .split(/\r\n|\r|\n/)
            .map((l) => (l.trim() ? '> ' + escapeMarkdown(l) : '>'))
            .join('\n'),
        );
        break;
      case 'fields':
        parts.push(b.fields.map(([k, v]) => `${escapeMarkdown(k)}: ${escapeMarkdown(v)}`).join('  \n'));
        break;
      case 'links':
        parts.push(
          b.links
            .filter((l) => /^https?:\/\//.test(l.url))
            .map((l) => `[${escapeMarkdown(l.label)}](${l.url.replace(/[()\s]/g, encodeURIComponent)})`)
            .join(' · '),
        );
        break;
    }
  }
  return parts.join('\n\n');
}

function renderPlaintext(blocks: HoverBlock[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
      case 'text':
      case 'quote':
        parts.push(b.text);
        break;
      case 'fields':
        parts.push(b.fields.map(([k, v]) => `${k}: ${v}`).join('\n'));
        break;
      case 'links':
        parts.push(b.links.map((l) => `${l.label}: ${l.url}`).join('\n'));
        break;
    }
  }
  return parts.join('\n\n');
}

/** Hover blocks as Markdown (every text escaped) or plain text. */
export function renderHover(blocks: HoverBlock[], format: 'markdown' | 'plaintext'): string {
  return format === 'markdown' ? renderMarkdown(blocks) : renderPlaintext(blocks);
}
