/** Formatting (`textDocument/formatting`): the layout of the format, every word kept, minimal edits, idempotent. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatting, rangeFormatting } from '../../../server/src/features/formatting';
import { PART_CHARACTERS, verifyFormat, verifyFormatInParts } from '../../../server/src/core/formatCheck';
import { EditedText } from '../../../server/src/core/editedText';
import { formatDocument, formatText } from '../../../server/src/core/format';
import { parse } from '../../../server/src/core/parse';
import { analyze } from '../../../server/src/core/analysis';
import { context, doc, example, exampleNames, fixture } from '../../support/features';

/** The edits formatting proposes for `text` (English session), or the refusal. */
function edits(text: string, insertFinalNewline = false) {
  return formatting(analyze(text), { textDocument: { uri: 'file:///t.kvr' }, options: { tabSize: 4, insertSpaces: true, insertFinalNewline } }, context());
}

function format(text: string, insertFinalNewline = false): string {
  const result = edits(text, insertFinalNewline);
  if ('error' in result) assert.fail(result.error);
  return TextDocument.applyEdits(TextDocument.create('file:///t.kvr', 'kamervraag', 1, text), result.ok);
}

const HEAD = ['Kamervraag 2024Z30000', '', 'Een titel', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (D66)', 'Onderwerpen onderwijs',
  'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html'];
const FOOT = ['', '', 'Kamervraag document nummer: kv-tk-2024Z30000', 'Volledige titel: Een titel'];
const unanswered = (...blocks: string[]) => [...HEAD, ...blocks, ...FOOT].join('\n');

