// The language server: a thin host of the analysis core. Each handler looks up the document,
// returns early, calls the core and converts the result in `lsp/convert.ts`.
import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import {
  DidChangeWatchedFilesNotification,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import type { Analysis } from './core/analyze';
import { createAnalyzer, type FeatureContext } from './core/analyzer';
import type { Diagnosis } from './core/diagnose';
import type { Settings } from './host/settings';
import { documentOutline } from './core/features/symbols';
import { foldingSpans } from './core/features/folding';
import { quickFixes, referenceAndPlaceholderFixes } from './core/features/quickfix';
import { citationLinks } from './core/features/citationLinks';
import { citationCompletions } from './core/features/citationCompletion';
import { canonicalCitationFixes } from './core/features/citationActions';
import { pairQuickFixes } from './core/pair/state';
import { findCitations } from './core/citations/index';
import { dueLabel, isPastDue, letterDateOriginLabel } from './core/commitments/present';
import { dutchDate } from './core/commitments/dates';
import { LetterContext } from './host/context';
import { FolderListings, fsPathOf, type ReadOptions } from './host/read';
import {
  toCodeActions,
  toCompletionItems,
  toDocumentLinks,
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
import { DiagnosticsScheduler } from './lsp/scheduler';
import { SettingsStore } from './lsp/settings';
import { nextUnanswered, statusOf } from './lsp/status';
import { PAIR_CAPABILITIES, registerPair, type Current } from './lsp/pair';
import { FactsHost } from './lsp/facts';
import { Diagnoses } from './lsp/diagnoses';
import { limitHeapGrowth } from './host/heap';
import { ExtractPrefetch, ExtractedQuestionLetters, registerExtract } from './lsp/extract';
import {
  CheckDocumentRequest,
  CommitmentsRequest,
  NextUnansweredRequest,
  SelectRangeCommand,
  StatusNotification,
  type CheckDocumentParams,
  type CheckDocumentResult,
  type CommitmentsParams,
  type CommitmentsResult,
  type NextUnansweredParams,
  type NextUnansweredResult,
  type StatusParams,
} from './protocol';

// The heap collects again at 1.1 x its live data, not up to 4 x (host/heap.ts: peak memory).
limitHeapGrowth();
// Picks stdio, node-ipc or a socket from the command line (--stdio, --node-ipc, --socket=N).
// Over stdio, a message without a valid Content-Length header ends the process (lsp/transport.ts).
const connection = createServerConnection();
// The one analyzer of this server: it owns every cache of the core, and goes with the process.
const analyzer = createAnalyzer();
const store = new DocumentStore(analyzer);

const client = {
  configuration: false,
  dynamicConfiguration: false,
  hoverMarkdown: false,
  hierarchicalSymbols: false,
  definitionLinks: false,
  /** Runs SelectRangeCommand itself after a quick fix (our VS Code client says so). */
  selectCommand: false,
  watchedFiles: false,
  /** Completion items may be snippets. */
  snippets: false,
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
        const file = fsPathOf(d.uri);
        return file ? [path.dirname(file)] : [];
      });
  return { within: roots };
}

// The workspace of each letter (open texts first, then the disk), as the CLI and the workspace check see it.
/** How long a folder listing holds with a file watcher, and without one. */
const LISTING_TTL_WATCHED_MS = 60_000;
const LISTING_TTL_MS = 5_000;
const letters = new LetterContext(
  () =>
    store.documents.all().map((doc) => ({
      uri: doc.uri,
      text: doc.getText(),
      citations: () => store.peek(doc)?.citations ?? findCitations(doc.getText()),
    })),
  (files, file) => extractedLetters.missing(files, file),
  readOptions,
  // Folders are listed once, not per keystroke (issue 10): a watching client says when files
  // change (didChangeWatchedFiles clears the listings); the time to live catches what no watcher
  // reports (a new subfolder), and is short for a client without one.
  new FolderListings(() => (client.watchedFiles ? LISTING_TTL_WATCHED_MS : LISTING_TTL_MS)),
);
// PDF and Word question letters are read in the background (issue 15); then the letters are checked again.
const extractedLetters = new ExtractedQuestionLetters(() => {
  for (const doc of store.documents.all()) {
    diagnoses.forget(doc.uri);
    scheduler.forget(doc.uri);
    scheduler.schedule(doc.uri);
  }
}, readOptions);
const diagnoses = new Diagnoses();

