/** Completion of question numbers in a mention, from fixtures with a `⟦|⟧` cursor. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/features/completion';
import { context, doc, fixture } from '../../support/features';

const BLOCKS = [
  ' • Vraag 1', '  Hoeveel scholen zijn er?', '', '  Tien.', '',
  ' • Vraag 2', '  Hoeveel leraren zijn er?', '', '  Honderd.', '',
  ' • Vraag 3', '  Hoeveel leerlingen zijn er?',
];

/** The completion at the cursor of `line`, added as the answer of question 3. */
function at(line: string, locale: 'en' | 'nl' = 'en') {
  const f = fixture(doc([...BLOCKS, '', line].join('\n')));
  return { f, list: completion(f.analysis, f.at(), context({ locale })) };
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);

describe('completion', () => {
  it('after "vraag ": the other questions, the one being answered left out', () => {
    const { f, list } = at('  Zie het antwoord op vraag ⟦|⟧');
    assert.ok(list);
    assert.deepEqual(labels(list.items), ['1', '2']);
    const first = list.items[0]!;
    assert.equal(first.detail, 'Hoeveel scholen zijn er?');
    assert.deepEqual((first.textEdit as TextEdit).range, { start: f.cursors[0], end: f.cursors[0] });
  });

  it('the number being typed is replaced; lists and ranges go on', () => {
    const { f, list } = at('  Zie de vragen 1 en ⟦2⟦|⟧⟧');
    assert.ok(list);
    assert.deepEqual((list.items[0]!.textEdit as TextEdit).range, f.ranges[0]);
    assert.ok(at('  Zie de vragen 1 t/m ⟦|⟧').list);
    assert.ok(at('  Zie de vragen 1, ⟦|⟧').list);
  });

  it('nothing in front of a number or word: "vraag |6" would become "vraag 26", losing the 6', () => {
    assert.equal(at('  Zie antwoord vraag ⟦|⟧1.').list, null);
    assert.equal(at('  Zie de vragen 1 en ⟦|⟧2').list, null);
    assert.equal(at('  Zie vraag 1⟦|⟧2').list, null);
    assert.equal(at('  Zie vraag ⟦|⟧en').list, null);
    assert.ok(at('  Zie vraag ⟦|⟧ en 2').list);
  });

  it('only the numbers that go on from the digits typed', () => {
    const blocks = Array.from({ length: 12 }, (_, i) => [` • Vraag ${i + 1}`, '  Wat?', ''].join('\n'));
    const f = fixture(doc([...blocks, '  Zie vraag 1⟦|⟧'].join('\n')));
    assert.deepEqual(labels(completion(f.analysis, f.at(), context())!.items), ['1', '10', '11']);
  });

  it('documentation in the session\'s language says when a question has no answer yet', () => {
    const text = doc([' • Vraag 1', '  Wat?', '', '  Zie vraag ⟦|⟧', '', ' • Vraag 2', '  Hoe?'].join('\n'));
    const f = fixture(text);
    const nl = completion(f.analysis, f.at(), context({ locale: 'nl' }))!;
    assert.match((nl.items[0]!.documentation as MarkupContent).value, /^\*\*Vraag 2\*\*\n[^]*_\\\(Nog\\\) niet beantwoord\\._$/);
    const en = completion(f.analysis, f.at(), context({ locale: 'en' }))!;
    assert.match((en.items[0]!.documentation as MarkupContent).value, /^\*\*Question 2\*\*\n[^]*_Not answered \\\(yet\\\)\\._$/);
  });

  it('nothing outside a mention, past the end of a line or of the document', () => {
    assert.equal(at('  Zie het ⟦|⟧antwoord').list, null);
    const { f } = at('  vraag ⟦|⟧');
    assert.equal(completion(f.analysis, f.atPosition({ line: f.cursors[0]!.line, character: 99 }), context()), null);
    assert.equal(completion(f.analysis, f.atPosition({ line: 9999, character: 0 }), context()), null);
  });

  it('numbers only in the question blocks and Mededelingen: not after `Bron antwoord ` nor in the title or footer', () => {
    const numbers = (marked: string) => {
      const f = fixture(marked);
      return labels(completion(f.analysis, f.at(), context())?.items ?? []).filter((l) => /^\d+$/.test(l));
    };
    const base = doc(BLOCKS.join('\n'));
    assert.deepEqual(numbers(base.replace(/^Bron antwoord .*$/m, 'Bron antwoord ⟦|⟧')), [], 'a metadata line');
    assert.deepEqual(numbers(base.replace('Een titel\n', 'Vragen over vraag ⟦|⟧\n')), [], 'the title');
    assert.deepEqual(numbers(`${base}\nVolledige titel: Antwoord op vraag ⟦|⟧`), [], 'the footer');
    const mededeling = doc([...BLOCKS, '', ' • Mededeling - 20 oktober 2024', '  Het antwoord op vraag ⟦|⟧'].join('\n'));
    assert.deepEqual(numbers(mededeling), ['1', '2', '3'], 'a Mededeling may name every question');
  });
});
