/** Document symbols on every example and on texts without a header. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, Range, SymbolInformation } from 'vscode-languageserver-types';
import { analyze } from '../../../server/src/core/analysis';
import { rangeContains as within } from '../../../server/src/core/ranges';
import { documentSymbols } from '../../../server/src/features/documentSymbols';
import { context, example, exampleNames, fixture } from '../../support/features';

const tree = (text: string, locale: 'en' | 'nl' = 'en'): DocumentSymbol[] =>
  documentSymbols(analyze(text), fixture(text).document, context({ locale, hierarchicalSymbols: true })) as DocumentSymbol[];

describe('document symbols on every example', () => {
  for (const name of exampleNames()) {
    it(`${name}: nested ranges, selection inside range, one Vraag per question`, () => {
      const f = fixture(example(name));
      const symbols = documentSymbols(f.analysis, f.document, context({ hierarchicalSymbols: true })) as DocumentSymbol[];
      const walk = (list: readonly DocumentSymbol[], parent: Range | null): void => {
        for (const s of list) {
          assert.ok(s.name.trim().length > 0);
          assert.ok(within(s.range, s.selectionRange), `${s.name}: selection inside range`);
          if (parent) assert.ok(within(parent, s.range), `${s.name}: inside parent`);
          walk(s.children ?? [], s.range);
        }
      };
      walk(symbols, null);
      const vragen = symbols[0]!.children!.filter((c) => c.name.startsWith('Question '));
      assert.equal(vragen.length, f.analysis.document.questions.length);
      // A client without hierarchical symbols gets the same tree flattened.
      const flat = documentSymbols(f.analysis, f.document, context({ hierarchicalSymbols: false })) as SymbolInformation[];
      assert.equal(flat.length, 1 + symbols[0]!.children!.reduce((n, c) => n + 1 + (c.children?.length ?? 0), 0));
    });
  }

  it('an empty or headerless text gives no crash and a sensible tree', () => {
    assert.deepEqual(tree(''), []);
    const loose = tree(' • Vraag 1\n  Wat?\n', 'nl');
    assert.equal(loose.length, 1);
    assert.equal(loose[0]!.name, 'Kamervraag');
    assert.deepEqual(loose[0]!.children!.map((c) => c.name), ['Vraag 1']);
  });
});

describe('document symbols in the session\'s language', () => {
  const text = [
    'Kamervraag 2024Z12345', '', 'Titel', '', 'Ingediend\t1 oktober 2024', 'Beantwoord\t8 oktober 2024 (na 7 dagen)', '',
    ' • Vraag 1', '  Wat?', '', '  Dit.', '', ' • Mededeling - 2 oktober 2024', '  Later.', '',
    'Kamervraag document nummer: kv-tk-2024Z12345',
  ].join('\n');
  const names = (symbols: readonly DocumentSymbol[]): unknown[] =>
    symbols.map((s) => (s.children ? [s.name, names(s.children)] : s.name));

  it('English: "Question 1" with "Question" and "Answer"; Kamervraag, Mededeling and the metadata keys stay', () => {
    assert.deepEqual(names(tree(text, 'en')), [['Kamervraag 2024Z12345', [
      ['Metadata', ['Ingediend', 'Beantwoord']], ['Question 1', ['Question', 'Answer']], 'Mededeling',
      ['Footer', ['Kamervraag document nummer']],
    ]]]);
  });

  it('Dutch: "Vraag 1" with "Vraag" and "Antwoord"', () => {
    assert.deepEqual(names(tree(text, 'nl')), [['Kamervraag 2024Z12345', [
      ['Metadata', ['Ingediend', 'Beantwoord']], ['Vraag 1', ['Vraag', 'Antwoord']], 'Mededeling',
      ['Voettekst', ['Kamervraag document nummer']],
    ]]]);
  });
});
