/** Unit tests of the feature functions: pure functions of the document model, no connection. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticTag, type DocumentSymbol, type LocationLink, type MarkupContent, type Range } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/core/parse';
import { check } from '../../../server/src/core/checks';
import { QuestionGraph } from '../../../server/src/core/graph';
import { diagnostic, RULES } from '../../../server/src/core/diagnostic';
import { codeActions } from '../../../server/src/features/codeActions';
import { objectAt } from '../../../server/src/core/cursor';
import { definition } from '../../../server/src/features/definition';
import { toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { documentLinks } from '../../../server/src/features/documentLinks';
import { documentSymbols, symbolInformation } from '../../../server/src/features/documentSymbols';
import { foldingRanges } from '../../../server/src/features/folding';
import { hover } from '../../../server/src/features/hover';
import { escapeMarkdown, truncate } from '../../../server/src/features/markdown';
import { documentHighlights, references } from '../../../server/src/features/references';
import { status } from '../../../server/src/features/status';
import { fuzzyScore } from '../../../server/src/service/fuzzy';
import { summarize, summarizeText } from '../../../server/src/service/summaries';
import { rangeContains } from '../../../server/src/core/ranges';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'test', 'fixtures', 'examples');
const read = (name: string): string => readFileSync(path.join(EXAMPLES, name), 'utf8');

const DOC = (body: string): string =>
  [
    'Kamervraag 2024Z30000',
    '',
    'Een titel',
    '',
    'Ingediend 1 oktober 2024',
    'Beantwoord 8 oktober 2024 (na 7 dagen)',
    'Indiener Jansen (D66)',
    'Beantwoord door De Vries',
    'Onderwerpen onderwijs',
    'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html',
    'Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20242025-1.html',
    body,
    '',
    '',
    'Kamervraag document nummer: kv-tk-2024Z30000',
    'Volledige titel: Een titel',
    'Kamerantwoord document nummer: ah-tk-20242025-1',
    'Volledige titel: Antwoord op vragen van het lid Jansen over een titel',
  ].join('\n');

const within = rangeContains;

describe('markdown helpers', () => {
  it('escapes Markdown specials so text shows as written', () => {
    assert.equal(escapeMarkdown('1. *nadruk* [link](x) <b> _a_ `c` # kop | x ~ !'), '1\\. \\*nadruk\\* \\[link\\]\\(x\\) \\<b\\> \\_a\\_ \\`c\\` \\# kop \\| x \\~ \\!');
    assert.equal(escapeMarkdown('gewone tekst'), 'gewone tekst');
  });
  it('truncates at a word boundary, never inside a surrogate pair', () => {
    assert.equal(truncate('kort', 10), 'kort');
    assert.equal(truncate('een twee drie vier vijf', 12), 'een twee…');
    const astral = 'a'.repeat(9) + '😀' + 'b';
    assert.equal(truncate(astral, 10), 'a'.repeat(9) + '…');
  });
});

describe('objectAt and definition on lists and ranges', () => {
  const text = DOC(
    [
      ' • Vraag 1', '  V1?', '', '  A1.', '',
      ' • Vraag 2', '  V2?', '', '  A2.', '',
      ' • Vraag 3', '  V3?', '', '  A3.', '',
      ' • Vraag 4', '  V4?', '', '  Zie het antwoord op de vragen 1 tot en met 3.', '',
      ' • Vraag 5', '  V5?', '', '  Zie mijn antwoord op vraag 1, 2 en 4.',
    ].join('\n'),
  );
  const doc = parse(text);
  const graph = new QuestionGraph(doc);
  const lines = text.split('\n');
  const lineOf = (needle: string): number => lines.findIndex((l) => l.includes(needle));
  const rangeLine = lineOf('1 tot en met 3');
  const listLine = lineOf('vraag 1, 2 en 4');
  const col = (line: number, needle: string, offset = 0): number => lines[line]!.indexOf(needle) + offset;

  it('a written number is one question; the words of a range are every question in it', () => {
    const onOne = objectAt(doc, { line: rangeLine, character: col(rangeLine, '1 tot') });
    assert.deepEqual(onOne && onOne.kind === 'reference' && onOne.numbers, [1]);
    const onWords = objectAt(doc, { line: rangeLine, character: col(rangeLine, 'tot en', 4) });
    assert.deepEqual(onWords && onWords.kind === 'reference' && [...onWords.numbers].sort(), [1, 2, 3]);
    const onThree = objectAt(doc, { line: rangeLine, character: col(rangeLine, '3.') });
    assert.deepEqual(onThree && onThree.kind === 'reference' && onThree.numbers, [3]);
    // on the words of the phrase: every question it names, the whole phrase as origin
    const onPhrase = objectAt(doc, { line: rangeLine, character: col(rangeLine, 'antwoord') });
    assert.ok(onPhrase && onPhrase.kind === 'reference' && onPhrase.onPhrase);
    assert.deepEqual([...onPhrase.numbers].sort(), [1, 2, 3]);
    assert.equal(onPhrase.range.start.character, col(rangeLine, 'Zie'));
    // outside any mention: nothing
    assert.equal(objectAt(doc, { line: rangeLine, character: 0 }), null);
  });

  it('each number of a list goes to its own answer; a heading number to its own answer', () => {
    const answerLine = (n: number) => lineOf(`  A${n}.`);
    for (const n of [1, 2, 4]) {
      const links = definition(doc, 'file:///x', { line: listLine, character: col(listLine, String(n)) }, true, graph) as LocationLink[];
      const expected = n === 4 ? lineOf('vragen 1 tot en met 3') : answerLine(n);
      assert.deepEqual(links.map((l) => l.targetRange.start.line), [expected], `vraag ${n}`);
    }
    const heading = lineOf('• Vraag 2');
    const own = definition(doc, 'file:///x', { line: heading, character: col(heading, '2') }, false, graph);
    assert.deepEqual(own, [{ uri: 'file:///x', range: { start: { line: answerLine(2), character: 2 }, end: { line: answerLine(2), character: 5 } } }]);
  });

  it('references and highlights of question 1: both mentions, the heading as Write', () => {
    const heading = lineOf('• Vraag 1');
    const pos = { line: heading, character: col(heading, '1') };
    const refs = references(doc, 'file:///x', pos, false, graph);
    assert.deepEqual(refs.map((r) => r.range.start.line), [rangeLine, listLine]);
    const highlights = documentHighlights(doc, pos, graph);
    assert.deepEqual(highlights.map((h) => [h.range.start.line, h.kind]), [[heading, 3], [rangeLine, 2], [listLine, 2]]);
    // question 2 is only named inside the range "1 tot en met 3": that range is its reference
    const refs2 = references(doc, 'file:///x', { line: lineOf('• Vraag 2'), character: col(lineOf('• Vraag 2'), '2') }, false, graph);
    assert.deepEqual(refs2.map((r) => [r.range.start.line, r.range.start.character, r.range.end.character]), [
      [rangeLine, col(rangeLine, '1 tot'), col(rangeLine, '3.') + 1],
      [listLine, col(listLine, '2'), col(listLine, '2') + 1],
    ]);
  });

  it('hover on a range shows every question in it', () => {
    const h = hover(doc, { line: rangeLine, character: col(rangeLine, 'en met') }, 'nl', graph)!;
    const value = (h.contents as MarkupContent).value;
    assert.deepEqual([...value.matchAll(/\*\*Vraag (\d+)\*\*/g)].map((m) => m[1]), ['1', '2', '3']);
    assert.match(value, /\*\*Antwoord:\*\* A1\\\./);
  });
});

