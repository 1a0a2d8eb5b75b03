// The language server: a thin host of the analysis core. Each handler looks up the document,
// returns early, calls the core and converts the result in `lsp/convert.ts`.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { analyze } from './core/analyze';
import type { Analysis } from './core/analyze';
import type { Settings } from './core/settings';
import { documentOutline } from './core/features/symbols';
import { foldingSpans } from './core/features/folding';
import { hoverAt } from './core/features/hover';
import { definitionAt } from './core/features/definition';
import { quickFixes } from './core/features/quickfix';
import { citationLinks } from './core/features/citationLinks';
import { citationCompletions } from './core/features/citationCompletion';
import { findCitationReferences } from './core/features/citationReferences';
import { canonicalCitationFixes } from './core/features/citationActions';
import { findCitations } from './core/citations/index';
import { dropWorkspaceLinked } from './core/checks/citations';
import { CitationFiles } from './host/citationFiles';
import {
  toCodeActions,
  toCompletionItems,
  toDocumentLinks,
  toLocations,
  toDefinition,
  toDiagnostics,
  toDocumentSymbols,
  toFoldingRanges,
  toHover,
  toSymbolInformation,
} from './lsp/convert';
import { DocumentStore } from './lsp/documents';
import { registerWorkspaceRequests } from './lsp/workspace';
import { URI } from 'vscode-uri';
import { lifecycle, logError, runSafe, runSafeNotification } from './lsp/runner';
import { createServerConnection } from './lsp/transport';
import type { ReadOptions } from './host/read';
import { DiagnosticsScheduler } from './lsp/scheduler';
import { SettingsStore } from './lsp/settings';
import { nextUnanswered, statusOf } from './lsp/status';
import { PAIR_CAPABILITIES, PairHost, registerPair } from './lsp/pair';
import { FactsHost } from './lsp/facts';
import {
  CheckDocumentRequest,
  NextUnansweredRequest,
  StatusNotification,
  type CheckDocumentParams,
  type CheckDocumentResult,
  type NextUnansweredParams,
  type NextUnansweredResult,
  type StatusParams,
} from './protocol';

// Picks stdio, node-ipc or a socket from the command line (--stdio, --node-ipc, --socket=N).
const connection = createServerConnection();
const store = new DocumentStore();

const client = {
  configuration: false,
  dynamicConfiguration: false,
  hoverMarkdown: false,
  hierarchicalSymbols: false,
  definitionLinks: false,
};

const settings = new SettingsStore(connection, () => client.configuration);
let workspaceFolders: string[] = [];
/** False when the client says the workspace is untrusted (initializationOptions.trusted). */
let trusted = true;
const lastStatus = new Map<string, StatusParams>();

/**
 * What a path a document or the workspace names may be read from. Always: regular files only,
 * capped in size (`host/read.ts`). In an untrusted workspace also: only inside the workspace
 * folders (with none open, the folders of the open documents), symbolic links followed first.
 */
function readOptions(): ReadOptions {
  if (trusted) return {};
  const roots = workspaceFolders.length
    ? workspaceFolders
    : store.documents.all().flatMap((d) => {
        const u = URI.parse(d.uri);
        return u.scheme === 'file' ? [path.dirname(u.fsPath)] : [];
      });
  return { within: roots };
}

const pair = new PairHost(store, readOptions);
// The other letters and papers near a document, for citation definition, references and completion.
const citationFiles = new CitationFiles(
  () =>
    store.documents.all().map((doc) => ({
      uri: doc.uri,
      text: doc.getText(),
      citations: () => store.peek(doc)?.citations ?? findCitations(doc.getText()),
    })),
  () => readOptions(),
);

/**
 * The document a request names, its analysis and settings, all of the text the request was sent
 * against: messages are handled in order, so the text held when the request arrives is that
 * text. When a change arrives while the settings are fetched from the client, the request is
 * still answered on a snapshot of the earlier text (never on a mix of the two).
 */
async function current(uri: string): Promise<{ doc: TextDocument; analysis: Analysis; settings: Settings } | undefined> {
  const doc = store.get(uri);
  if (!doc) return undefined;
  const revision = store.revision(uri);
  const version = doc.version;
  const text = doc.getText();
  const s = await settings.get(uri);
  const latest = store.get(uri);
  if (latest && store.revision(uri) === revision) return { doc: latest, analysis: store.analysis(latest, s), settings: s };
  const snapshot = TextDocument.create(uri, doc.languageId, version, text);
  return { doc: snapshot, analysis: analyze(text, s), settings: s };
}

