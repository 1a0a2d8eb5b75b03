// Writes the `contributes` part of package.json and the Dutch UI strings (package.nls.json,
// package.nls.nl.json) from one description, with the severity schema generated from
// server/src/core/codes.ts so every diagnostic code has a setting. Run: npm run manifest
// (test/e2e/manifest.test.ts fails when the committed files are out of date).
// Usage: node --import tsx scripts/gen-manifest.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { CODES } = await import(join(root, 'server/src/core/codes.ts'));
const { DEFAULT_SETTINGS, SETTING_KEYS: K } = await import(join(root, 'server/src/host/settings.ts'));
/** `antwoordbrief.<part>.<part>`: the keys are Dutch, so VS Code's titles derived from them are Dutch. */
const key = (...parts) => ['antwoordbrief', ...parts].join('.');

/** Every string VS Code shows for this extension; the base file is Dutch (see README). */
const nls = {
  'extension.description': 'Controleert antwoordbrieven aan de Staten-Generaal: onbeantwoorde (sub)vragen, Kamerstukverwijzingen en de vragenbrief.',
  'category': 'Antwoordbrief',
  'command.maakAntwoordopzet': 'Maak antwoordopzet',
  'command.volgendeOnbeantwoord': 'Volgende onbeantwoorde vraag',
  'command.openOfficieleBekendmakingen': 'Open op officielebekendmakingen.nl',
  'command.controleerWerkruimte': 'Controleer alle brieven in de werkruimte',
  'command.verversGegevens': 'Ververs gegevens',
  'command.toonUitvoer': 'Toon uitvoer van de taalserver',
  'command.maakAntwoordopzetUitBestand': 'Maak antwoordopzet uit PDF of Word…',
  'command.openAlsTekst': 'Open als tekst',
  'command.koppelVragenbrief': 'Koppel vragenbrief…',
  'command.toonToezeggingen': 'Toon toezeggingen',
  'config.title': 'Antwoordbrief',
  'config.languages': 'Extra taal-id\'s (naast Markdown en platte tekst) waarin brieven worden gecontroleerd, bijvoorbeeld `latex`. Geldt direct; de extensie start zodra VS Code is opgestart of eerder, zodra een Markdown- of tekstbestand wordt geopend.',
  'config.include': 'Extra bestandspatronen (glob) van brieven die worden gecontroleerd, bijvoorbeeld `**/*.brief`. Geldt direct. Wordt in een niet-vertrouwde werkruimte alleen uit de gebruikersinstellingen gelezen.',
  'config.severity': 'Ernst per controle: `error` (fout), `warning` (waarschuwing), `information` (informatie), `hint` of `off` (uit: de controle draait niet). Elke controle staat in de lijst met haar standaardernst; de uitleg per controle staat bij de naam.',
  'config.severity.error': 'Fout (rode kronkellijn).',
  'config.severity.warning': 'Waarschuwing (gele kronkellijn).',
  'config.severity.information': 'Informatie (blauwe kronkellijn).',
  'config.severity.hint': 'Hint (stippellijn).',
  'config.severity.off': 'Uit: deze controle draait niet.',
  'config.run': 'Wanneer de controles draaien.',
  'config.run.onType': 'Tijdens het typen.',
  'config.run.onSave': 'Bij het opslaan.',
  'config.run.manual': 'Alleen met de opdracht "Controleer alle brieven in de werkruimte".',
  'config.run.onType.label': 'Tijdens het typen',
  'config.run.onSave.label': 'Bij opslaan',
  'config.run.manual.label': 'Alleen op verzoek',
  'config.severity.error.label': 'Fout',
  'config.severity.warning.label': 'Waarschuwing',
  'config.severity.information.label': 'Informatie',
  'config.severity.hint.label': 'Hint',
  'config.severity.off.label': 'Uit',
  'config.trace.server.off.label': 'Uit',
  'config.trace.server.messages.label': 'Berichten',
  'config.trace.server.verbose.label': 'Uitgebreid (met documenttekst)',
  'config.sources.offline': 'Haal geen gegevens op bij de Tweede Kamer of officielebekendmakingen.nl; gebruik alleen de cache. In een niet-vertrouwde werkruimte staat dit altijd aan.',
  'config.sources.tweedekamerUrl': 'Adres van de OData-API van het gegevensmagazijn van de Tweede Kamer. Wordt in een niet-vertrouwde werkruimte alleen uit de gebruikersinstellingen gelezen.',
  'config.sources.officielebekendmakingenUrl': 'Adres van de repository van officielebekendmakingen.nl (SRU en publicaties). Wordt in een niet-vertrouwde werkruimte alleen uit de gebruikersinstellingen gelezen.',
  'config.sources.timeoutMs': 'Maximale wachttijd per verzoek aan een bron, in milliseconden.',
  'config.cacheDir': 'Map voor de cache met opgehaalde gegevens. Leeg: de opslagmap van de extensie. Wordt in een niet-vertrouwde werkruimte alleen uit de gebruikersinstellingen gelezen.',
  'config.questionLetter': 'Pad van de vragenbrief bij deze antwoordbrief (relatief aan de werkruimte). Leeg: automatisch zoeken. Wordt in een niet-vertrouwde werkruimte niet gebruikt.',
  'config.briefdatum': 'Datum van de brief (JJJJ-MM-DD) voor de termijnen van toezeggingen, als de brief zelf geen datum heeft ("Den Haag, 3 februari 2021", "Datum 26 november 2025"). Leeg: de datum van het bestand.',
  'config.trace.server': 'Logt het berichtenverkeer met de taalserver in het uitvoervenster. Let op: `verbose` logt ook de tekst van uw documenten.',
  'untrusted.description': 'In een niet-vertrouwde werkruimte worden brieven wel gecontroleerd, maar worden geen gegevens opgehaald bij de Tweede Kamer of officielebekendmakingen.nl en worden bronadressen, cachemap, vragenbrief en bestandspatronen uit de werkruimte-instellingen genegeerd.',
  'virtual.description': 'In een virtuele werkruimte worden alleen geopende documenten gecontroleerd.',
};
// Two texts per check: VS Code shows `description` as plain text (the Settings editor's table and
// the tooltip of each row), `markdownDescription` rendered. No Markdown in the plain one.
for (const [code, info] of Object.entries(CODES)) {
  const label = nls[`config.severity.${info.severity}.label`].toLowerCase();
  nls[`config.severity.code.${code}`] = `${info.description} Standaard: ${label} (${info.severity}).`;
  nls[`config.severity.code.${code}.md`] = `${info.description} Standaard: ${label} (\`${info.severity}\`).`;
}

