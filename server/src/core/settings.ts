/**
 * The settings the core honours: the severity per finding code (`antwoordbrief.severity` in
 * VS Code). The hosts' own settings (when checks run, the sources, the cache folder, the
 * question letter) are in server/src/host/settings.ts.
 */
import { CODES, type Code } from './codes';
import type { Severity } from './model';

export interface Settings {
  /** Severity per diagnostic code; 'off' silences the code. */
  severity: Partial<Record<Code | string, Severity | 'off'>>;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ severity: Object.freeze({}) }) as Settings;

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
