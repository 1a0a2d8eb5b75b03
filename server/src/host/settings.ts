/**
 * The settings the hosts honour (`antwoordbrief.*` in VS Code, flags in the CLI): the core's
 * (the severity per code) and the hosts' own.
 */
import { DEFAULT_SETTINGS as CORE_DEFAULTS, type Settings as CoreSettings } from '../core/settings';

export interface Settings extends CoreSettings {
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
  /**
   * The letter's date (`YYYY-MM-DD`) when its header has none, for the due dates of its
   * commitments; empty: the file's date (see host/fileDate.ts).
   */
  letterDate: string;
}

/**
 * The keys of the `antwoordbrief` section, as a client sends them. They are Dutch because VS Code
 * derives each setting's title in the Settings editor from its key (`antwoordbrief.bronnen.offline`
 * shows as "Bronnen: Offline"); the core's `Settings` keeps its English field names.
 */
export const SETTING_KEYS = {
  languages: 'talen',
  include: 'bestandspatronen',
  severity: 'ernst',
  run: 'controleren',
  sources: 'bronnen',
  offline: 'offline',
  tweedekamerUrl: 'adresTweedeKamer',
  // With the diaeresis: VS Code shows the title "Adres Officiële Bekendmakingen" from it.
  officielebekendmakingenUrl: 'adresOfficiëleBekendmakingen',
  timeoutMs: 'wachttijdMilliseconden',
  cacheDir: 'cachemap',
  questionLetter: 'vragenbrief',
  letterDate: 'briefdatum',
} as const;

export const DEFAULT_SETTINGS: Settings = {
  ...CORE_DEFAULTS,
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
  letterDate: '',
};
