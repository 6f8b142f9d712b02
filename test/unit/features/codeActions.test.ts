/**
 * Quick fixes change only what they mean to change (issue 10, "Edits that lose text"): a heading fix
 * rewrites bullet, word and spacing and keeps the text after the number; a footer or Bron fix replaces the
 * document id and keeps what follows it. Each case goes the way an editor goes: the core's diagnostics,
 * the code action for the client's diagnostic, its edit applied to the text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/core/parse';
import { check } from '../../../server/src/core/checks';
import type { RuleCode } from '../../../server/src/core/diagnostic';
import { analyze } from '../../../server/src/core/analysis';
import { codeActions } from '../../../server/src/features/codeActions';
import { context, example, fixture } from '../../support/features';
import { toLspDiagnostic } from '../../../server/src/features/diagnostics';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'checks', 'valid.kvr'), 'utf8');
const URI = 'file:///a.kvr';

/** The text after the quick fix of the (first) diagnostic `code`; fails when there is no such fix. */
function fixed(text: string, code: RuleCode, nth = 0): string {
  const analysis = analyze(text);
  const ours = analysis.diagnostics;
  const d = ours.filter((x) => x.code === code)[nth];
  assert.ok(d, `${code} reported; got ${ours.map((x) => x.code).join(', ')}`);
  const actions = codeActions(analysis, { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [toLspDiagnostic(d, URI, 'en')] } }, context())
    .filter((a) => a.kind === 'quickfix');
  assert.equal(actions.length, 1, `one quick fix for ${code}`);
  const edits: TextEdit[] = actions[0]!.edit!.changes![URI]!;
  return TextDocument.applyEdits(TextDocument.create(URI, 'kamervraag', 1, text), edits);
}

function noFix(text: string, code: RuleCode): void {
  const ours = check(parse(text));
  const d = ours.find((x) => x.code === code);
  assert.ok(d, `${code} reported`);
  assert.equal(d.fix, undefined, `no fix for ${code}`);
}

const codes = (text: string): string[] => check(parse(text)).map((d) => d.code);

describe('malformed-heading: the fix keeps every word after the number', () => {
  const withHeading = (heading: string) => VALID.replace(' • Vraag 2\n', `${heading}\n`);

  it('text after the number moves to a line of its own under the heading', () => {
    assert.equal(fixed(withHeading(' • Vraag 2: Kunt u dit toelichten?'), 'malformed-heading'),
      withHeading(' • Vraag 2\n  Kunt u dit toelichten?'));
    assert.equal(fixed(withHeading(' • Vraag 2 (vervolg)'), 'malformed-heading'), withHeading(' • Vraag 2\n  (vervolg)'));
    assert.equal(fixed(withHeading(' • Vraag 2 Kunt u dit toelichten?'), 'malformed-heading'),
      withHeading(' • Vraag 2\n  Kunt u dit toelichten?'));
    assert.equal(fixed(withHeading(' • Vraag 2 😀'), 'malformed-heading'), withHeading(' • Vraag 2\n  😀'));
  });

  it('leading spaces, bullet, word and spacing are mended; the result is a canonical heading', () => {
    for (const [heading, want] of [
      [' - vraag  2', ' • Vraag 2'],
      [' *Vraag 2.', ' • Vraag 2'],
      ['Vraag 2', '• Vraag 2'],
    ] as const) {
      const after = fixed(withHeading(heading), 'malformed-heading');
      assert.equal(after, withHeading(want), heading);
      assert.ok(!codes(after).includes('malformed-heading'), `${heading}: mended`);
    }
  });

  it('a sub-number or letter glued to the number: reported and named, no fix (what was meant, no fix can tell)', () => {
    for (const heading of [' - Vraag 2.1', ' *Vraag 2.5 Kunt u dit toelichten?', 'Vraag 2A', ' - Vraag 2:Wat', ' • Vraag 2 .5']) {
      noFix(withHeading(heading), 'malformed-heading');
    }
    const d = check(parse(withHeading(' • Vraag 2.1 Wat?'))).find((x) => x.code === 'malformed-heading')!;
    assert.match(d.message.en, /^'Vraag 2\.1' is read as question 2: .*sub-numbers/);
    assert.match(d.message.nl, /^'Vraag 2\.1' wordt gelezen als vraag 2: .*subnummers/);
  });

  it('the moved text takes the indentation of the body, and the line ending of the document', () => {
    const crlf = withHeading(' - Vraag 2 (vervolg)').replace(/\n/g, '\r\n').replace('  Is dat genoeg?', '    Is dat genoeg?');
    assert.equal(fixed(crlf, 'malformed-heading'), crlf.replace(' - Vraag 2 (vervolg)', ' • Vraag 2\r\n    (vervolg)'));
  });

  it('after the fix the heading is mended and the questions and references are the same', () => {
    const text = withHeading(' • Vraag 2: zie ook vraag 1');
    const after = fixed(text, 'malformed-heading');
    assert.ok(!codes(after).includes('malformed-heading'));
    assert.deepEqual(parse(after).questions.map((q) => q.number), [1, 2, 3]);
  });

  it('no fix when the text after the number would read as a heading of its own', () => {
    noFix(withHeading(' • Vraag 2: Vraag 4'), 'malformed-heading');
    noFix(withHeading(' • Vraag 2: Mededeling - 1 mei 2024'), 'malformed-heading');
  });
});

