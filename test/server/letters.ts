/**
 * Small letters written for the server tests, in the forms the corpus shows (Kamervragen with
 * `Vraag N` / `Antwoord N`, fractie sections, answers by reference). No corpus text.
 */

/** A complete Markdown answer letter: two fractie sections, a context-only parent, a reference. */
export const ANSWERED_MD = `# Beantwoording schriftelijk overleg cyberveiligheid

## Vragen en opmerkingen van de leden van de VVD-fractie

### Vraag 1

De leden van de VVD-fractie lezen dat het kabinet extra middelen uittrekt voor de regionale meldpunten cybercriminaliteit.

### Vraag 1a

Hoeveel geld gaat er naar de regionale meldpunten?

### Antwoord 1a

Voor de regionale meldpunten is jaarlijks 12 miljoen euro beschikbaar.

### Vraag 1b

Kunt u aangeven wanneer de meldpunten hun deuren openen?

### Antwoord 1b

De meldpunten openen hun deuren in het voorjaar. Zie ook het antwoord op vraag 2.

### Vraag 2

Hoe verloopt de samenwerking met de gemeenten?

### Antwoord 2

De samenwerking met de gemeenten verloopt goed; er zijn afspraken gemaakt over de inzet van wijkagenten.

## Vragen en opmerkingen van de leden van de D66-fractie

### Vraag 3

Welke rol speelt het Nationaal Cyber Security Centrum bij de meldpunten?

### Antwoord 3

Het Nationaal Cyber Security Centrum ondersteunt de meldpunten met dreigingsinformatie.
`;

/** A plain-text Kamervragen answer letter in which question 2 has no answer. */
export const UNANSWERED_TXT = `Antwoorden op vragen van het lid Jansen over de wachttijden bij de IND

Vraag 1
Hoe lang is de gemiddelde wachttijd voor een verblijfsvergunning?

Antwoord 1
De gemiddelde wachttijd is veertien weken.

Vraag 2
Welke maatregelen neemt u om de wachttijden te verkorten?

Vraag 3
Wanneer verwacht u dat de achterstand is weggewerkt?

Antwoord 3
Ik verwacht dat de achterstand eind volgend jaar is weggewerkt.

Vraag 4
Hoeveel aanvragen liggen er nu op de plank?

Antwoord 4
Hiervoor verwijs ik u naar het antwoord op vraag 1.
`;
