/**
 * A text that is no Kamervraag at all gets one diagnostic, `not-a-kamervraag`, at its first line of text,
 * and nothing else; a Kamervraag written slightly wrong keeps its detailed diagnostics and their fixes.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, parse, type KvDiagnostic } from '../../server/src/core';
import { CHECKS, ROOT, run } from '../support/cli';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const codes = (text: string) => check(parse(text)).map((d) => d.code);
const valid = read(`${CHECKS}/valid.kvr`);

function only(text: string): KvDiagnostic {
  const diagnostics = check(parse(text));
  assert.deepEqual(diagnostics.map((d) => d.code), ['not-a-kamervraag']);
  return diagnostics[0]!;
}

describe('not-a-kamervraag', () => {
  it('the README, ARCHITECTURE.md and package.json of this repository: one error at the first line', () => {
    const readme = only(read('README.md'));
    assert.deepEqual(readme.range, { start: { line: 0, character: 0 }, end: { line: 0, character: '# Kamervraag for VS Code'.length } });
    assert.equal(readme.message.en, 'Not a Kamervraag: the first line is `# Kamervraag for VS Code`, where `Kamervraag <zaaknummer>` (such as `Kamervraag 2024Z12345`) is expected, and no metadata, question or footer follows.');
    assert.equal(readme.message.nl, 'Geen Kamervraag: de eerste regel is `# Kamervraag for VS Code`, waar `Kamervraag <zaaknummer>` (zoals `Kamervraag 2024Z12345`) wordt verwacht, en er volgen geen metadata, vragen of voettekst.');
    assert.match(only(read('ARCHITECTURE.md')).message.en, /the first line is `# Architecture`/);
    assert.match(only(read('package.json')).message.en, /the first line is `\{`/);
  });

  it('blank lines before the text: the first line of text, by its number; a long line is quoted in part', () => {
    const d = only(`\n  \n   Boodschappen: ${'melk, '.repeat(20)}brood\nkaas\n`);
    assert.equal(d.range.start.line, 2);
    assert.equal(d.range.start.character, 3);
    assert.match(d.message.en, /^Not a Kamervraag: the first line of text \(line 3\) is `Boodschappen: melk, .{39}…`, where/);
    assert.match(d.message.nl, /^Geen Kamervraag: de eerste regel tekst \(regel 3\) is `Boodschappen: /);
  });

  it('an empty text is a Kamervraag not yet written: header-missing as before', () => {
    for (const text of ['', '\n\n', '  \t\n']) assert.ok(codes(text).includes('header-missing'), JSON.stringify(text));
    assert.ok(!codes('').includes('not-a-kamervraag'));
  });

  it('a header written wrong keeps the detailed diagnostics', () => {
    // `Kamervraag` first in any case and spacing: header-malformed, with its fix.
    for (const head of ['kamervraag  2024Z12345', '  KAMERVRAAG\t2024Z12345', 'Kamervraag']) {
      assert.ok(codes(valid.replace('Kamervraag 2024Z12345\n', `${head}\n`)).includes('header-malformed'), head);
    }
    // Not a header the parser reads, but one meant: header-missing and the rest of the checks.
    for (const head of ['Kamervraag2024Z12345', '2024Z12345', 'Kamervraag:2024Z12345', 'Vragen 2024 Z 12345']) {
      const found = codes(valid.replace('Kamervraag 2024Z12345\n', `${head}\n`));
      assert.ok(found.includes('header-missing') && !found.includes('not-a-kamervraag'), `${head}: ${found.join(', ')}`);
    }
    // Even alone, without anything after it.
    assert.deepEqual(codes('Kamervraag2024Z12345\n').filter((c) => c === 'not-a-kamervraag'), []);
  });

  it('without a header, any part of the format keeps the detailed diagnostics', () => {
    const noHeader = valid.replace('Kamervraag 2024Z12345\n\n', '');
    assert.ok(codes(noHeader).includes('header-missing'));
    const parts = [
      'Ingediend 1 oktober 2024', // a metadata field
      ' • Vraag 1\n  Wat?', // a question
      '- Vraag 1\n  Wat?', // a malformed heading
      ' • Mededeling - 2 oktober 2024\n  Later.', // a Mededeling
      'Kamervraag document nummer: kv-tk-2024Z12345', // the footer
    ];
    for (const part of parts) {
      const found = codes(`# Notities\n\nTekst.\n\n${part}\n`);
      assert.ok(found.includes('header-missing') && !found.includes('not-a-kamervraag'), `${part}: ${found.join(', ')}`);
    }
  });
});

describe('kamervraag check on a file that is no Kamervraag', () => {
  it('README.md: one line, exit code 1; in Dutch with --lang nl', () => {
    const r = run(['check', 'README.md']);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(r.out.trim().split('\n'), [
      'README.md:1:1 error not-a-kamervraag Not a Kamervraag: the first line is `# Kamervraag for VS Code`, where `Kamervraag <zaaknummer>` (such as `Kamervraag 2024Z12345`) is expected, and no metadata, question or footer follows.',
    ]);
    assert.match(r.err, /^1 document checked: 1 error, 0 warnings/m);
    const nl = run(['check', '--lang', 'nl', 'README.md']);
    assert.match(nl.out, /^README\.md:1:1 error not-a-kamervraag Geen Kamervraag: de eerste regel is `# Kamervraag for VS Code`/);
    assert.equal(nl.out.trim().split('\n').length, 1);
  });

  it('JSON: one diagnostic for the file', () => {
    const r = run(['check', '--format', 'json', 'ARCHITECTURE.md']);
    assert.equal(r.code, 1, r.err);
    const text = JSON.stringify(JSON.parse(r.out));
    assert.equal(text.match(/"code":"[a-z-]+"/g)?.join(' '), '"code":"not-a-kamervraag"');
  });
});
