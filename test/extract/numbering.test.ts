// Word's list instances (ECMA-376 Part 1, 17.9): numbering.xml read by mammoth's own OOXML
// reader, then the format and restart of each instance and level as docx.ts hands them out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instanceLevels } from '../../server/src/host/extract/docx';

const officeXml = require('mammoth/lib/docx/office-xml-reader') as { read: (xml: string) => Promise<Parameters<typeof instanceLevels>[0]> };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;

test('numbering: instances of one list go on, a start override or a whole level override restarts, a list style resolves to its definition', async () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="${W}">
  <w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}${lvl(1, 'lowerLetter', '%2.')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Vragenlijst"/></w:abstractNum>
  <w:abstractNum w:abstractNumId="3"><w:styleLink w:val="Vragenlijst"/>${lvl(0, 'decimal', 'Vraag %1')}</w:abstractNum>
  <w:num w:numId="10"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="11"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="12"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  <w:num w:numId="13"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1">${lvl(1, 'upperRoman', '(%2)', 3)}</w:lvlOverride></w:num>
  <w:num w:numId="14"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;
  const levels = instanceLevels(await officeXml.read(xml));
  // Two instances without overrides count on the same list, without restart.
  for (const numId of ['10', '11']) {
    const l = levels(numId, 0)!;
    assert.equal(l.list, '1');
    assert.equal(l.lvlText, '%1.');
    assert.equal(l.restartAt, undefined, numId);
  }
  assert.equal(levels('12', 0)!.restartAt, 5);
  assert.equal(levels('12', 1)!.restartAt, undefined);
  const roman = levels('13', 1)!;
  assert.deepEqual([roman.numFmt, roman.lvlText, roman.restartAt, roman.levels[0].lvlText], ['upperRoman', '(%2)', 3, '%1.']);
  const style = levels('14', 0)!;
  assert.deepEqual([style.list, style.lvlText], ['3', 'Vraag %1']);
  assert.equal(levels('99', 0), null);
});