/**
 * Publish one text's diagnostics and status; returns how many diagnostics went out. Reading the
 * question letter and the folder may wait for the disk: when `isCurrent` then says a newer text
 * arrived meanwhile, nothing is sent (that text's own publish follows).
 */
async function publish(doc: TextDocument, analysis: Analysis, s: Settings, isCurrent: () => boolean = () => true): Promise<number> {
  const paired = await pair.state(doc, analysis, s);
  let own = analysis.findings;
  if (own.some((f) => f.code === 'unlinked-motion')) {
    // A motion cited with its number in another letter of the folder is linked after all.
    own = dropWorkspaceLinked(own, analysis.citations, (await citationFiles.workspace(doc.uri)).documents());
  }
  if (!isCurrent()) return 0;
  const diagnostics = toDiagnostics([...own, ...paired.findings, ...facts.findings(analysis, s)], analysis.lines, s);
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  const status = { ...statusOf(doc.uri, doc.version, analysis), questionLetter: paired.questionLetter, due: paired.due };
  lastStatus.set(doc.uri, status);
  void connection.sendNotification(StatusNotification, status);
  return diagnostics.length;
}

// Facts of cited papers (issue 4): when facts arrive, the letters citing them are published again.
const facts = new FactsHost(connection, (ids) => {
  for (const doc of store.documents.all()) {
    const a = store.peek(doc);
    if (a && !facts.cites(a, ids)) continue;
    scheduler.forget(doc.uri);
    scheduler.schedule(doc.uri);
  }
});

const scheduler = new DiagnosticsScheduler({
  document: (uri) => store.get(uri),
  revision: (uri) => store.revision(uri),
  settings: (uri) => settings.get(uri),
  analysis: (doc, s) => store.analysis(doc, s),
  publish: async (doc, analysis, s, isCurrent) => void (await publish(doc, analysis, s, isCurrent)),
  log: (name, e) => logError(connection, name, e),
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  lifecycle.state = 'running';
  const caps = params.capabilities;
  client.configuration = !!caps.workspace?.configuration;
  client.dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  const formats = caps.textDocument?.hover?.contentFormat;
  // Plain text unless the client prefers Markdown: eglot and ALE render only plain text.
  client.hoverMarkdown = Array.isArray(formats) && formats[0] === 'markdown';
  client.hierarchicalSymbols = !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
  client.definitionLinks = !!caps.textDocument?.definition?.linkSupport;
  workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((f) => URI.parse(f.uri))
    .filter((u) => u.scheme === 'file')
    .map((u) => u.fsPath);
  const init = params.initializationOptions as { trusted?: unknown } | null | undefined;
  trusted = !(init && typeof init === 'object' && init.trusted === false);
  settings.setGlobal(params.initializationOptions);
  facts.init(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      hoverProvider: true,
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      documentLinkProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: [' ', '.'] },
      ...PAIR_CAPABILITIES,
    },
    serverInfo: { name: 'antwoordbrief' },
  };
});

connection.onShutdown(() => {
  lifecycle.state = 'shutdown';
});

connection.onInitialized(() => {
  if (client.dynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'antwoordbrief' }).catch((e) => logError(connection, 'register', e));
  }
});

connection.onDidChangeConfiguration(
  runSafeNotification(connection, 'didChangeConfiguration', (params) => {
    settings.setGlobal(params.settings);
    settings.clear();
    store.clear();
    pair.clear();
    citationFiles.clear();
    scheduler.invalidate();
    for (const doc of store.documents.all()) scheduler.schedule(doc.uri);
  }),
);

async function runMode(uri: string): Promise<Settings['run']> {
  return (await settings.get(uri)).run;
}