describe('document number fixes replace the id and nothing else', () => {
  it('Kamervraag document nummer: the id changes, "(herdruk)" stays', () => {
    const text = VALID.replace('nummer: kv-tk-2024Z12345', 'nummer: kv-tk-2024Z12346 (herdruk)');
    assert.equal(fixed(text, 'zaaknummer-mismatch'), VALID.replace('nummer: kv-tk-2024Z12345', 'nummer: kv-tk-2024Z12345 (herdruk)'));
  });

  it('the right id followed by a remark is no mismatch', () => {
    const text = VALID.replace('nummer: kv-tk-2024Z12345', 'nummer: kv-tk-2024Z12345 (herdruk)')
      .replace('nummer: ah-tk-20242025-100', 'nummer: ah-tk-20242025-100 (zie ook ah-tk-20242025-101)');
    assert.deepEqual(codes(text), []);
  });

  it('Kamerantwoord document nummer: the first id changes, the remark with a second id stays', () => {
    const text = VALID.replace('nummer: ah-tk-20242025-100', 'nummer: ah-tk-20242025-638 (zie ook ah-tk-20242025-639)');
    assert.equal(fixed(text, 'answer-number-mismatch'),
      VALID.replace('nummer: ah-tk-20242025-100', 'nummer: ah-tk-20242025-100 (zie ook ah-tk-20242025-639)'));
  });

  it('an id cut short (`ah-tk-20242025-`) is replaced whole, its hyphen included', () => {
    const text = VALID.replace('nummer: ah-tk-20242025-100', 'nummer: ah-tk-20242025-');
    assert.equal(fixed(text, 'answer-number-mismatch'), VALID);
  });

  it('the diagnostic marks the id, not the whole value', () => {
    const text = VALID.replace('nummer: kv-tk-2024Z12345', 'nummer: kv-tk-2024Z12346 (herdruk)');
    const d = check(parse(text)).find((x) => x.code === 'zaaknummer-mismatch')!;
    assert.equal(d.range.end.character - d.range.start.character, 'kv-tk-2024Z12346'.length);
  });

  it('a value without an id gets a diagnostic but no fix that would overwrite it', () => {
    noFix(VALID.replace('nummer: kv-tk-2024Z12345', 'nummer: zie de kop'), 'zaaknummer-mismatch');
    noFix(VALID.replace('nummer: ah-tk-20242025-100', 'nummer: volgt nog'), 'answer-number-mismatch');
  });

  it('an empty value gets the id inserted', () => {
    const text = VALID.replace('nummer: kv-tk-2024Z12345', 'nummer:');
    assert.equal(fixed(text, 'zaaknummer-mismatch'), VALID);
  });

  it('Bron vraag: only the id inside the URL changes', () => {
    const text = VALID.replace('kv-tk-2024Z12345.html', 'kv-tk-2024Z12399.html?x=1 (archief)');
    assert.equal(fixed(text, 'zaaknummer-mismatch'), VALID.replace('kv-tk-2024Z12345.html', 'kv-tk-2024Z12345.html?x=1 (archief)'));
  });
});