const severityEnum = ['error', 'warning', 'information', 'hint', 'off'];
const severityEnumDescriptions = severityEnum.map((s) => `%config.severity.${s}%`);
const severityEnumLabels = severityEnum.map((s) => `%config.severity.${s}.label%`);

const contributes = {
  configuration: {
    title: '%config.title%',
    properties: {
      [key(K.languages)]: { type: 'array', items: { type: 'string' }, default: [], scope: 'window', markdownDescription: '%config.languages%' },
      [key(K.include)]: { type: 'array', items: { type: 'string' }, default: [], scope: 'window', markdownDescription: '%config.include%' },
      [key(K.severity)]: {
        type: 'object',
        scope: 'resource',
        // Every check listed with its default, so the Settings editor shows them all (not only after "Add Item").
        default: Object.fromEntries(Object.entries(CODES).map(([code, info]) => [code, info.severity])),
        markdownDescription: '%config.severity%',
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(CODES).map(([code, info]) => [code, {
          type: 'string', enum: severityEnum, enumDescriptions: severityEnumDescriptions, enumItemLabels: severityEnumLabels, default: info.severity,
          // The Settings editor's table shows `description` beside each check's key; hovers use the Markdown one.
          description: `%config.severity.code.${code}%`,
          markdownDescription: `%config.severity.code.${code}.md%`,
        }])),
      },
      [key(K.run)]: {
        type: 'string', enum: ['onType', 'onSave', 'manual'], default: DEFAULT_SETTINGS.run, scope: 'resource',
        markdownDescription: '%config.run%',
        enumDescriptions: ['%config.run.onType%', '%config.run.onSave%', '%config.run.manual%'],
        enumItemLabels: ['%config.run.onType.label%', '%config.run.onSave.label%', '%config.run.manual.label%'],
      },
      [key(K.sources, K.offline)]: { type: 'boolean', default: DEFAULT_SETTINGS.sources.offline, scope: 'resource', markdownDescription: '%config.sources.offline%' },
      [key(K.sources, K.tweedekamerUrl)]: { type: 'string', format: 'uri', default: DEFAULT_SETTINGS.sources.tweedekamerUrl, scope: 'resource', markdownDescription: '%config.sources.tweedekamerUrl%' },
      [key(K.sources, K.officielebekendmakingenUrl)]: { type: 'string', format: 'uri', default: DEFAULT_SETTINGS.sources.officielebekendmakingenUrl, scope: 'resource', markdownDescription: '%config.sources.officielebekendmakingenUrl%' },
      [key(K.sources, K.timeoutMs)]: { type: 'number', minimum: 100, default: DEFAULT_SETTINGS.sources.timeoutMs, scope: 'resource', markdownDescription: '%config.sources.timeoutMs%' },
      [key(K.cacheDir)]: { type: 'string', default: DEFAULT_SETTINGS.cacheDir, scope: 'resource', markdownDescription: '%config.cacheDir%' },
      [key(K.questionLetter)]: { type: 'string', default: DEFAULT_SETTINGS.questionLetter, scope: 'resource', markdownDescription: '%config.questionLetter%' },
      [key(K.letterDate)]: { type: 'string', default: DEFAULT_SETTINGS.letterDate, pattern: '^(\\d{4}-\\d{2}-\\d{2})?$', scope: 'resource', markdownDescription: '%config.briefdatum%' },
      // The language client reads this key itself: it keeps its name.
      'antwoordbrief.trace.server': {
        type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', scope: 'window', markdownDescription: '%config.trace.server%',
        enumItemLabels: ['%config.trace.server.off.label%', '%config.trace.server.messages.label%', '%config.trace.server.verbose.label%'],
      },
    },
  },
  commands: [
    ['maakAntwoordopzet', '$(new-file)'],
    ['volgendeOnbeantwoord', '$(arrow-down)'],
    ['openOfficieleBekendmakingen', '$(link-external)'],
    ['controleerWerkruimte', '$(checklist)'],
    ['verversGegevens', '$(refresh)'],
    ['toonUitvoer', '$(output)'],
    ['maakAntwoordopzetUitBestand', '$(file-pdf)'],
    ['openAlsTekst', '$(file-text)'],
    ['koppelVragenbrief', '$(link)'],
    ['toonToezeggingen', '$(checklist)'],
  ].map(([name, icon]) => ({ command: `antwoordbrief.${name}`, title: `%command.${name}%`, category: '%category%', icon })),
  menus: {
    commandPalette: [
      { command: 'antwoordbrief.maakAntwoordopzet', when: 'antwoordbrief.letterActive' },
      { command: 'antwoordbrief.volgendeOnbeantwoord', when: 'antwoordbrief.letterActive' },
      { command: 'antwoordbrief.openOfficieleBekendmakingen', when: 'antwoordbrief.letterActive' },
      { command: 'antwoordbrief.verversGegevens', when: 'antwoordbrief.letterActive && isWorkspaceTrusted' },
      { command: 'antwoordbrief.controleerWerkruimte', when: 'workspaceFolderCount > 0' },
      { command: 'antwoordbrief.koppelVragenbrief', when: 'antwoordbrief.letterActive' },
      { command: 'antwoordbrief.toonToezeggingen', when: 'antwoordbrief.letterActive' },
      // Needs a file from the Explorer (its argument); the palette has the file picker instead.
      { command: 'antwoordbrief.openAlsTekst', when: 'false' },
    ],
    'editor/context': [
      { command: 'antwoordbrief.maakAntwoordopzet', when: 'antwoordbrief.letterActive', group: 'antwoordbrief@1' },
      { command: 'antwoordbrief.volgendeOnbeantwoord', when: 'antwoordbrief.letterActive', group: 'antwoordbrief@2' },
      { command: 'antwoordbrief.openOfficieleBekendmakingen', when: 'antwoordbrief.letterActive', group: 'antwoordbrief@3' },
      { command: 'antwoordbrief.verversGegevens', when: 'antwoordbrief.letterActive && isWorkspaceTrusted', group: 'antwoordbrief@4' },
      { command: 'antwoordbrief.toonToezeggingen', when: 'antwoordbrief.letterActive', group: 'antwoordbrief@5' },
    ],
    'explorer/context': [
      { command: 'antwoordbrief.controleerWerkruimte', when: 'explorerResourceIsRoot', group: 'antwoordbrief@1' },
      { command: 'antwoordbrief.openAlsTekst', when: 'resourceExtname =~ /^\\.(pdf|docx)$/i', group: 'antwoordbrief@2' },
      { command: 'antwoordbrief.maakAntwoordopzetUitBestand', when: 'resourceExtname =~ /^\\.(pdf|docx)$/i', group: 'antwoordbrief@3' },
    ],
  },
  grammars: [
    { language: 'plaintext', scopeName: 'text.plain.antwoordbrief', path: './syntaxes/plaintext.tmLanguage.json' },
    { scopeName: 'text.antwoordbrief.injection', path: './syntaxes/antwoordbrief.injection.tmLanguage.json', injectTo: ['text.html.markdown', 'text.plain.antwoordbrief'] },
  ],
  snippets: [
    { language: 'markdown', path: './snippets/antwoordbrief.json' },
    { language: 'plaintext', path: './snippets/antwoordbrief.plaintext.json' },
  ],
};

