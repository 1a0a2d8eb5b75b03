/**
 * The settings the core and its hosts honour (`antwoordbrief.*` in VS Code, flags in the CLI).
 */
import { CODES, type Code } from './codes';
import type { Severity } from './model';

export interface Settings {
  /** Severity per diagnostic code; 'off' silences the code. */
  severity: Partial<Record<Code | string, Severity | 'off'>>;
  /** When checks run in the editor. */
  run: 'onType' | 'onSave' | 'manual';
  sources: {
    offline: boolean;
    tweedekamerUrl: string;
    officielebekendmakingenUrl: string;
    /** Per request, in milliseconds. */
    timeoutMs: number;
  };
  /** Cache folder; empty means the host's default (the extension's global storage). */
  cacheDir: string;
  /** Path of the question letter for the current answer letter, overriding discovery. */
  questionLetter: string;
}

export const DEFAULT_SETTINGS: Settings = {
  severity: {},
  run: 'onType',
  sources: {
    offline: false,
    tweedekamerUrl: 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/',
    officielebekendmakingenUrl: 'https://repository.overheid.nl/',
    timeoutMs: 8000,
  },
  cacheDir: '',
  questionLetter: '',
};

/** The effective severity of a code under the given settings. */
export function severityOf(code: string, settings: Settings): Severity | 'off' {
  const configured = settings.severity[code];
  if (configured) return configured;
  return (CODES as Record<string, { severity: Severity | 'off' }>)[code]?.severity ?? 'warning';
}

/** The codes whose severity the settings set to 'off'. */
export function disabledCodes(settings: Settings): Set<string> {
  const off = new Set<string>();
  for (const code of Object.keys(CODES)) if (severityOf(code, settings) === 'off') off.add(code);
  for (const [code, sev] of Object.entries(settings.severity)) if (sev === 'off') off.add(code);
  return off;
}