describe('the other fixes replace only their word', () => {
  it('days-wrong: the digits', () => {
    const text = VALID.replace('(na 14 dagen)', '(na 41 dagen)');
    assert.equal(fixed(text, 'days-wrong'), VALID);
  });

  it('metadata-unknown-key: the key, the value stays', () => {
    assert.equal(fixed(VALID.replace('Ingediend 1', 'INGEDIEND 1'), 'metadata-unknown-key'), VALID);
    assert.equal(fixed(VALID.replace('Bron vraag', 'Bronvraag'), 'metadata-unknown-key'), VALID);
  });

  it('indieners-count: the key, the members stay', () => {
    assert.equal(fixed(VALID.replace('Indieners Jan', 'Indiener Jan'), 'indieners-count'), VALID);
  });

  it('footer-title-mismatch: the title is copied over what differs; words both share are not rewritten', () => {
    const text = VALID.replace('titel: Capaciteit bij de politie', 'titel: Capaciteit bij de polite');
    const ours = check(parse(text));
    const d = ours.find((x) => x.code === 'footer-title-mismatch')!;
    assert.equal(fixed(text, 'footer-title-mismatch'), VALID);
    assert.ok(d.fix!.edits[0]!.range.start.character > 'Volledige titel: Capaciteit bij de'.length - 1, 'the common start is not rewritten');
  });
});

describe('quick fix titles say what the edit does', () => {
  it('a heading fix that moves text says so', () => {
    const moving = check(parse(VALID.replace(' • Vraag 2\n', ' - Vraag 2 (vervolg)\n'))).find((d) => d.code === 'malformed-heading')!;
    assert.equal(moving.fix!.title.en, "Write '• Vraag 2', the text after it on the next line");
    assert.equal(moving.fix!.title.nl, "Schrijf '• Vraag 2', de tekst erna op de volgende regel");
    const plain = check(parse(VALID.replace(' • Vraag 2\n', ' - Vraag 2\n'))).find((d) => d.code === 'malformed-heading')!;
    assert.equal(plain.fix!.title.en, "Write '• Vraag 2'");
  });
});

describe('code actions answer the client\'s diagnostics', () => {
  it('the core\'s fix for a matching diagnostic, nothing for others', () => {
    const f = fixture(example('2014Z19222.txt').replace('(na 25 dagen)', '(na 52 dagen)'));
    const days = f.analysis.diagnostics.find((d) => d.code === 'days-wrong')!;
    const lsp = toLspDiagnostic(days, URI, 'en');
    const params = { ...f.document, range: days.range, context: { diagnostics: [lsp, { ...lsp, code: 'late-answer' }, { ...lsp, source: 'other' }] } };
    const actions = codeActions(f.analysis, params, context({ locale: 'nl' }));
    // The quick fix, then fix-all (in the normal list too: the request has no `only`).
    assert.deepEqual(actions.map((a) => a.kind), ['quickfix', 'source.fixAll.kamervraag']);
    assert.equal(actions[0]!.title, 'Wijzig in 25 dagen');
    assert.deepEqual(actions[0]!.edit!.changes![f.document.textDocument.uri], [{ range: days.range, newText: '25' }]);
  });
});