/**
 * The diagnosis of a document's text (`revision`, see DocumentStore): `diagnose` with the
 * letter's context, read from disk asynchronously (cached until something it depends on changes).
 * Diagnostics and requests on the same text share one diagnosis, also while it is being made.
 * Returns undefined when `isCurrent` says, once the disk was read, that a newer text arrived:
 * a text already replaced is not diagnosed (issue 10: its diagnosis would be made beside the
 * newer text's analysis, for nobody).
 */
function diagnosisOf(doc: TextDocument, revision: number, analysis: Analysis, s: Settings, isCurrent: () => boolean = () => true): Promise<Diagnosis | undefined> {
  // Another open letter uses this one as its question letter: it asks (a cached diagnosis made otherwise is stale).
  const asQuestionLetter = diagnoses.pairedWith(doc.uri).length > 0;
  const cached = diagnoses.get(doc.uri, revision, s);
  if (cached && cached.asQuestionLetter === (asQuestionLetter && !cached.pair.questions)) return Promise.resolve(cached);
  const pending = diagnosing.get(doc.uri);
  if (pending && pending.revision === revision && pending.settings === s && pending.asQuestionLetter === asQuestionLetter) {
    return pending.diagnosis.then((d) => d ?? (isCurrent() ? diagnosisOf(doc, revision, analysis, s, isCurrent) : undefined));
  }
  const made = (async () => {
    // The letters on disk only when they can change the findings (issue 10: see LetterContext.workspace).
    const context = { ...(await letters.context(doc.uri, analysis, s.questionLetter, facts.lookup(s))), asQuestionLetter };
    if (!isCurrent()) return undefined;
    const diagnosis = analyzer.diagnose(analysis, s.letterDate ? { ...context, letterDate: s.letterDate, letterDateFrom: 'instelling' } : context, s);
    // A newer text may have arrived while the disk was read: this diagnosis is of `revision` only.
    diagnoses.set(doc.uri, revision, s, diagnosis);
    return diagnosis;
  })();
  const entry = { revision, settings: s, asQuestionLetter, diagnosis: made };
  diagnosing.set(doc.uri, entry);
  const done = () => {
    if (diagnosing.get(doc.uri) === entry) diagnosing.delete(doc.uri);
  };
  made.then(done, done);
  return made;
}
/** The diagnosis being made per document (see diagnosisOf), shared by whoever asks for the same text. */
const diagnosing = new Map<string, { revision: number; settings: Settings; asQuestionLetter: boolean; diagnosis: Promise<Diagnosis | undefined> }>();

/** The answer to a request whose text changed before it was answered (LSP 3.17 ContentModified). */
function contentModified(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, 'de tekst is intussen gewijzigd');
}

/** Let the event loop turn once, so messages already received (a burst of typing) are handled first. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The document a request names, its analysis, settings and diagnosis, all of the text the
 * request was sent against (messages are handled in order, so the text held when the request
 * arrives is that text), or ContentModified (thrown as a ResponseError, which `runSafe` answers)
 * as soon as a change arrives before the answer is ready: while the settings are fetched from the
 * client, while changes already received are applied (the request waits two turns of the event
 * loop first, so a request in the middle of a burst of typing is not analysed at all), while it
 * waits for its turn, or while the disk is read. LSP 3.17 sanctions it for a result a change made
 * invalid; vscode-languageclient then shows nothing (hover) and VS Code asks again after the
 * change (outline, folding, code lens, links). So a request is never answered on a newer text,
 * nor on a mix, and the server holds at most the analysis and diagnosis of the newest text,
 * shared with diagnostics (issue 10: a snapshot analysis per older text, beside the newest one,
 * tripled the peak memory in fast typing).
 *
 * `newest`: for the commands the user runs (our client shows an error for a failed request, and
 * applies a command's result to the text the editor holds now), a request overtaken by a change
 * is answered on the newest text instead, wholly (LSP allows either; never a mix). No copy of an
 * earlier text is kept, however many commands wait.
 */