describe('document symbols on every example', () => {
  for (const name of readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt'))) {
    it(`${name}: nested ranges, selection inside range, one Vraag per question`, () => {
      const doc = parse(read(name));
      const symbols = documentSymbols(doc, 'en');
      const walk = (list: readonly DocumentSymbol[], parent: Range | null): void => {
        for (const s of list) {
          assert.ok(s.name.trim().length > 0);
          assert.ok(within(s.range, s.selectionRange), `${s.name}: selection inside range`);
          if (parent) assert.ok(within(parent, s.range), `${s.name}: inside parent`);
          walk(s.children ?? [], s.range);
        }
      };
      walk(symbols, null);
      const vragen = symbols[0]!.children!.filter((c) => c.name.startsWith('Vraag '));
      assert.equal(vragen.length, doc.questions.length);
      assert.equal(symbolInformation(doc, 'en', 'file:///x').length, 1 + symbols[0]!.children!.reduce((n, c) => n + 1 + (c.children?.length ?? 0), 0));
    });
  }

  it('an empty or headerless text gives no crash and a sensible tree', () => {
    assert.deepEqual(documentSymbols(parse(''), 'en'), []);
    const loose = documentSymbols(parse(' • Vraag 1\n  Wat?\n'), 'nl');
    assert.equal(loose.length, 1);
    assert.equal(loose[0]!.name, 'Kamervraag');
    assert.deepEqual(loose[0]!.children!.map((c) => c.name), ['Vraag 1']);
  });
});

