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
const { DEFAULT_SETTINGS } = await import(join(root, 'server/src/core/settings.ts'));

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
  'config.title': 'Antwoordbrief',
  'config.languages': 'Extra taal-id\'s (naast Markdown en platte tekst) waarin brieven worden gecontroleerd, bijvoorbeeld `latex`. Geldt direct; de extensie wordt geactiveerd zodra een Markdown- of tekstbestand of een opdracht van Antwoordbrief wordt geopend.',
  'config.include': 'Extra bestandspatronen (glob) van brieven die worden gecontroleerd, bijvoorbeeld `**/*.brief`. Geldt direct. Wordt in een niet-vertrouwde werkruimte alleen uit de gebruikersinstellingen gelezen.',
  'config.severity': 'Ernst per controle. `off` zet de controle uit; een controle die hier niet staat, heeft haar standaardernst.',
  'config.severity.error': 'Fout (rode kronkellijn).',
  'config.severity.warning': 'Waarschuwing (gele kronkellijn).',
  'config.severity.information': 'Informatie (blauwe kronkellijn).',
  'config.severity.hint': 'Hint (stippellijn).',
  'config.severity.off': 'Uit: deze controle draait niet.',
  'config.run': 'Wanneer de controles draaien.',
  'config.run.onType': 'Tijdens het typen.',
  'config.run.onSave': 'Bij het opslaan.',
  'config.run.manual': 'Alleen met de opdracht "Controleer alle brieven in de werkruimte".',
  'config.sources.offline': 'Haal geen gegevens op bij de Tweede Kamer of officielebekendmakingen.nl; gebruik alleen de cache. In een niet-vertrouwde werkruimte staat dit altijd aan.',
  'config.sources.tweedekamerUrl': 'Adres van de OData-API van het gegevensmagazijn van de Tweede Kamer. Wordt in een niet-vertrouwde werkruimte alleen uit de gebruikersinstellingen gelezen.',
  'config.sources.officielebekendmakingenUrl': 'Adres van de repository van officielebekendmakingen.nl (SRU en publicaties). Wordt in een niet-vertrouwde werkruimte alleen uit de gebruikersinstellingen gelezen.',
  'config.sources.timeoutMs': 'Maximale wachttijd per verzoek aan een bron, in milliseconden.',
  'config.cacheDir': 'Map voor de cache met opgehaalde gegevens. Leeg: de opslagmap van de extensie. Wordt in een niet-vertrouwde werkruimte alleen uit de gebruikersinstellingen gelezen.',
  'config.questionLetter': 'Pad van de vragenbrief bij deze antwoordbrief (relatief aan de werkruimte). Leeg: automatisch zoeken. Wordt in een niet-vertrouwde werkruimte niet gebruikt.',
  'config.trace.server': 'Logt het berichtenverkeer met de taalserver in het uitvoervenster. Let op: `verbose` logt ook de tekst van uw documenten.',
  'untrusted.description': 'In een niet-vertrouwde werkruimte worden brieven wel gecontroleerd, maar worden geen gegevens opgehaald bij de Tweede Kamer of officielebekendmakingen.nl en worden bronadressen, cachemap, vragenbrief en bestandspatronen uit de werkruimte-instellingen genegeerd.',
  'virtual.description': 'In een virtuele werkruimte worden alleen geopende documenten gecontroleerd.',
};
for (const [code, info] of Object.entries(CODES)) nls[`config.severity.code.${code}`] = `${info.description} Standaard: \`${info.severity}\`.`;

const severityEnum = ['error', 'warning', 'information', 'hint', 'off'];
const severityEnumDescriptions = severityEnum.map((s) => `%config.severity.${s}%`);