async function current(uri: string, needs: { workspace?: boolean; newest?: boolean } = {}): Promise<Current | undefined> {
  if (!store.get(uri)) return undefined;
  const revision = store.revision(uri);
  const s = await settings.get(uri);
  const overtaken = () => store.revision(uri) !== revision || !store.get(uri);
  const work = async (): Promise<Current | undefined> => {
    if (!needs.newest) {
      await turn();
      await turn();
    }
    // A command overtaken while the disk was read goes once more, on the text held then.
    for (;;) {
      const latest = store.get(uri);
      if (!latest) return undefined;
      if (!needs.newest && overtaken()) throw contentModified();
      const at = store.revision(uri);
      const isCurrent = () => store.revision(uri) === at && !!store.get(uri);
      const analysis = store.analysis(latest);
      const diagnosis = await diagnosisOf(latest, at, analysis, s, isCurrent);
      if (diagnosis) {
        // The letters on disk only for the requests that look through them (definition, references, hover, completion).
        const workspace = await letters.workspace(uri, needs.workspace ? undefined : analysis);
        if (isCurrent()) return { doc: latest, analysis, settings: s, diagnosis, workspace };
      }
      if (!needs.newest) throw contentModified();
    }
  };
  // One analysis of a document at a time: after the requests and the publish already working on it.
  const turnOf = store.exclusive(uri, work);
  if (needs.newest) return turnOf;
  // A request overtaken while it waits for its turn answers at once, not after the work before it.
  void turnOf.catch(() => undefined);
  const change = changed(uri, revision);
  try {
    return await Promise.race([turnOf, change.promise]);
  } finally {
    change.cancel();
  }
}

/**
 * A promise that rejects with ContentModified when the text of `uri` changes from `revision`
 * (never resolves otherwise), and `cancel` to stop waiting (the request was answered).
 */
function changed(uri: string, revision: number): { promise: Promise<never>; cancel: () => void } {
  if (store.revision(uri) !== revision) return { promise: Promise.reject(contentModified()), cancel: () => undefined };
  let tell = () => undefined as void;
  const promise = new Promise<never>((_resolve, reject) => {
    tell = () => reject(contentModified());
  });
  void promise.catch(() => undefined);
  const waiting = changeWaiters.get(uri) ?? new Set<() => void>();
  changeWaiters.set(uri, waiting);
  waiting.add(tell);
  return {
    promise,
    cancel: () => {
      waiting.delete(tell);
      if (!waiting.size && changeWaiters.get(uri) === waiting) changeWaiters.delete(uri);
    },
  };
}
/** Per document, the requests to tell when its text changes (see `changed`); emptied at each change. */
const changeWaiters = new Map<string, Set<() => void>>();

/** `current` for the commands the user runs: see `newest` there. */
const currentForCommand = (uri: string, needs: { workspace?: boolean } = {}) => current(uri, { ...needs, newest: true });

/** What the hover, definition and references of a document may use besides its analysis. */
function features(cur: Current): FeatureContext {
  return {
    diagnosis: cur.diagnosis,
    workspace: cur.workspace,
    peekFacts: facts.peek(cur.settings),
    dependents: diagnoses.pairedWith(cur.doc.uri).flatMap((uri) => {
      const doc = store.get(uri);
      const a = doc && store.peek(doc);
      const d = doc && a && diagnoses.peek(uri, store.revision(uri));
      return doc && a && d ? [{ uri, letter: a.letter, lines: a.lines, pair: d.pair }] : [];
    }),
  };
}

/**
 * Publish one text's diagnostics and status; returns how many diagnostics went out. Reading the
 * question letter and the folder may wait for the disk: when `isCurrent` then says a newer text
 * arrived meanwhile, nothing is sent (that text's own publish follows).
 */
async function publish(doc: TextDocument, analysis: Analysis, s: Settings, isCurrentText?: () => boolean): Promise<number> {
  const revision = store.revision(doc.uri);
  const isCurrent = isCurrentText ?? (() => store.revision(doc.uri) === revision && !!store.get(doc.uri));
  const d = await diagnosisOf(doc, revision, analysis, s, isCurrent);
  if (!d || !isCurrent()) return 0;
  const diagnostics = toDiagnostics(d.findings, analysis.lines, s);
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  const status = statusOf(doc.uri, doc.version, analysis, d, s);
  lastStatus.set(doc.uri, status);
  void connection.sendNotification(StatusNotification, status);
  // An open letter this one uses as its question letter, not yet shown as one: it is published again.
  const q = d.pair.questionUri;
  const shown = q && !d.pair.problem ? lastStatus.get(q) : undefined;
  if (q && shown && shown.total > 0 && shown.state !== 'questions') {
    scheduler.forget(q);
    scheduler.schedule(q);
  }
  return diagnostics.length;
}

/** Publish again every open letter whose findings depend on the letter at `uri` (it opened, changed, closed or changed on disk). */
function republishDependents(uri: string): void {
  for (const dep of diagnoses.dependentsOf(uri)) {
    scheduler.forget(dep);
    scheduler.schedule(dep);
  }
}