describe('folding, links, status, diagnostics conversion, quick fixes', () => {
  const text = read('2014Z19222.txt');
  const doc = parse(text);

  it('folding ranges are sorted, non-empty, and cover every multi-line block', () => {
    const folds = foldingRanges(doc);
    for (let i = 1; i < folds.length; i++) assert.ok(folds[i - 1]!.startLine <= folds[i]!.startLine);
    for (const f of folds) assert.ok(f.endLine > f.startLine);
    for (const q of doc.questions) assert.ok(folds.some((f) => f.startLine === q.range.start.line && f.endLine === q.range.end.line));
  });

  it('document links only for real URLs and well-formed document numbers', () => {
    const broken = parse(text.replace('https://zoek.officielebekendmakingen.nl/kv-tk-2014Z19222.html', 'zie website').replace('ah-tk-20142015-637\n', 'onbekend\n'));
    assert.deepEqual(documentLinks(broken, 'en').map((l) => l.target), [
      'https://zoek.officielebekendmakingen.nl/ah-tk-20142015-637.html',
      'https://zoek.officielebekendmakingen.nl/kv-tk-2014Z19222.html',
    ]);
  });

  it('status counts errors and warnings, not information', () => {
    const s = status(doc, check(doc));
    assert.deepEqual(s.diagnostics, { errors: 0, warnings: 0 });
    assert.equal(s.questions, 10);
  });

  it('toLspDiagnostic: code, source, codeDescription, Unnecessary tag and related information by client support', () => {
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
    const kv = { ...diagnostic('late-answer', range, { en: 'late', nl: 'laat' }, [{ range, message: { en: 'here', nl: 'hier' } }]), unnecessary: true };
    const full = toLspDiagnostic(kv, 'file:///a', 'nl');
    assert.equal(full.message, 'laat');
    assert.equal(full.source, 'kamervraag');
    assert.equal(full.code, 'late-answer');
    assert.deepEqual(full.codeDescription, { href: (RULES['late-answer'] as { href: string }).href });
    assert.deepEqual(full.tags, [DiagnosticTag.Unnecessary]);
    assert.deepEqual(full.relatedInformation, [{ location: { uri: 'file:///a', range }, message: 'hier' }]);
    const bare = toLspDiagnostic(kv, 'file:///a', 'en', { relatedInformation: false, codeDescription: false, unnecessaryTag: false });
    assert.equal(bare.message, 'late');
    assert.equal(bare.codeDescription, undefined);
    assert.equal(bare.tags, undefined);
    assert.equal(bare.relatedInformation, undefined);
  });

  it('codeActions: the core\'s fix for a matching diagnostic, nothing for others', () => {
    const wrong = parse(text.replace('(na 25 dagen)', '(na 52 dagen)'));
    const ours = check(wrong);
    const days = ours.find((d) => d.code === 'days-wrong')!;
    const lsp = toLspDiagnostic(days, 'file:///a', 'en');
    const actions = codeActions(ours, 'file:///a', [lsp, { ...lsp, code: 'late-answer' }, { ...lsp, source: 'other' }], 'nl');
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.title, 'Wijzig in 25');
    assert.deepEqual(actions[0]!.edit!.changes!['file:///a'], [{ range: days.range, newText: '25' }]);
  });
});

describe('workspace index helpers', () => {
  it('fuzzyScore: characters in order; tighter matches score lower', () => {
    assert.equal(fuzzyScore('abc', 'xaxbxc'), 3);
    assert.equal(fuzzyScore('abc', 'abc'), 0);
    assert.equal(fuzzyScore('abc', 'acb'), -1);
    assert.ok(fuzzyScore('vraag6', 'vraag 6: hoeveel') < fuzzyScore('vraag6', 'vraag 1: 6 keer'));
  });
  it('summarizeText (the light reader for files on disk) agrees with summarize(parse(text))', () => {
    const dirs = [EXAMPLES, path.join(ROOT, 'test', 'fixtures', 'protocol')];
    let n = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        const original = readFileSync(path.join(dir, name), 'utf8');
        for (const text of [original, original.replace(/\n/g, '\r\n'), original.replace(/\n\n/g, '\n'), original.slice(0, original.length >> 1), '\uFEFF  ' + original, original.replace(/\n/g, '\r'), '', 'Kamervraag', 'kamervraag  \n\n\n • Vraag\n', 'Kamervraag 2014Z19222\n\nTitel\n\n • Vraag 99999999999999999999999\n\n  \ud800 eenzame surrogaat \udc00', ' • Vraag 1\n\n\n • Vraag 2\n\n  Wat?\n • Mededeling - 1 mei 2024\n']) {
          assert.deepEqual(summarizeText('file:///a', text), summarize('file:///a', parse(text)), `${name} (${text.length} chars)`);
          n++;
        }
      }
    }
    assert.ok(n >= 30);
  });
  it('summarize: the document and each question heading', () => {
    const s = summarize('file:///a', parse(read('2024Z18294.txt')));
    assert.equal(s.zaaknummer, '2024Z18294');
    assert.equal(s.symbols.length, 9);
    assert.equal(s.symbols[0]!.name, 'Kamervraag 2024Z18294: Het landelijk kwaliteitskader in relatie tot Preventie met gezag');
    assert.match(s.symbols[1]!.name, /^Vraag 1: Hoe is het Landelijk kwaliteitskader .*…$/);
    assert.ok(s.symbols[1]!.name.length <= 'Vraag 1: '.length + 80);
  });
});
