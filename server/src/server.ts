// The language server: a thin host of the analysis core. Each handler looks up the document,
// returns early, calls the core and converts the result in `lsp/convert.ts`.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
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
import { logError, runSafe, runSafeNotification } from './lsp/runner';
import { DiagnosticsScheduler } from './lsp/scheduler';
import { SettingsStore } from './lsp/settings';
import { nextUnanswered, statusOf } from './lsp/status';
import { PAIR_CAPABILITIES, PairHost, registerPair } from './lsp/pair';
import { FactsHost } from './lsp/facts';
import { ExtractedQuestionLetters, registerExtract } from './lsp/extract';
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
const connection = createConnection(ProposedFeatures.all);
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
const lastStatus = new Map<string, StatusParams>();
// PDF and Word question letters are read in the background; the letters using one are checked again.
const extractedLetters = new ExtractedQuestionLetters((file) => {
  for (const uri of pair.usersOf(file)) {
    pair.invalidate(uri);
    scheduler.forget(uri);
    scheduler.schedule(uri);
  }
});
const pair = new PairHost(store, (files, file) => extractedLetters.missing(files, file));
// The other letters and papers near a document, for citation definition, references and completion.
const citationFiles = new CitationFiles(() =>
  store.documents.all().map((doc) => ({
    uri: doc.uri,
    text: doc.getText(),
    citations: () => store.peek(doc)?.citations ?? findCitations(doc.getText()),
  })),
);

async function current(uri: string): Promise<{ doc: TextDocument; analysis: Analysis; settings: Settings } | undefined> {
  const doc = store.get(uri);
  if (!doc) return undefined;
  const s = await settings.get(uri);
  const latest = store.get(uri);
  if (!latest) return undefined;
  return { doc: latest, analysis: store.analysis(latest, s), settings: s };
}

/** Publish one version's diagnostics and status; returns how many diagnostics went out. */
function publish(doc: TextDocument, analysis: Analysis, s: Settings): number {
  const paired = pair.state(doc, analysis, s);
  let own = analysis.findings;
  if (own.some((f) => f.code === 'unlinked-motion')) {
    // A motion cited with its number in another letter of the folder is linked after all.
    own = dropWorkspaceLinked(own, analysis.citations, citationFiles.workspace(doc.uri).documents());
  }
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
  settings: (uri) => settings.get(uri),
  analysis: (doc, s) => store.analysis(doc, s),
  publish,
  log: (name, e) => logError(connection, name, e),
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
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
  // Diagnostics on open in every mode but manual.
  void runMode(e.document.uri).then((mode) => {
    if (mode !== 'manual') scheduler.schedule(e.document.uri);
  });
});
store.documents.onDidChangeContent((e) => {
  void runMode(e.document.uri).then((mode) => {
    if (mode === 'onType') scheduler.schedule(e.document.uri);
  });
});
store.documents.onDidSave((e) => {
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
    const result = facts.hover(hoverAt(cur.analysis, offset, citationFiles.workspace(textDocument.uri)) ?? pair.hover(pair.state(cur.doc, cur.analysis, cur.settings), cur.analysis, offset), cur.analysis, offset, cur.settings);
    return result ? toHover(result, cur.analysis.lines, client.hoverMarkdown) : null;
  }),
);

connection.onDefinition(
  runSafe(connection, 'definition', null, async ({ textDocument, position }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    const offset = cur.analysis.lines.offset(position);
    const targets = definitionAt(cur.analysis, offset, citationFiles.workspace(textDocument.uri)) ?? pair.definition(pair.state(cur.doc, cur.analysis, cur.settings), cur.analysis, offset) ?? (await facts.definition(cur.analysis, offset, cur.settings));
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
    const fixes = [...quickFixes(letter, touching), ...canonicalCitationFixes(touching), ...pair.quickFixes(pair.state(cur.doc, cur.analysis, cur.settings), cur.analysis, start, end)];
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
    publish(cur.doc, cur.analysis, cur.settings);
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
    const items = citationCompletions(analysis, analysis.lines.offset(position), citationFiles.workspace(textDocument.uri));
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
  (uri, analysis, offset) => {
    const found = findCitationReferences(analysis, offset, citationFiles.workspace(uri));
    return found ? toLocations(found, uri, analysis.lines) : [];
  },
);

facts.register(current);
registerExtract(connection);

registerWorkspaceRequests(connection, {
  current,
  settings: (uri) => settings.get(uri),
  openUris: () => store.documents.all().map((d) => d.uri),
  publishOpen: async (uri) => {
    const cur = await current(uri);
    return cur ? publish(cur.doc, cur.analysis, cur.settings) : 0;
  },
  folders: () => workspaceFolders,
});

// Last line of defence: log, never die, whatever a handler or a library throws.
process.on('uncaughtException', (e) => logError(connection, 'uncaughtException', e));
process.on('unhandledRejection', (e) => logError(connection, 'unhandledRejection', e));

store.documents.listen(connection);
connection.listen();