// Facts of cited papers (issue 4): when facts arrive, the letters citing them are published again.
const facts = new FactsHost(connection, (ids) => {
  for (const doc of store.documents.all()) {
    const a = store.peek(doc);
    if (a && !facts.cites(a.citations, ids)) continue;
    diagnoses.forget(doc.uri);
    scheduler.forget(doc.uri);
    scheduler.schedule(doc.uri);
  }
});

// The PDF and Word reader is started after the first publish when the workspace holds such a file (issue 15).
const prefetch = new ExtractPrefetch(
  () => workspaceFolders,
  () => store.documents.all().map((d) => d.getText()),
  (message) => connection.console.log(message),
);

const scheduler = new DiagnosticsScheduler({
  document: (uri) => store.get(uri),
  settings: (uri) => settings.get(uri),
  revision: (uri) => store.revision(uri),
  analysis: (doc) => store.analysis(doc),
  publish: async (doc, analysis, s, isCurrent) => {
    await publish(doc, analysis, s, isCurrent);
    prefetch.afterPublish();
  },
  log: (name, e) => logError(connection, name, e),
  exclusive: (uri, fn) => store.exclusive(uri, fn),
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
  const opts = params.initializationOptions as { clientCommands?: unknown } | undefined;
  client.selectCommand = Array.isArray(opts?.clientCommands) && opts.clientCommands.includes(SelectRangeCommand);
  client.watchedFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  client.snippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
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
  if (client.watchedFiles) {
    // Letters changed on disk (a question letter, a letter linking a motion) re-publish their dependents.
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,markdown,txt,pdf,docx}' }] })
      .catch((e) => logError(connection, 'register', e));
  }
});

connection.onDidChangeConfiguration(
  runSafeNotification(connection, 'didChangeConfiguration', (params) => {
    settings.setGlobal(params.settings);
    settings.clear();
    diagnoses.clear();
    letters.clear();
    scheduler.invalidate();
    for (const doc of store.documents.all()) scheduler.schedule(doc.uri);
    // Closed letters keep the workspace check's findings: shown at the new severities.
    void closedFindings.remap().catch((e) => logError(connection, 'didChangeConfiguration', e));
  }),
);

async function runMode(uri: string): Promise<Settings['run']> {
  return (await settings.get(uri)).run;
}

connection.onDidChangeWatchedFiles(
  runSafeNotification(connection, 'didChangeWatchedFiles', (params) => {
    for (const change of params.changes) {
      letters.forget(change.uri);
      if (!store.get(change.uri)) republishDependents(change.uri);
    }
  }),
);

