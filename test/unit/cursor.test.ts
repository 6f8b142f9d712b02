/** The one cursor resolver (core/cursor.ts): what stands at a position, in `number` and `full` mode. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { objectAt, numbersOf } from '../../server/src/core/cursor';
import { parse } from '../../server/src/core/parse';

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
