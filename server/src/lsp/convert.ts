// The one adapter from domain results (spans, findings, hover blocks) to LSP types.
import {
  CodeAction,
  CodeActionKind,
  CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  DocumentLink,
  Diagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  Hover,
  Location,
  LocationLink,
  MarkupKind,
  SymbolInformation,
  SymbolKind,
  TextEdit,
} from 'vscode-languageserver';
import type { Finding, Severity } from '../core/model';
import { severityOf, type Settings } from '../core/settings';
import type { LineIndex } from '../core/text';
import type { DefinitionTarget, FoldSpan, HoverResult, OutlineNode, QuickFix } from '../core/features/types';
import { renderHover } from '../core/features/render';
import type { LinkSpan } from '../core/features/citationLinks';
import type { CompletionSpan } from '../core/features/citationCompletion';
import type { CitationLocation } from '../core/features/citationReferences';

export const SOURCE = 'antwoordbrief';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Findings to diagnostics; severity comes from the settings, 'off' drops the finding. */
export function toDiagnostics(findings: Finding[], lines: LineIndex, settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const sev = severityOf(f.code, settings);
    if (sev === 'off') continue;
    const d: Diagnostic = {
      range: lines.range(f.span),
      severity: SEVERITY[sev] ?? DiagnosticSeverity.Warning,
      code: f.code,
      source: SOURCE,
      message: f.message,
    };
    if (f.question !== undefined) d.data = { question: f.question };
    out.push(d);
  }
  return out;
}

/**
 * Diagnostics published before (by `toDiagnostics`) under `settings` as they are now: each one's
 * severity from its code, those switched off left out. A code switched on since is not among
 * them (its findings were never published): that takes a new check.
 */
export function withSeverities(diagnostics: readonly Diagnostic[], settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (typeof d.code !== 'string') {
      out.push(d);
      continue;
    }
    const sev = severityOf(d.code, settings);
    if (sev !== 'off') out.push({ ...d, severity: SEVERITY[sev] ?? DiagnosticSeverity.Warning });
  }
  return out;
}

export function toHover(result: HoverResult, lines: LineIndex, markdown: boolean): Hover {
  return {
    contents: markdown
      ? { kind: MarkupKind.Markdown, value: renderHover(result.blocks, 'markdown') }
      : { kind: MarkupKind.PlainText, value: renderHover(result.blocks, 'plaintext') },
    range: lines.range(result.span),
  };
}

export function toDefinition(targets: DefinitionTarget[], uri: string, lines: LineIndex, linkSupport: boolean): Location[] | LocationLink[] {
  const located = targets.flatMap((t) => {
    const targetUri = t.uri ?? uri;
    // A span is an offset into this document; targets elsewhere come with their own range.
    const range = t.range ?? (t.span && (!t.uri || t.uri === uri) ? lines.range(t.span) : undefined);
    if (!range) return [];
    return [{ t, targetUri, range }];
  });
  if (linkSupport) {
    return located.map(({ t, targetUri, range }) =>
      LocationLink.create(targetUri, range, range, lines.range(t.originSpan)),
    );
  }
  return located.map(({ targetUri, range }) => Location.create(targetUri, range));
}

/**
 * The symbol kind of each outline node. VS Code's outline names the kind in a node's tooltip
 * ("<name> (<kind>)"): a subquestion is a field of its question, not "(string)".
 */
const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  question: SymbolKind.Object,
  subquestion: SymbolKind.Field,
  commitments: SymbolKind.Namespace,
  commitment: SymbolKind.Event,
};

export function toDocumentSymbols(nodes: OutlineNode[], lines: LineIndex): DocumentSymbol[] {
  return nodes.map((n) => {
    const range = lines.range(n.span);
    let sel = lines.range(n.selectionSpan);
    if (n.selectionSpan.start < n.span.start || n.selectionSpan.end > n.span.end) sel = range;
    return DocumentSymbol.create(n.name, n.detail || undefined, SYMBOL_KIND[n.kind], range, sel, toDocumentSymbols(n.children, lines));
  });
}

