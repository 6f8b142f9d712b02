/**
 * The parser's two searches made apart (core/textScans.ts: `kamervraag check` has its reading thread make
 * them): `parse(text, scanText(text))` must read every text exactly as `parse(text)` does, and
 * `scanText` must say null for the texts whose lines the parser finds a slice at a time.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core/parse';
import { LineTable, SLICE, splitLines } from '../../server/src/core/lines';
import { scanText, type TextScans } from '../../server/src/core/textScans';
import { example, exampleNames, ROOT } from '../support/examples';

/** The scans copied out of the kept lists they are views of (as the reading thread copies them). */
function scansOf(text: string): TextScans | null {
  const scans = scanText(text);
  return scans && { lineStarts: scans.lineStarts.slice(), anchors: scans.anchors.slice() };
}

/** Every anchor of `text` the plain way (anchors.ts `ANCHOR_WORDS`: `vra`, `V`, `woord` three characters back). */
function plainAnchors(text: string): number[] {
  const at: number[] = [];
  for (const [word, back] of [['vra', 0], ['V', 0], ['woord', 3]] as const) {
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) if (i - back >= 0) at.push(i - back);
  }
  return at.sort((a, b) => a - b);
}

function assertSameParse(text: string, what: string): void {
  const scans = scansOf(text);
  assert.ok(scans, `${what}: scanned`);
  assert.deepEqual(parse(text, scans), parse(text), what);
}

describe('the parser\'s scans made apart (textScans.ts)', () => {
  it('every real example and every fixture of the checks and the formatter parses the same with its scans as without', () => {
    const names = exampleNames();
    assert.ok(names.length >= 4);
    for (const name of names) assertSameParse(example(name), name);
    let fixtures = 0;
    for (const folder of ['checks', 'formatting']) {
      const dir = path.join(ROOT, 'test', 'fixtures', folder);
      for (const name of fs.readdirSync(dir)) {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        if (scanText(text) === null) continue; // (\r\n line ends: read by the parser alone)
        assertSameParse(text, `${folder}/${name}`);
        fixtures++;
      }
    }
    assert.ok(fixtures >= 30, `${fixtures} fixtures`);
  });

  it('finds where each line starts and every anchor, as LineTable and the plain search do', () => {
    for (const text of ['', '\n', 'Vraag 1', 'antwoord', 'woord vraag\nVRAGEN\n\nZie antwoord vraag 6\n', example(exampleNames()[0]!)]) {
      const scans = scansOf(text)!;
      const table = new LineTable(text);
      assert.deepEqual([...scans.lineStarts], Array.from({ length: table.count }, (_, i) => table.start(i)), JSON.stringify(text.slice(0, 30)));
      assert.equal(scans.lineStarts.length, splitLines(text).length);
      assert.deepEqual([...scans.anchors], plainAnchors(text), JSON.stringify(text.slice(0, 30)));
    }
  });

  it('leaves the texts LineTable reads a slice at a time to the parser: a \\r in it, or longer than a slice', () => {
    assert.equal(scanText('Kamervraag 2024Z12345\r\nVraag 1\r\n'), null);
    assert.equal(scanText('Vraag 1\rantwoord'), null);
    const long = `Kamervraag 2024Z12345\n${'Vraag 1: zie antwoord op vraag 2.\n'.repeat(Math.ceil(SLICE / 30))}`;
    assert.ok(long.length > SLICE);
    assert.equal(scanText(long), null);
    assert.notEqual(scanText(long.slice(0, SLICE)), null, 'a text of exactly one slice is scanned');
  });

  it('any text made of the format\'s pieces parses the same with its scans (fast-check)', () => {
    const pieces = ['Kamervraag 2024Z12345', 'Vraag 1', ' • Vraag 2', 'Mededeling', 'Zie antwoord vraag 1', 'vragen 2 en 3', 'VRAGEN',
      'Antwoord', 'woord', 'Indieners X (Y)', 'Ingediend 3 mei 2024', '’', '🇳🇱', ' ', '\n', '\n\n', 'Kamervraag document nummer: kv-tk-2024Z12345'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(parse(text, scansOf(text)), parse(text));
      }),
      { numRuns: 400 },
    );
  });
});
