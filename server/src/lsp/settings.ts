// Settings per resource, read from the client through `workspace/configuration`.
import type { Connection } from 'vscode-languageserver';
import type { Severity } from '../core/model';
import { DEFAULT_SETTINGS, type Settings } from '../host/settings';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const RUN = new Set(['onType', 'onSave', 'manual']);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Settings from the `antwoordbrief` section as a client sends it. Accepts the severity as an
 * object (`antwoordbrief.severity: { code: level }`) and as dotted keys
 * (`antwoordbrief.severity.<code>`, which some clients send unnested); ignores what it does
 * not understand instead of failing.
 */
export function settingsFromConfig(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, severity: {}, sources: { ...DEFAULT_SETTINGS.sources } };
  if (!isObject(raw)) return s;
  const severity: Record<string, Severity | 'off'> = {};
  const addSeverity = (code: string, level: unknown) => {
    if (typeof level === 'string' && SEVERITIES.has(level)) severity[code] = level as Severity | 'off';
  };
  if (isObject(raw.severity)) for (const [code, level] of Object.entries(raw.severity)) addSeverity(code, level);
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('severity.')) addSeverity(key.slice('severity.'.length), value);
  }
  s.severity = severity;
  if (typeof raw.run === 'string' && RUN.has(raw.run)) s.run = raw.run as Settings['run'];
  if (isObject(raw.sources)) {
    const src = raw.sources;
    if (typeof src.offline === 'boolean') s.sources.offline = src.offline;
    if (typeof src.tweedekamerUrl === 'string' && src.tweedekamerUrl) s.sources.tweedekamerUrl = src.tweedekamerUrl;
    if (typeof src.officielebekendmakingenUrl === 'string' && src.officielebekendmakingenUrl) s.sources.officielebekendmakingenUrl = src.officielebekendmakingenUrl;
    if (typeof src.timeoutMs === 'number' && src.timeoutMs > 0) s.sources.timeoutMs = src.timeoutMs;
  }
  if (typeof raw.cacheDir === 'string') s.cacheDir = raw.cacheDir;
  if (typeof raw.questionLetter === 'string') s.questionLetter = raw.questionLetter;
  return s;
}

/**
 * Settings per document URI. Asks the client (`workspace/configuration`, scoped to the
 * resource) when it supports that; otherwise uses what `didChangeConfiguration` or the
 * initialization options carried. Answers are kept until the configuration changes, so a
 * keystroke never waits for a round trip to the client.
 */
export class SettingsStore {
  private readonly perUri = new Map<string, Promise<Settings>>();
  private global: Settings = settingsFromConfig(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly canAskClient: () => boolean,
  ) {}

  /** Settings pushed by the client (initializationOptions or didChangeConfiguration). */
  setGlobal(raw: unknown): void {
    const section = isObject(raw) && isObject(raw.antwoordbrief) ? raw.antwoordbrief : raw;
    if (isObject(section)) this.global = settingsFromConfig(section);
  }

  get(uri: string): Promise<Settings> {
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.fetch(uri);
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** Forget everything read so far (configuration changed). */
  clear(): void {
    this.perUri.clear();
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  private async fetch(uri: string): Promise<Settings> {
    if (!this.canAskClient()) return this.global;
    try {
      const [raw] = await this.connection.workspace.getConfiguration([{ scopeUri: uri, section: 'antwoordbrief' }]);
      return raw == null ? this.global : settingsFromConfig(raw);
    } catch (e) {
      this.connection.console.error(`antwoordbrief: configuratie niet gelezen: ${String(e)}`);
      return this.global;
    }
  }
}
