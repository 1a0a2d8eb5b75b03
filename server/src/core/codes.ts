/**
 * Every diagnostic code the product reports, with its default severity and a Dutch
 * description (used in settings and documentation). Codes are stable: never rename one.
 */
import type { Severity } from './model';

export interface CodeInfo {
  severity: Severity | 'off';
  /** Dutch, one line: what the check reports. */
  description: string;
}

export const CODES = {
  // Issue 2: every (sub)question answered.
  'unanswered-question': { severity: 'error', description: 'Een vraag of subvraag zonder antwoord.' },
  'subquestion-not-addressed': { severity: 'information', description: 'Een subvraag waar het antwoord niet op ingaat: het noemt haar kernwoorden niet, geeft alleen ja of nee op een open vraag, of slaat een geldende vervolgvraag (‘Zo nee, waarom niet?’) over.' },
  'dangling-answer-reference': { severity: 'error', description: 'Een verwijzing naar het antwoord op een vraag die niet bestaat.' },
  'reference-to-unanswered': { severity: 'error', description: 'Een verwijzing naar een vraag die zelf niet beantwoord is (ook kringverwijzingen).' },
  'answer-without-question': { severity: 'warning', description: 'Een antwoord zonder bijbehorende vraag.' },
  'duplicate-answer': { severity: 'warning', description: 'Een antwoord dat twee keer in de brief staat (hetzelfde antwoordkopje of antwoord nogmaals).' },
  'duplicate-question-number': { severity: 'warning', description: 'Een vraagnummer dat twee keer voorkomt.' },
  'missing-question-number': { severity: 'warning', description: 'Een overgeslagen vraagnummer (bijvoorbeeld 1a, 1b, 1d).' },
  // Issue 9: never silent.
  'no-questions-found': { severity: 'information', description: 'Een brief met vraagtekens of Vraag/Antwoord-kopjes waarin geen vraag herkend is.' },
  'placeholder-in-answer': { severity: 'warning', description: 'Een antwoord dat nog een placeholder bevat (PM, TODO, XXX, […]).' },
  // Issue 3: citations.
  'unlinked-motion': { severity: 'information', description: 'Een genoemde motie zonder vindbaar Kamerstuknummer.' },
  'noncanonical-citation': { severity: 'off', description: 'Een Kamerstukverwijzing die niet in de officiële vorm staat.' },
  // Issue 4: facts from the sources.
  'kamerstuk-not-found': { severity: 'warning', description: 'Een Kamerstuknummer dat in het dossier niet bestaat.' },
  'motion-mismatch': { severity: 'warning', description: 'Een motie-verwijzing naar een stuk dat geen motie is of een andere eerste indiener heeft.' },
  'motion-rejected': { severity: 'information', description: 'Een uitgevoerde motie die verworpen of ingetrokken is.' },
  // Issue 6: question letter and answer letter side by side.
  'question-missing': { severity: 'error', description: 'Een vraag uit de vragenbrief die in de antwoordbrief ontbreekt.' },
  'question-text-differs': { severity: 'warning', description: 'Een vraag die anders is overgenomen dan in de vragenbrief.' },
  'question-order': { severity: 'warning', description: 'Vragen in een andere volgorde dan in de vragenbrief.' },
  'question-extra': { severity: 'warning', description: 'Een vraag die niet in de vragenbrief staat.' },
  'question-letter-unreadable': { severity: 'warning', description: 'Een genoemde vragenbrief die niet gelezen kan worden (ontbreekt, gescand, beveiligd, te groot).' },
  'answer-term-exceeded': { severity: 'information', description: 'De antwoordtermijn is verstreken: overweeg een uitstelbericht.' },
  // Issue 10: bounds on hostile or broken letters.
  'too-many-findings': { severity: 'information', description: 'Een brief met meer meldingen dan getoond worden: de belangrijkste worden getoond, de rest is weggelaten.' },
  'too-many-citations': { severity: 'information', description: 'Een brief die meer Kamerstukken en moties noemt dan gelezen worden: verwijzingen na deze plaats worden niet gelezen.' },
  // Issue 12: commitments (toezeggingen).
  'new-commitment': { severity: 'off', description: 'Een toezegging aan de Kamer (met de termijn), voor wie elke toezegging gemarkeerd wil zien.' },
} satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
