import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';
import { SETTING_KEYS } from '../../server/src/host/settings';
import { EXTRACTED_TEXT_SCHEME } from '../../server/src/protocol';

/** Languages checked without any setting. */
export const BASE_LANGUAGES = ['markdown', 'plaintext'];
const SCHEMES = ['file', 'untitled'];

export interface SelectorSettings {
  languages: string[];
  include: string[];
}

/** Reads `antwoordbrief.talen` / `antwoordbrief.bestandspatronen`, dropping anything that is not a non-empty string. */
export function readSelectorSettings(): SelectorSettings {
  const config = vscode.workspace.getConfiguration('antwoordbrief');
  const clean = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : []);
  return { languages: clean(config.get(SETTING_KEYS.languages)), include: clean(config.get(SETTING_KEYS.include)) };
}

/** The documents the server is told about: base and configured languages, plus configured glob patterns. */
export function documentSelector(s: SelectorSettings): DocumentSelector {
  const languages = [...new Set([...BASE_LANGUAGES, ...s.languages])];
  const selector: { language?: string; scheme: string; pattern?: string }[] = [];
  for (const language of languages) for (const scheme of SCHEMES) selector.push({ language, scheme });
  for (const pattern of new Set(s.include)) selector.push({ scheme: 'file', pattern });
  // The read-only text of a PDF or Word file ("Open als tekst").
  selector.push({ scheme: EXTRACTED_TEXT_SCHEME });
  return selector;
}

export function sameSelectorSettings(a: SelectorSettings, b: SelectorSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
