/** Every Dutch text the client shows, in one place so wording stays consistent. */
export const M = {
  serverRestarting: 'De Antwoordbrief-taalserver is onverwacht gestopt en wordt opnieuw gestart. Uw tekst blijft bewaard.',
  serverGivenUp: 'De Antwoordbrief-taalserver is in drie minuten vijf keer gestopt en wordt niet meer gestart. Uw tekst blijft bewaard. Herlaad het venster om het opnieuw te proberen.',
  serverStartFailed: (reason: string) => `De Antwoordbrief-taalserver kon niet starten: ${reason}`,
  serverNotRunning: 'De Antwoordbrief-taalserver draait niet. Open een Markdown- of tekstbestand of herlaad het venster.',
  notImplemented: (what: string) => `"${what}" wordt door deze versie van de Antwoordbrief-taalserver nog niet ondersteund.`,
  requestFailed: (what: string, reason: string) => `"${what}" is mislukt: ${reason}`,
  showOutput: 'Toon uitvoer',
  noEditor: 'Open eerst een brief in de editor.',
  notALetter: 'Dit document wordt niet door Antwoordbrief gecontroleerd (alleen Markdown, platte tekst en de talen en patronen uit de instellingen).',
  skeletonEmpty: 'In dit document zijn geen vragen gevonden; er is geen antwoordopzet gemaakt. Open de vragenbrief (Kamervragen of inbreng) en probeer het opnieuw.',
  skeletonDone: (n: number) => `Antwoordopzet gemaakt met ${n === 1 ? '1 vraag' : `${n} vragen`}.`,
  allAnswered: 'Alle vragen in deze brief zijn beantwoord.',
  noReference: 'Er staat geen Kamerstukverwijzing onder de cursor.',
  unsafeUrl: (url: string) => `Dit adres wordt niet geopend omdat het niet met https:// begint: ${url}`,
  checkingWorkspace: 'Antwoordbrief: brieven in de werkruimte controleren…',
  checkedWorkspace: (files: number, findings: number, unreadable = 0) =>
    `${files === 1 ? '1 brief' : `${files} brieven`} gecontroleerd, ${findings === 1 ? '1 bevinding' : `${findings} bevindingen`}` +
    (unreadable ? `; ${unreadable === 1 ? '1 bestand kon' : `${unreadable} bestanden konden`} niet gelezen worden` : '') +
    ' (zie het venster Problemen).',
  refreshing: 'Antwoordbrief: gegevens verversen…',
  refreshUntrusted: 'In een niet-vertrouwde werkruimte worden geen gegevens opgehaald. Vertrouw de werkruimte om gegevens te verversen.',
  refreshed: (resolved: number, requested: number) => `${resolved} van ${requested} ${requested === 1 ? 'verwijzing' : 'verwijzingen'} ververst.`,
  refreshFailed: (failed: { id: string; reason: string }[]) => `Niet ververst: ${failed.map((f) => `${f.id} (${f.reason})`).join('; ')}`,
  /** One calm status-bar line when every paper failed because the sources cannot be reached. */
  refreshUnreachable: (resolved: number, requested: number) =>
    `Antwoordbrief: ${resolved} van ${requested} ${requested === 1 ? 'verwijzing' : 'verwijzingen'} ververst; de bronnen zijn nu niet bereikbaar, de gegevens volgen later.`,
  statusText: (answered: number, total: number) => `${answered} van ${total} ${total === 1 ? 'vraag' : 'vragen'} beantwoord`,
  statusTooltipOpen: (n: number) => `${n === 1 ? 'Eén vraag is' : `${n} vragen zijn`} nog niet beantwoord. Klik om naar de volgende onbeantwoorde vraag te gaan.`,
  statusTooltipDone: 'Alle vragen zijn beantwoord.',
  statusNoQuestions: 'Geen vragen herkend',
  statusNoQuestionsTooltip: 'Deze brief lijkt vragen te bevatten, maar er is geen vraag herkend. Zie de melding in het venster Problemen.',
  statusDue: (date: string, daysLeft: number) =>
    daysLeft >= 0 ? `Antwoordtermijn: ${date} (nog ${daysLeft} ${daysLeft === 1 ? 'dag' : 'dagen'}).` : `Antwoordtermijn verstreken op ${date}.`,
  statusUntrusted: 'Niet-vertrouwde werkruimte: er worden geen gegevens opgehaald en bronadressen uit de werkruimte worden genegeerd.',
  statusName: 'Antwoordbrief: beantwoorde vragen',
  restartForSelector: 'De instellingen voor talen en bestandspatronen zijn gewijzigd; de taalserver wordt opnieuw gestart.',
  extractUnavailable: 'De tekst van dit bestand is niet beschikbaar: de Antwoordbrief-taalserver draait niet.',
  trustGranted: 'De werkruimte is vertrouwd: Antwoordbrief haalt nu gegevens op volgens de instellingen.',
  bestMatch: 'beste overeenkomst',
  browse: '$(folder-opened) Bladeren…',
  browseDetail: 'Kies een ander bestand (Markdown, tekst, PDF of Word) als vragenbrief.',
  chooseQuestionLetter: 'Welke vragenbrief hoort bij deze antwoordbrief?',
  chooseQuestionLetterHint: 'Vragenbrieven in deze map en geopende vragenbrieven, beste overeenkomst bovenaan',
  noCandidates: 'Geen vragenbrief gevonden in deze map: kies Bladeren…',
  linkAnyway: 'Toch koppelen',
  noCommitments: 'In deze brief zijn geen toezeggingen gevonden.',
  pastDue: 'termijn vóór de briefdatum',
  commitmentsTitle: (n: number, date: string | null, from: string) =>
    `${n === 1 ? '1 toezegging' : `${n} toezeggingen`} — ${date ? `termijnen gerekend vanaf ${date} (${from})` : 'de brief heeft geen datum'}`,
  commitmentsHint: 'Kies een toezegging om ernaartoe te gaan',
} as const;