describe('formatting', () => {
  it('a document pasted from Word comes out in the format: tabs, no-break spaces, - and * bullets, Vraag N:, trailing spaces, blank lines, CRLF', () => {
    const pasted = [
      'Kamervraag\t2024Z30000  ', '', '', 'Een titel ', 'Ingediend\t1 oktober 2024', '', 'Indiener Jansen (D66)', 'Onderwerpen onderwijs',
      'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html', '',
      '- Vraag 1:\tHoeveel scholen zijn er?', '', '\tTien, en elk kost € 5.  ', '', '',
      '* Vraag 2', '\u00a0\u00a0Hoeveel leraren?', '\u00a0', '\u00a0\u00a0Honderd.', '\u00a0\u00a0Zie antwoord vraag 1.',
      'Vraag 3:', '\tEn leerlingen?\t', '', '', '', '',
      'Kamervraag document nummer: kv-tk-2024Z30000', 'Volledige titel:   Een titel', '', '',
    ].join('\r\n');
    const expected = [
      'Kamervraag 2024Z30000', '', 'Een titel', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (D66)', 'Onderwerpen onderwijs',
      'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html',
      ' • Vraag 1', '  Hoeveel scholen zijn er?', '', '  Tien, en elk kost € 5.', '',
      ' • Vraag 2', '  Hoeveel leraren?', '', '  Honderd.', '  Zie antwoord vraag 1.', '',
      ' • Vraag 3', '  En leerlingen?', '', '',
      'Kamervraag document nummer: kv-tk-2024Z30000', 'Volledige titel: Een titel', '',
    ].join('\r\n');
    const formatted = format(pasted);
    assert.equal(formatted, expected);
    assert.deepEqual(edits(formatted), { ok: [] }, 'formatting twice changes nothing');
  });

  it('each ingredient alone: a tab or no-break spaces before the body become its indentation', () => {
    assert.equal(format(unanswered(' • Vraag 1', '\tWat?')), unanswered(' • Vraag 1', '  Wat?'));
    assert.equal(format(unanswered(' • Vraag 1', '\u00a0\u00a0\u00a0Wat?')), unanswered(' • Vraag 1', '  Wat?'));
    assert.equal(format(unanswered(' • Vraag 1', 'Wat?')), unanswered(' • Vraag 1', '  Wat?'));
  });

  it('each ingredient alone: - and * bullets, a missing bullet, Vraag N: and Vraag N. headings; the word keeps its case', () => {
    for (const heading of ['- Vraag 1', '* Vraag 1', 'Vraag 1', 'Vraag 1:', '\t•\tVraag  1.', '– Vraag 1 ']) {
      assert.equal(format(unanswered(heading, '  Wat?')), unanswered(' • Vraag 1', '  Wat?'), JSON.stringify(heading));
    }
    assert.equal(format(unanswered('- vraag 1', '  Wat?')), unanswered(' • vraag 1', '  Wat?'));
  });

  it('text after the number moves to the next line, not dropped; a blank line under it then starts the answer', () => {
    assert.equal(format(unanswered('- Vraag 1: Hoeveel scholen?')), unanswered(' • Vraag 1', '  Hoeveel scholen?'));
    assert.equal(
      format([...HEAD, 'Vraag 1: Hoeveel?', '', 'Tien.', ...FOOT].join('\n')),
      [...HEAD, ' • Vraag 1', '  Hoeveel?', '', '  Tien.', ...FOOT].join('\n'),
    );
    // Text that would read as a heading of its own stays where it is.
    assert.equal(format(unanswered('- Vraag 1: Vraag 2', '  Wat?')), unanswered(' • Vraag 1: Vraag 2', '  Wat?'));
  });

  it('a sub-number or letter glued to the number stays on the heading as written; only bullet, word and spacing change', () => {
    for (const [heading, want] of [
      ['- Vraag 1.1', ' • Vraag 1.1'],
      ['*  Vraag 1.5 Kunt u dit toelichten?', ' • Vraag 1.5 Kunt u dit toelichten?'],
      ['Vraag 1A', ' • Vraag 1A'],
      ['- Vraag 1:Wat', ' • Vraag 1:Wat'],
      ['- Vraag 1 .5', ' • Vraag 1 .5'],
    ] as const) {
      assert.equal(format(unanswered(heading, '  Wat?')), unanswered(want, '  Wat?'), heading);
    }
    // A `:` or `.` that a space follows is the heading's own, dropped as before.
    assert.equal(format(unanswered('- Vraag 1. Wat?')), unanswered(' • Vraag 1', '  Wat?'));
  });

  it('trailing spaces go; spaces inside the text stay, a no-break space in "€ 5" too', () => {
    assert.equal(format(unanswered(' • Vraag 1', '  Kost het €\u00a05  of  meer? \u00a0')), unanswered(' • Vraag 1', '  Kost het €\u00a05  of  meer?'));
  });

  it('line ends: the document\'s most frequent one everywhere', () => {
    const mixed = unanswered(' • Vraag 1', '  Wat?').replace('Een titel\n', 'Een titel\r\n');
    assert.equal(format(mixed), unanswered(' • Vraag 1', '  Wat?'));
    const crlf = unanswered(' • Vraag 1', '  Wat?').replace(/\n/g, '\r\n');
    assert.deepEqual(edits(crlf), { ok: [] });
  });

  it('blank lines: one between question and answer, none inside an answer, one between blocks once answered, two before the footer', () => {
    const text = doc([' • Vraag 1', '', '  Wat?', '', '', '  Dit.', '', '  En dat.', ' • Vraag 2', '  Hoe?', '', '  Zo.'].join('\n'));
    assert.equal(format(text), doc([' • Vraag 1', '  Wat?', '', '  Dit.', '  En dat.', '', ' • Vraag 2', '  Hoe?', '', '  Zo.'].join('\n')));
    assert.equal(format(unanswered(' • Vraag 1', '  Wat?', '', ' • Vraag 2', '  Hoe?')), unanswered(' • Vraag 1', '  Wat?', ' • Vraag 2', '  Hoe?'));
    assert.equal(format(unanswered(' • Vraag 1', '  Wat?').replace('\n\n\nKamervraag document', '\nKamervraag document')), unanswered(' • Vraag 1', '  Wat?'));
  });

  it('the document\'s own style: two spaces before the bullet and four before the body stay so', () => {
    const four = unanswered('  • Vraag 1', '    Wat?', '  • Vraag 2', '    Hoe?');
    assert.deepEqual(edits(four), { ok: [] });
    assert.equal(format(unanswered('  • Vraag 1', '  Wat?', '- Vraag 2', '\tHoe?', '  • Vraag 3', '    Waar?')),
      unanswered('  • Vraag 1', '    Wat?', '  • Vraag 2', '    Hoe?', '  • Vraag 3', '    Waar?'));
  });

  it('a Mededeling heading gets its bullet; its body the indentation', () => {
    assert.equal(format(unanswered(' • Vraag 1', '  Wat?', 'Mededeling - 3 mei 2024', 'De vragen worden later beantwoord.')),
      unanswered(' • Vraag 1', '  Wat?', ' • Mededeling - 3 mei 2024', '  De vragen worden later beantwoord.'));
  });

  it('a title that would read as a metadata key keeps its indentation', () => {
    const text = ['Kamervraag 2024Z30000', '', ' Ingediend en afgewezen', '', 'Ingediend 1 oktober 2024', ' • Vraag 1', '  Wat?'].join('\n');
    assert.equal(format(text), text);
  });

  it('blank lines above the header go, and the rest is read from the header', () => {
    assert.equal(format(`\n\n${unanswered(' • Vraag 1', '\tWat?')}`), unanswered(' • Vraag 1', '  Wat?'));
  });

  it('the end: blank lines go, a final line end stays, insertFinalNewline adds one', () => {
    const text = unanswered(' • Vraag 1', '  Wat?');
    assert.equal(format(`${text}\n\n  \n`), `${text}\n`);
    assert.equal(format(text), text);
    assert.equal(format(text, true), `${text}\n`);
  });

  it('minimal edits: only the changed stretch of a line, runs of blank lines as one edit', () => {
    const f = fixture(unanswered(' • Vraag 1', '  Wat?⟦ ⟧', '⟦', '', '⟧ • Vraag 2', '  Hoe?'));
    const result = edits(f.text);
    assert.ok('ok' in result);
    assert.deepEqual(result.ok, f.ranges.map((range): TextEdit => ({ range, newText: '' })));
  });

  it('the real examples are formatted already, but for a third blank line before one footer', () => {
    const names = exampleNames();
    assert.equal(names.length, 4);
    for (const name of names) {
      const text = example(name);
      const result = edits(text);
      assert.ok('ok' in result, name);
      assert.equal(result.ok.length, name.startsWith('2024Z18294') ? 1 : 0, name);
      assert.equal(formatText(formatText(text)), formatText(text), name);
    }
  });

  it('a range (Format Selection, format on paste): the blocks it touches, whole, and nothing else', () => {
    const text = unanswered('- Vraag 1: Wat?', '', '\tDit.', '- Vraag 2: Hoe?', '', '\tZo.', '- Vraag 3', '\tWaar?');
    const f = fixture(text);
    const at = text.split('\n').findIndex((l) => l.startsWith('- Vraag 2'));
    // A range in the middle of block 2: block 2 is formatted (its text moved, its answer kept apart), blocks 1 and 3 stay.
    const range = { start: { line: at + 2, character: 0 }, end: { line: at + 2, character: 2 } };
    const result = rangeFormatting(f.analysis, { textDocument: { uri: 'file:///t.kvr' }, range, options: { tabSize: 2, insertSpaces: true } }, context());
    assert.ok('ok' in result);
    const after = TextDocument.applyEdits(TextDocument.create('file:///t.kvr', 'kamervraag', 1, text), result.ok);
    assert.equal(after, unanswered('- Vraag 1: Wat?', '', '\tDit.', '', ' • Vraag 2', '  Hoe?', '', '  Zo.', '- Vraag 3', '\tWaar?'));
    assert.ok(result.ok.every((e: TextEdit) => e.range.start.line >= at && e.range.end.line <= at + 3));
  });

  it('the check behind every answer: a result that reads otherwise is named (negative control)', () => {
    const text = unanswered(' • Vraag 1', '  Wat?', '', '  Dit.', ' • Vraag 2', '  Hoe?');
    assert.equal(verifyFormat(parse(text), new EditedText(text)), null);
    assert.match(verifyFormat(parse(text), replaced(text, '  Wat?\n\n', '  Wat?\n'))!.en, /answer of question 1/);
    assert.deepEqual(verifyFormat(parse(text), replaced(text, ' • Vraag 2', ' • Vraag 3')), { en: 'question 2 became 3', nl: 'vraag 2 wordt vraag 3' });
    assert.match(verifyFormat(parse(text), replaced(text, 'Dit.', 'Zie vraag 2.'))!.en, /references/);
  });
});

