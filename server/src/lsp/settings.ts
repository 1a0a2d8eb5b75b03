// Settings per resource, read from the client through `workspace/configuration`.
import type { Connection } from 'vscode-languageserver';
import type { Severity } from '../core/model';
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings } from '../host/settings';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const RUN = new Set(['onType', 'onSave', 'manual']);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Settings from the `antwoordbrief` section as a client sends it (keys in `SETTING_KEYS`).
 * Accepts the severity as an object (`antwoordbrief.ernst: { code: level }`) and as dotted keys
 * (`antwoordbrief.ernst.<code>`, and `bronnen.<key>` likewise, which some clients send
 * unnested); ignores what it does not understand instead of failing.
 */
export function settingsFromConfig(raw: unknown): Settings {
  const K = SETTING_KEYS;
  const s: Settings = { ...DEFAULT_SETTINGS, severity: {}, sources: { ...DEFAULT_SETTINGS.sources } };
  if (!isObject(raw)) return s;
  const severity: Record<string, Severity | 'off'> = {};
  const addSeverity = (code: string, level: unknown) => {
    if (typeof level === 'string' && SEVERITIES.has(level)) severity[code] = level as Severity | 'off';
  };
  const sev = raw[K.severity];
  if (isObject(sev)) for (const [code, level] of Object.entries(sev)) addSeverity(code, level);
  const src: Record<string, unknown> = isObject(raw[K.sources]) ? { ...(raw[K.sources] as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(`${K.severity}.`)) addSeverity(key.slice(K.severity.length + 1), value);
    else if (key.startsWith(`${K.sources}.`)) src[key.slice(K.sources.length + 1)] = value;
  }
  s.severity = severity;
  const run = raw[K.run];
  if (typeof run === 'string' && RUN.has(run)) s.run = run as Settings['run'];
  const offline = src[K.offline];
  if (typeof offline === 'boolean') s.sources.offline = offline;
  const tk = src[K.tweedekamerUrl];
  if (typeof tk === 'string' && tk) s.sources.tweedekamerUrl = tk;
  const koop = src[K.officielebekendmakingenUrl];
  if (typeof koop === 'string' && koop) s.sources.officielebekendmakingenUrl = koop;
  const timeout = src[K.timeoutMs];
  if (typeof timeout === 'number' && timeout > 0) s.sources.timeoutMs = timeout;
  if (typeof raw[K.cacheDir] === 'string') s.cacheDir = raw[K.cacheDir] as string;
  if (typeof raw[K.questionLetter] === 'string') s.questionLetter = raw[K.questionLetter] as string;
  const letterDate = raw[K.letterDate];
  if (typeof letterDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(letterDate.trim())) s.letterDate = letterDate.trim();
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