store.documents.onDidOpen((e) => {
  letters.forget(e.document.uri);
  closedFindings.forget(e.document.uri);
  republishDependents(e.document.uri);
  // Nothing is published before initialize or after shutdown.
  if (lifecycle.state !== 'running') return;
  // Diagnostics on open in every mode but manual.
  void runMode(e.document.uri).then((mode) => {
    if (mode !== 'manual') scheduler.schedule(e.document.uri);
  });
});
store.documents.onDidChangeContent((e) => {
  // The diagnosis of the earlier text is let go (what its dependents need stays).
  diagnoses.release(e.document.uri);
  // The requests waiting on the earlier text answer ContentModified now (see `current`).
  const waiting = changeWaiters.get(e.document.uri);
  changeWaiters.delete(e.document.uri);
  for (const tell of waiting ?? []) tell();
  if (lifecycle.state !== 'running') return;
  republishDependents(e.document.uri);
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
  const questions = diagnoses.questionUriOf(uri);
  diagnoses.forget(uri);
  // Its question letter may no longer serve any open letter: shown as what it looks like again.
  if (questions && lastStatus.get(questions)?.state === 'questions' && store.get(questions)) {
    scheduler.forget(questions);
    scheduler.schedule(questions);
  }
  // From now on its text comes from the disk (if it is there): read the folder afresh.
  letters.forget(uri);
  republishDependents(uri);
  settings.forget(uri);
  scheduler.forget(uri);
  lastStatus.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDocumentSymbol(
  runSafe(connection, 'documentSymbol', null, async ({ textDocument }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    const outline = documentOutline(cur.diagnosis.pair.answerView ?? cur.analysis.letter, cur.diagnosis.commitments, cur.diagnosis.status);
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
    const cur = await current(textDocument.uri, { workspace: true });
    const result = cur && analyzer.hover(cur.analysis, cur.analysis.lines.offset(position), features(cur));
    return result ? toHover(result, cur.analysis.lines, client.hoverMarkdown) : null;
  }),
);

connection.onDefinition(
  runSafe(connection, 'definition', null, async ({ textDocument, position }) => {
    const cur = await current(textDocument.uri, { workspace: true });
    if (!cur) return null;
    const offset = cur.analysis.lines.offset(position);
    // Last, a paper outside the workspace: its text downloaded into the cache (the user asked).
    const targets = analyzer.definition(cur.analysis, offset, features(cur)) ?? (await facts.definition(cur.diagnosis.citations, offset, cur.settings));
    return targets ? toDefinition(targets, textDocument.uri, cur.analysis.lines, client.definitionLinks) : null;
  }),
);

connection.onCodeAction(
  runSafe(connection, 'codeAction', null, async ({ textDocument, range, context }) => {
    const cur = await current(textDocument.uri);
    if (!cur) return null;
    const { lines, letter } = cur.analysis;
    const start = lines.offset(range.start);
    const end = lines.offset(range.end);
    const touching = cur.diagnosis.findings.filter((f) => f.span.start <= end && f.span.end >= start);
    const fixes = [...quickFixes(letter, touching), ...referenceAndPlaceholderFixes(letter, touching), ...canonicalCitationFixes(touching), ...pairQuickFixes(touching, letter, start, end)];
    return toCodeActions(fixes, textDocument.uri, lines, context.diagnostics, client.selectCommand ? SelectRangeCommand : undefined);
  }),
);

connection.onRequest(
  NextUnansweredRequest,
  runSafe<NextUnansweredParams, NextUnansweredResult>(connection, 'nextUnanswered', null, async (params) => {
    const cur = await currentForCommand(params.uri);
    if (!cur) return null;
    return nextUnanswered(statusOf(params.uri, cur.doc.version, cur.analysis, cur.diagnosis, cur.settings), params.line, params.character);
  }),
);

connection.onRequest(
  CheckDocumentRequest,
  runSafe<CheckDocumentParams, CheckDocumentResult>(connection, 'checkDocument', { findings: 0 }, async (params) => {
    const cur = await currentForCommand(params.uri);
    if (!cur) return { findings: 0 };
    return { findings: await publish(cur.doc, cur.analysis, cur.settings) };
  }),
);

connection.onRequest(
  CommitmentsRequest,
  runSafe<CommitmentsParams, CommitmentsResult | null>(connection, 'commitments', null, async (params) => {
    const cur = await currentForCommand(params.uri);
    if (!cur) return null;
    const c = cur.diagnosis.commitments;
    return {
      letterDate: c.letterDate,
      letterDateText: c.letterDate ? dutchDate(c.letterDate) : null,
      letterDateFrom: letterDateOriginLabel(c.letterDateFrom),
      items: c.items.map((item) => ({
        text: item.text,
        range: cur.analysis.lines.range(item.span),
        due: dueLabel(item.due),
        dueDate: item.due.date,
        pastDue: isPastDue(item.due.date, c.letterDate),
      })),
    };
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
    const cur = await current(textDocument.uri, { workspace: true });
    if (!cur) return null;
    const { analysis } = cur;
    const items = citationCompletions(analysis, analysis.lines.offset(position), cur.workspace, features(cur).peekFacts);
    return items ? toCompletionItems(items, analysis.lines, client.snippets) : null;
  }),
);

registerPair(connection, {
  store,
  current,
  currentForCommand,
  letters,
  references: (cur, offset, includeDeclaration) => analyzer.references(cur.doc.uri, cur.analysis, offset, includeDeclaration, features(cur)),
});

facts.register(currentForCommand);
registerExtract(connection);

const closedFindings = registerWorkspaceRequests(connection, {
  current: currentForCommand,
  analyzer,
  letters,
  facts,
  settings: (uri) => settings.get(uri),
  openUris: () => store.documents.all().map((d) => d.uri),
  publishOpen: async (uri) => {
    const cur = await currentForCommand(uri);
    return cur ? publish(cur.doc, cur.analysis, cur.settings) : 0;
  },
  folders: () => workspaceFolders,
  readOptions,
  readExtracted: (file) => extractedLetters.read(letters.letters, file),
});

// Last line of defence: log, never die, whatever a handler or a library throws.
process.on('uncaughtException', (e) => logError(connection, 'uncaughtException', e));
process.on('unhandledRejection', (e) => logError(connection, 'unhandledRejection', e));

store.documents.listen(connection);
connection.listen();