/** `text` with the first `from` replaced by `to`, as an edit of it. */
function replaced(text: string, from: string, to: string, edited = new EditedText(text)): EditedText {
  const at = text.indexOf(from);
  assert.ok(at >= 0, from);
  edited.replace(at, at + from.length, to);
  return edited;
}

describe('formatting: a large formatted text is checked a part at a time', () => {
  // 60 questions pasted from Word (every heading and body line edited), answers referring back.
  const blocks: string[] = [];
  for (let n = 1; n <= 60; n++) blocks.push(`- Vraag ${n}:`, `\tWat is ${n}?`, '', `\tDit is ${n}.${n > 1 ? ` Zie antwoord vraag ${n - 1}.` : ''}  `, '');
  const pasted = unanswered(...blocks).replace(/\n/g, '\r\n');
  const clean = formatText(unanswered(...blocks));
  const doc = parse(pasted);

  it('the formatter\'s text, in parts of one question (and of 32K characters, one part here), reads as the whole text: nothing differs', () => {
    const { formatted } = formatDocument(doc);
    assert.equal(verifyFormatInParts(doc, formatted, null, 1), null, 'read in parts');
    assert.equal(verifyFormatInParts(doc, formatted, null, PART_CHARACTERS), undefined, 'a small text is read whole');
    assert.equal(verifyFormat(doc, formatted, null, Infinity), null);
    // The parts, cut anywhere no edit crosses, make the whole text.
    const whole = formatted.toString();
    const cut = pasted.indexOf(' Vraag 30') - 1;
    assert.equal(formatted.between(0, cut)! + formatted.between(cut, pasted.length)!, whole);
    assert.equal(formatted.between(0, pasted.indexOf('Vraag 30')), null, 'an edit crosses the cut');
  });

  it('a difference inside a part is named as the whole text names it', () => {
    const cleanDoc = parse(clean);
    const cases: [string, string, RegExp][] = [
      [' • Vraag 41\n', ' • Vraag 14\n', /question 41 became 14/],
      ['  Wat is 52?\n\n', '  Wat is 52?\n', /answer of question 52/],
      ['Zie antwoord vraag 33.', 'Zie antwoord vraag 34.', /reference on line/],
    ];
    for (const [from, to, expected] of cases) {
      const edited = replaced(clean, from, to);
      const inParts = verifyFormatInParts(cleanDoc, edited, null, 1);
      assert.match(inParts?.en ?? '(read whole)', expected, from);
      assert.deepEqual(inParts, verifyFormat(cleanDoc, edited, null, Infinity), from);
    }
  });

  it('a part that would not read as the whole text does is not trusted: the text is read whole (negative controls)', () => {
    const cleanDoc = parse(clean);
    const cut = clean.indexOf(' • Vraag 30\n');
    const cases: [string, EditedText, RegExp | null][] = [
      // The heading a part starts with is no heading any more: its question joins the answer before it.
      ['heading gone', replaced(clean, ' • Vraag 30\n', '  Vraag dertig\n'), /60 questions became 59/],
      // A footer line ends a part: the whole text has no questions after it.
      ['footer inside', replaced(clean, ' • Vraag 30\n', 'Kamervraag document nummer: kv-tk-2024Z30000\n • Vraag 30\n'), /60 questions became 29/],
      // The blank line and the line end before a part are gone: its heading is the end of the answer before it.
      ['line end gone', (() => { const e = new EditedText(clean); e.replace(cut - 2, cut, ''); return e; })(), /60 questions became 59/],
      // A \r ends one part and a \n starts the next: one line end, where the parts alone would read two.
      ['\\r and \\n apart', (() => { const e = new EditedText(clean); e.replace(cut - 1, cut, '\r'); e.replace(cut, cut, '\n'); return e; })(), null],
      // Text before the part's first heading.
      ['text before', (() => { const e = new EditedText(clean); e.replace(cut, cut, 'Ingediend 1 mei 2024\n'); return e; })(), null],
    ];
    for (const [name, edited, expected] of cases) {
      assert.equal(verifyFormatInParts(cleanDoc, edited, null, 1), undefined, name);
      const whole = verifyFormat(cleanDoc, edited, null, Infinity);
      if (expected === null) assert.equal(whole, null, name);
      else assert.match(whole?.en ?? '(nothing differs)', expected, name);
      assert.deepEqual(verifyFormat(cleanDoc, edited, null, 1), whole, name);
    }
    assert.deepEqual(verifyFormat(cleanDoc, cases[0]![1], null, Infinity), { en: '60 questions became 59', nl: 'het aantal vragen gaat van 60 naar 59' }, 'both languages');
  });
});
