/** What makes a file a Kamervraag (core/kamervraagFile.ts), and the manifest's `firstLine` saying the same. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extensionOf, hasKamervraagExtension, isKamervraagFile, isKamervraagFirstLine } from '../../server/src/core/kamervraagFile';

const ROOT = path.join(__dirname, '..', '..', '..');

/** First lines, and whether they are a Kamervraag header. */
const FIRST_LINES: ReadonlyArray<readonly [string, boolean]> = [
  ['Kamervraag 2014Z19222', true],
  ['\uFEFFKamervraag 2024Z18439', true],
  ['Kamervraag 2014Z19222 ', true],
  ['Kamervraag 2014Z19222\r', true],
  // A letter after the zaaknummer is a typo in a Kamervraag: the checks report it.
  ['Kamervraag 2014Z19222a', true],
  ['Kamervraag over de politie', false],
  [' Kamervraag 2014Z19222', false],
  ['kamervraag 2014Z19222', false],
  ['Kamervraag 2014Z1922', false],
  ['Kamervraag 2014Z192223', false],
  ['Kamervraag  2014Z19222', false],
  ['', false],
];

describe('kamervraagFile', () => {
  it('isKamervraagFirstLine: `Kamervraag <zaaknummer>`, after an optional byte-order mark, not followed by a digit', () => {
    for (const [line, expected] of FIRST_LINES) assert.equal(isKamervraagFirstLine(line), expected, JSON.stringify(line));
  });

  it("the manifest's firstLine (package.json) accepts the same first lines", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'kamervraag');
    const firstLine = new RegExp(language.firstLine);
    for (const [line, expected] of FIRST_LINES) assert.equal(firstLine.test(line), expected, JSON.stringify(line));
  });

  it('extensionOf: the last segment of a path or URI, in lower case', () => {
    assert.equal(extensionOf('a/b/Vraag.KVR'), '.kvr');
    assert.equal(extensionOf('file:///c%3A/a.b/vraag'), '');
    assert.equal(extensionOf('C:\\a.b\\vraag.Txt'), '.txt');
    assert.equal(extensionOf('/a/.kvr'), '');
    assert.equal(extensionOf('2014Z19222.kamervraag'), '.kamervraag');
  });

  it('isKamervraagFile: .kvr and .kamervraag always, .txt when its first line is a header, nothing else', () => {
    assert.ok(isKamervraagFile('/a/vraag.kvr'));
    assert.ok(isKamervraagFile('file:///a/vraag.KAMERVRAAG', 'Boodschappen'));
    assert.ok(isKamervraagFile('file:///a/2014Z19222.txt', 'Kamervraag 2014Z19222\n\nTitel\n'));
    assert.ok(!isKamervraagFile('file:///a/notes.txt', 'Boodschappen\nKamervraag 2014Z19222\n'));
    assert.ok(!isKamervraagFile('file:///a/2014Z19222.txt'));
    assert.ok(!isKamervraagFile('file:///a/2014Z19222.md', 'Kamervraag 2014Z19222\n'));
    assert.ok(hasKamervraagExtension('a/b.TXT') && hasKamervraagExtension('b.kvr') && !hasKamervraagExtension('b.md'));
  });
});