/** Flat symbols for clients without hierarchical outline support. */
export function toSymbolInformation(nodes: OutlineNode[], lines: LineIndex, uri: string, container?: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const n of nodes) {
    const name = n.detail ? `${n.name} (${n.detail})` : n.name;
    out.push(SymbolInformation.create(name, SYMBOL_KIND[n.kind], lines.range(n.span), uri, container));
    out.push(...toSymbolInformation(n.children, lines, uri, n.name));
  }
  return out;
}

export function toFoldingRanges(spans: FoldSpan[], lines: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const f of spans) {
    const startLine = lines.lineAt(f.span.start);
    let endLine = lines.lineAt(Math.max(f.span.start, f.span.end - 1));
    // Trailing blank lines belong to the gap, not to the fold.
    while (endLine > startLine && lines.lineText(endLine).trim() === '') endLine--;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return out;
}

/**
 * Code actions for quick fixes. A fix with `select` also gets `selectCommand` (when the client
 * has one), run by the client after the edit, with the range the selected text will have then.
 */
export function toCodeActions(fixes: QuickFix[], uri: string, lines: LineIndex, diagnostics: Diagnostic[], selectCommand?: string): CodeAction[] {
  return fixes.flatMap((fix) => {
    const range = lines.range(fix.findingSpan);
    if (!fix.edits.length) {
      // A fix that only selects: without the client's select command there is nothing to do.
      if (!selectCommand || !fix.selectInText) return [];
      const only = CodeAction.create(fix.title, { title: fix.title, command: selectCommand, arguments: [uri, lines.range(fix.selectInText)] }, CodeActionKind.QuickFix);
      const diag = diagnostics.filter((d) => d.code === fix.code && d.range.start.line === range.start.line && d.range.start.character === range.start.character);
      if (diag.length) only.diagnostics = diag;
      return [only];
    }
    const diag = diagnostics.filter(
      (d) => d.code === fix.code && d.range.start.line === range.start.line && d.range.start.character === range.start.character,
    );
    const action = CodeAction.create(fix.title, { changes: { [uri]: fix.edits.map((e) => TextEdit.replace(lines.range(e.span), e.newText)) } }, CodeActionKind.QuickFix);
    if (diag.length) action.diagnostics = diag;
    if (fix.preferred) action.isPreferred = true;
    const edit = fix.select && fix.edits[fix.select.edit];
    if (selectCommand && fix.select && edit && fix.edits.length === 1) {
      // Only one edit: the text before it keeps its positions, so the range follows from it alone.
      const from = lines.position(edit.span.start);
      const at = (k: number) => {
        const head = edit.newText.slice(0, k);
        const breaks = head.match(/\r\n|\r|\n/g)?.length ?? 0;
        const lastBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
        return breaks ? { line: from.line + breaks, character: k - lastBreak - 1 } : { line: from.line, character: from.character + k };
      };
      action.command = { title: 'Selecteer de plaatshouder', command: selectCommand, arguments: [uri, { start: at(fix.select.start), end: at(fix.select.end) }] };
    }
    return [action];
  });
}

export function toDocumentLinks(links: LinkSpan[], lines: LineIndex): DocumentLink[] {
  return links.map((l) => ({ range: lines.range(l.span), target: l.target, tooltip: l.tooltip }));
}

/**
 * Completion items; a snippet item becomes plain text (its placeholders' default text kept,
 * tab stops dropped) for a client without snippet support.
 */
export function toCompletionItems(items: CompletionSpan[], lines: LineIndex, snippets = true): CompletionItem[] {
  return items.map((c) => {
    const snippet = !!c.snippet && snippets;
    const text = c.snippet && !snippets ? c.insertText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') : c.insertText;
    return {
      label: c.label,
      kind: c.snippet ? CompletionItemKind.Snippet : CompletionItemKind.Value,
      detail: c.detail,
      sortText: c.sortText,
      ...(c.filterText ? { filterText: c.filterText } : {}),
      ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      textEdit: TextEdit.replace(lines.range(c.span), text),
    };
  });
}

export function toLocations(found: CitationLocation[], uri: string, lines: LineIndex): Location[] {
  return found.flatMap((l) => {
    if (!l.uri) return [Location.create(uri, lines.range(l.span))];
    return l.range ? [Location.create(l.uri, l.range)] : [];
  });
}