const pkgPath = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
pkg.contributes = contributes;
pkg.capabilities.untrustedWorkspaces.restrictedConfigurations = [
  key(K.sources, K.tweedekamerUrl), key(K.sources, K.officielebekendmakingenUrl), key(K.sources, K.offline),
  key(K.cacheDir), key(K.questionLetter), key(K.include),
];
const outputs = {
  [pkgPath]: JSON.stringify(pkg, null, 2) + '\n',
  [join(root, 'package.nls.json')]: JSON.stringify(nls, null, 2) + '\n',
  [join(root, 'package.nls.nl.json')]: JSON.stringify(nls, null, 2) + '\n',
};
const check = process.argv.includes('--check');
let stale = [];
for (const [file, text] of Object.entries(outputs)) {
  let old = '';
  try { old = readFileSync(file, 'utf8'); } catch {}
  if (check) { if (file === pkgPath ? JSON.stringify(JSON.parse(old).contributes) !== JSON.stringify(contributes) || JSON.stringify(JSON.parse(old).capabilities) !== JSON.stringify(pkg.capabilities) : old !== text) stale.push(file); }
  else if (old !== text) writeFileSync(file, text);
}
if (check && stale.length) { console.error(`Verouderd (draai npm run manifest): ${stale.join(', ')}`); process.exit(1); }