describe('missing-answer at the end of the text: the line end the document uses most', () => {
  it('a text whose first line ends in a lone CR and the rest in LF gets LF lines, not CR (lineEndAfter)', () => {
    const text = ['Kamervraag 2024Z10000\rTitel', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (SP)', ' • Vraag 1', '  Waarom?', '', '  Daarom.', ' • Vraag 2', '  En dan?'].join('\n');
    assert.equal(fixed(text, 'missing-answer'), `${text}\n\n  `);
  });
});

describe('header-missing and title-missing: the header and the title the document gives elsewhere', () => {
  const original = example('2024Z18294.txt');
  it('a lost header comes back from Bron vraag and the footer, with its blank line; so does a lost title from the footer', () => {
    assert.equal(fixed(original.replace(/^Kamervraag 2024Z18294\n\n/, ''), 'header-missing'), original);
    assert.equal(fixed(original.replace(/^Kamervraag 2024Z18294\n/, ''), 'header-missing'), original, 'the blank line that stayed is the one after it');
    assert.equal(fixed(original.replace('Het landelijk kwaliteitskader in relatie tot Preventie met gezag\n\nIngediend', 'Ingediend'), 'title-missing'), original);
    assert.equal(fixed(original.replace('\nHet landelijk kwaliteitskader in relatie tot Preventie met gezag\n\nIngediend', 'Ingediend'), 'title-missing'), original, 'right under the header');
    const crlf = original.replace(/\n/g, '\r\n');
    assert.equal(fixed(crlf.replace(/^Kamervraag 2024Z18294\r\n\r\n/, ''), 'header-missing'), crlf);
  });
  it('a lost title comes back exactly as the footer writes it, with the characters at its ends that are no spaces of the format', () => {
    // JavaScript's trim knows a line separator (U+2028) as a space; the format does not, and the footer keeps it.
    const odd = original.replace(/Preventie met gezag/g, 'Preventie met gezag\u2028');
    assert.equal(fixed(odd.replace('Het landelijk kwaliteitskader in relatie tot Preventie met gezag\u2028\n\nIngediend', 'Ingediend'), 'title-missing'), odd);
  });
  it('no fix where the zaaknummer is not plain, a header stands lower down, or the footer has no title', () => {
    noFix(original.replace(/^Kamervraag 2024Z18294\n\n/, '').replace('kv-tk-2024Z18294.html', 'kv-tk-2024Z18295.html'), 'header-missing');
    noFix(`Concept\n${original}`, 'header-missing');
    noFix(original.replace(/^Kamervraag 2024Z18294\n\n/, '').replace(/^Bron vraag[^\n]*\n/m, '').replace(/^Kamervraag document nummer[^\n]*\n/m, ''), 'header-missing');
    noFix(original.replace('Het landelijk kwaliteitskader in relatie tot Preventie met gezag\n\nIngediend', 'Ingediend').replace(/^Volledige titel: Het[^\n]*\n/m, ''), 'title-missing');
    // Found by fuzzing: the header swapped with a line below it. No second header; and the metadata line now
    // first, read as the title, is not copied into the footer.
    const swapped = example('2014Z19222.txt').split('\n');
    [swapped[0], swapped[5]] = [swapped[5]!, swapped[0]!];
    noFix(swapped.join('\n'), 'header-missing');
    noFix(`\ufeff${swapped.join('\n')}`, 'header-missing');
    noFix(`\ufeff${swapped.join('\n')}`, 'footer-title-mismatch');
    // Also found by fuzzing: a header behind a stray character, and a second Bron vraag naming another zaaknummer.
    noFix(`\u0000${original}`, 'header-missing');
    noFix(original.replace(/^Kamervraag 2024Z18294\n\n/, '').replace(/^(Bron vraag [^\n]*\n)/m, '$1Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-9999Z99999.html\n'), 'header-missing');
    // And a text that starts with its footer line, the questions after it: under a header they would be footer.
    noFix(`Kamervraag document nummer: kv-tk-2024Z18294\n\n${original.replace(/^Kamervraag 2024Z18294\n\n/, '')}`, 'header-missing');
    noFix(`\ufeffKamervraag document nummer: kv-tk-2024Z18294\n\n${original.replace(/^Kamervraag 2024Z18294\n\n/, '')}`, 'header-missing');
    // A footer title that would read as a metadata line is not written as the title.
    noFix(original.replace('Het landelijk kwaliteitskader in relatie tot Preventie met gezag\n\nIngediend', 'Ingediend').replace(/^Volledige titel: Het[^\n]*$/m, 'Volledige titel: Onderwerpen zorg'), 'title-missing');
  });
});