const contributes = {
  configuration: {
    title: '%config.title%',
    properties: {
      'antwoordbrief.languages': { type: 'array', items: { type: 'string' }, default: [], scope: 'window', markdownDescription: '%config.languages%' },
      'antwoordbrief.include': { type: 'array', items: { type: 'string' }, default: [], scope: 'window', markdownDescription: '%config.include%' },
      'antwoordbrief.severity': {
        type: 'object',
        scope: 'resource',
        default: {},
        markdownDescription: '%config.severity%',
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(CODES).map(([code, info]) => [code, {
          type: 'string', enum: severityEnum, enumDescriptions: severityEnumDescriptions, default: info.severity,
          markdownDescription: `%config.severity.code.${code}%`,
        }])),
      },
      'antwoordbrief.run': {
        type: 'string', enum: ['onType', 'onSave', 'manual'], default: DEFAULT_SETTINGS.run, scope: 'resource',
        markdownDescription: '%config.run%',
        enumDescriptions: ['%config.run.onType%', '%config.run.onSave%', '%config.run.manual%'],
      },
      'antwoordbrief.sources.offline': { type: 'boolean', default: DEFAULT_SETTINGS.sources.offline, scope: 'resource', markdownDescription: '%config.sources.offline%' },
      'antwoordbrief.sources.tweedekamerUrl': { type: 'string', format: 'uri', default: DEFAULT_SETTINGS.sources.tweedekamerUrl, scope: 'resource', markdownDescription: '%config.sources.tweedekamerUrl%' },
      'antwoordbrief.sources.officielebekendmakingenUrl': { type: 'string', format: 'uri', default: DEFAULT_SETTINGS.sources.officielebekendmakingenUrl, scope: 'resource', markdownDescription: '%config.sources.officielebekendmakingenUrl%' },
      'antwoordbrief.sources.timeoutMs': { type: 'number', minimum: 100, default: DEFAULT_SETTINGS.sources.timeoutMs, scope: 'resource', markdownDescription: '%config.sources.timeoutMs%' },
      'antwoordbrief.cacheDir': { type: 'string', default: DEFAULT_SETTINGS.cacheDir, scope: 'resource', markdownDescription: '%config.cacheDir%' },
      'antwoordbrief.questionLetter': { type: 'string', default: DEFAULT_SETTINGS.questionLetter, scope: 'resource', markdownDescription: '%config.questionLetter%' },
      'antwoordbrief.trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', scope: 'window', markdownDescription: '%config.trace.server%' },
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
  ].map(([name, icon]) => ({ command: `antwoordbrief.${name}`, title: `%command.${name}%`, category: '%category%', icon })),
  menus: {
    commandPalette: [
      { command: 'antwoordbrief.maakAntwoordopzet', when: 'antwoordbrief.letterActive' },
      { command: 'antwoordbrief.volgendeOnbeantwoord', when: 'antwoordbrief.letterActive' },
      { command: 'antwoordbrief.openOfficieleBekendmakingen', when: 'antwoordbrief.letterActive' },
      { command: 'antwoordbrief.verversGegevens', when: 'antwoordbrief.letterActive && isWorkspaceTrusted' },
      { command: 'antwoordbrief.controleerWerkruimte', when: 'workspaceFolderCount > 0' },
      // Needs a file from the Explorer (its argument); the palette has the file picker instead.
      { command: 'antwoordbrief.openAlsTekst', when: 'false' },
    ],
    'editor/context': [
      { command: 'antwoordbrief.maakAntwoordopzet', when: 'antwoordbrief.letterActive', group: 'antwoordbrief@1' },
      { command: 'antwoordbrief.volgendeOnbeantwoord', when: 'antwoordbrief.letterActive', group: 'antwoordbrief@2' },
      { command: 'antwoordbrief.openOfficieleBekendmakingen', when: 'antwoordbrief.letterActive', group: 'antwoordbrief@3' },
      { command: 'antwoordbrief.verversGegevens', when: 'antwoordbrief.letterActive && isWorkspaceTrusted', group: 'antwoordbrief@4' },
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
  if (check) { if (file === pkgPath ? JSON.stringify(JSON.parse(old).contributes) !== JSON.stringify(contributes) : old !== text) stale.push(file); }
  else if (old !== text) writeFileSync(file, text);
}
if (check && stale.length) { console.error(`Verouderd (draai npm run manifest): ${stale.join(', ')}`); process.exit(1); }
