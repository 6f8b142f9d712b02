/** The one cursor resolver (core/cursor.ts): what stands at a position, in `number` and `full` mode. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { objectAt, numbersOf } from '../../server/src/core/cursor';
import { parse } from '../../server/src/core/parse';
import { doc as DOC } from '../support/features';

const TEXT = [
  'Kamervraag 2024Z30000',
  '',
  'Titel',
  '',
  ' • Vraag 1',
  '  Wat?',
  '',
  '  Zie antwoord vraag 2.',
  ' • Vraag 2',
  '  Hoe?',
  '',
  '  Zie antwoord op de vragen 1 t/m 3.',
  ' • Vraag 2',
  '  Waarom?',
].join('\n');
const doc = parse(TEXT);
const lines = TEXT.split('\n');
const at = (line: number, needle: string, offset = 0) => ({ line, character: lines[line]!.indexOf(needle) + offset });

describe('objectAt', () => {
  it('a heading number names its own block, also when another block has the number', () => {
    const first = objectAt(doc, at(8, '2'));
    const second = objectAt(doc, at(12, '2'));
    assert.ok(first?.kind === 'heading' && second?.kind === 'heading');
    assert.equal(first.number, 2);
    assert.equal(second.number, 2);
    assert.equal(first.index, 1);
    assert.equal(second.index, 2);
    assert.equal(second.question, doc.questions[2]);
    // just after the digits still counts; the word before them does not
    assert.equal(objectAt(doc, at(12, '2', 1))?.kind, 'heading');
    assert.equal(objectAt(doc, at(12, 'Vraag')), null);
  });

  it('a written number of a mention, the t/m of a range, and the words of a mention in full mode only', () => {
    const one = objectAt(doc, at(7, '2'), 'number');
    assert.ok(one?.kind === 'reference' && !one.onPhrase);
    assert.deepEqual(numbersOf(one), [2]);
    const range = objectAt(doc, at(11, 't/m', 1), 'number');
    assert.deepEqual(range && [...numbersOf(range)].sort(), [1, 2, 3]);
    const phrase = objectAt(doc, at(7, 'antwoord'), 'full');
    assert.ok(phrase?.kind === 'reference' && phrase.onPhrase);
    assert.deepEqual(numbersOf(phrase), [2]);
    assert.equal(objectAt(doc, at(7, 'antwoord'), 'number'), null);
    assert.equal(objectAt(doc, { line: 5, character: 2 }), null);
    assert.equal(objectAt(doc, { line: 99, character: 0 }), null);
  });
});

describe('objectAt on lists and ranges', () => {
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
  const lines = text.split('\n');
  const lineOf = (needle: string): number => lines.findIndex((l) => l.includes(needle));
  const rangeLine = lineOf('1 tot en met 3');
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
});

describe('objectAt reads only the line under the cursor', () => {
  it('makes no question object but the one whose heading is under the cursor, however many come before', () => {
    const blocks: string[] = [];
    for (let n = 1; n <= 2000; n++) blocks.push(` • Vraag ${n}`, '  Waarom?', '', `  Zie antwoord vraag ${n === 1 ? 2 : n - 1}.`);
    const big = parse(DOC(blocks.join('\n')));
    const table = big.blocks;
    let made = 0;
    const question = table.question.bind(table);
    table.question = (i: number) => (made++, question(i));
    const bigLines = DOC(blocks.join('\n')).split('\n');
    const last = bigLines.lastIndexOf(' • Vraag 2000');
    const found = objectAt(big, { line: last, character: 9 });
    assert.ok(found?.kind === 'heading' && found.number === 2000 && found.index === 1999);
    assert.ok(made <= 1, `${made} question objects made`);
    const mention = objectAt(big, { line: last + 3, character: bigLines[last + 3]!.indexOf('1999') });
    assert.deepEqual(mention && numbersOf(mention), [1999]);
    assert.ok(made <= 1, `${made} question objects made`);
  });
});