store.documents.onDidOpen((e) => {
  // Nothing is published before initialize or after shutdown.
  if (lifecycle.state !== 'running') return;
  // Diagnostics on open in every mode but manual.
  void runMode(e.document.uri).then((mode) => {
    if (mode !== 'manual') scheduler.schedule(e.document.uri);
  });
});
store.documents.onDidChangeContent((e) => {
  if (lifecycle.state !== 'running') return;
  void runMode(e.document.uri).then((mode) => {
    if (mode === 'onType') scheduler.schedule(e.document.uri);
  });
});
store.documents.onDidSave((e) => {
  if (lifecycle.state !== 'running') return;
  void runMode(e.document.uri).then((mode) => {
    if (mode === 'onSave') scheduler.schedule(e.document.uri);
  });
});
store.documents.onDidClose((e) => {
  const uri = e.document.uri;
  store.drop(uri);
  settings.forget(uri);
  scheduler.forget(uri);
  lastStatus.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDocumentSymbol(
  runSafe(connection, 'documentSymbol', null, async ({ textDocument }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    const outline = documentOutline(cur.analysis.letter);
    return client.hierarchicalSymbols
      ? toDocumentSymbols(outline, cur.analysis.lines)
      : toSymbolInformation(outline, cur.analysis.lines, textDocument.uri);
  }),
);

connection.onFoldingRanges(
  runSafe(connection, 'foldingRange', null, async ({ textDocument }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    return toFoldingRanges(foldingSpans(cur.analysis.letter), cur.analysis.lines);
  }),
);

connection.onHover(
  runSafe(connection, 'hover', null, async ({ textDocument, position }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    const offset = cur.analysis.lines.offset(position);
    const result = facts.hover(hoverAt(cur.analysis, offset, await citationFiles.workspace(textDocument.uri)) ?? pair.hover(await pair.state(cur.doc, cur.analysis, cur.settings), cur.analysis, offset), cur.analysis, offset, cur.settings);
    return result ? toHover(result, cur.analysis.lines, client.hoverMarkdown) : null;
  }),
);

connection.onDefinition(
  runSafe(connection, 'definition', null, async ({ textDocument, position }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    const offset = cur.analysis.lines.offset(position);
    const targets = definitionAt(cur.analysis, offset, await citationFiles.workspace(textDocument.uri)) ?? pair.definition(await pair.state(cur.doc, cur.analysis, cur.settings), cur.analysis, offset) ?? (await facts.definition(cur.analysis, offset, cur.settings));
    return targets ? toDefinition(targets, textDocument.uri, cur.analysis.lines, client.definitionLinks) : null;
  }),
);

connection.onCodeAction(
  runSafe(connection, 'codeAction', null, async ({ textDocument, range, context }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    const { lines, findings, letter } = cur.analysis;
    const start = lines.offset(range.start);
    const end = lines.offset(range.end);
    const touching = findings.filter((f) => f.span.start <= end && f.span.end >= start);
    const fixes = [...quickFixes(letter, touching), ...canonicalCitationFixes(touching), ...pair.quickFixes(await pair.state(cur.doc, cur.analysis, cur.settings), cur.analysis, start, end)];
    return toCodeActions(fixes, textDocument.uri, lines, context.diagnostics);
  }),
);

connection.onRequest(
  NextUnansweredRequest,
  runSafe<NextUnansweredParams, NextUnansweredResult>(connection, 'nextUnanswered', null, async (params) => {
    const cur = await current(params.uri);
    if (!cur) return null;
    return nextUnanswered(statusOf(params.uri, cur.doc.version, cur.analysis), params.line, params.character);
  }),
);

connection.onRequest(
  CheckDocumentRequest,
  runSafe<CheckDocumentParams, CheckDocumentResult>(connection, 'checkDocument', { findings: 0 }, async (params) => {
    const cur = await current(params.uri);
    if (!cur) return { findings: 0 };
    await publish(cur.doc, cur.analysis, cur.settings);
    return { findings: cur.analysis.findings.length };
  }),
);

connection.onDocumentLinks(
  runSafe(connection, 'documentLinks', null, async ({ textDocument }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    return toDocumentLinks(citationLinks(cur.analysis.citations), cur.analysis.lines);
  }),
);

connection.onCompletion(
  runSafe(connection, 'completion', null, async ({ textDocument, position }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    const { analysis } = cur;
    const items = citationCompletions(analysis, analysis.lines.offset(position), await citationFiles.workspace(textDocument.uri));
    return items ? toCompletionItems(items, analysis.lines) : null;
  }),
);

registerPair(
  connection,
  store,
  pair,
  current,
  (uri) => {
    scheduler.forget(uri);
    scheduler.schedule(uri);
  },
  async (uri, analysis, offset) => {
    const found = findCitationReferences(analysis, offset, await citationFiles.workspace(uri));
    return found ? toLocations(found, uri, analysis.lines) : [];
  },
);

facts.register(current);

registerWorkspaceRequests(connection, {
  current,
  settings: (uri) => settings.get(uri),
  openUris: () => store.documents.all().map((d) => d.uri),
  publishOpen: async (uri) => {
    const cur = await current(uri);
    return cur ? publish(cur.doc, cur.analysis, cur.settings) : 0;
  },
  folders: () => workspaceFolders,
  readOptions,
});

// Last line of defence: log, never die, whatever a handler or a library throws.
process.on('uncaughtException', (e) => logError(connection, 'uncaughtException', e));
process.on('unhandledRejection', (e) => logError(connection, 'unhandledRejection', e));

store.documents.listen(connection);
connection.listen();
