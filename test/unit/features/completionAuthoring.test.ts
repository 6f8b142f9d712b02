/** Completion while writing: metadata keys, dates, a new question block, numbers after "antwoord " (`⟦|⟧` cursors). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/features/completion';
import { fixedClock } from '../../../server/src/core/clock';
import { context, doc, fixture } from '../../support/features';

const TODAY = fixedClock({ year: 2024, month: 11, day: 14 });

function complete(marked: string, overrides: Parameters<typeof context>[0] = {}, triggerKind?: 1 | 2) {
  const f = fixture(marked);
  const params = { ...f.at(), ...(triggerKind ? { context: { triggerKind, triggerCharacter: triggerKind === 2 ? ' ' : undefined } } : {}) };
  const list = completion(f.analysis, params, context({ clock: TODAY, ...overrides }));
  return { f, items: list?.items ?? [] };
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;

const START = ['Kamervraag 2024Z30000', '', 'Een titel', ''];

describe('completion while writing', () => {
  it('at the start of a metadata line: the keys still missing, in the format\'s order, the typed prefix replaced', () => {
    const { f, items } = complete([...START, 'Ingediend 1 oktober 2024', '⟦Be⟦|⟧⟧'].join('\n'));
    assert.deepEqual(labels(items), ['Beantwoord', 'Beantwoord door']);
    assert.ok(items.every((i) => i.kind === CompletionItemKind.Property));
    assert.deepEqual(edit(items[0]!), { range: f.ranges[0], newText: 'Beantwoord ' });
    assert.deepEqual(items.map((i) => i.sortText), ['001', '004']);
    const all = complete([...START, 'Ingediend 1 oktober 2024', 'Indieners Jansen (D66), De Vries (VVD)', '⟦|⟧'].join('\n'), {}, 1).items;
    assert.deepEqual(labels(all.filter((i) => i.kind === CompletionItemKind.Property)), ['Beantwoord', 'Beantwoord door', 'Onderwerpen', 'Bron vraag', 'Bron antwoord']);
  });

  it('no key inside a word: "I|ndieners" would become "Indiener ndieners"; at the end of the word it is offered', () => {
    const line = (marked: string) => complete([...START, 'Ingediend 1 oktober 2024', marked].join('\n'), {}, 1).items.filter((i) => i.kind === CompletionItemKind.Property);
    assert.deepEqual(line('I⟦|⟧ndieners Jansen (SP)'), []);
    assert.deepEqual(line('O⟦|⟧\u0301nderwerpen politie'), []);
    assert.deepEqual(labels(line('Indieners⟦|⟧ Jansen (SP)')), ['Indieners']);
  });

  it('in a date field: today\'s date (Beantwoord with its days since Ingediend), then month names, then the year', () => {
    const ingediend = complete([...START, 'Ingediend ⟦|⟧'].join('\n')).items;
    assert.deepEqual(labels(ingediend), ['14 november 2024']);
    assert.equal(ingediend[0]!.kind, CompletionItemKind.Value);
    const beantwoord = complete([...START, 'Ingediend 1 november 2024', 'Beantwoord ⟦|⟧'].join('\n'), { locale: 'nl' }).items;
    assert.equal(beantwoord[0]!.label, '14 november 2024 (na 13 dagen)');
    assert.equal(beantwoord[0]!.detail, 'vandaag');
    assert.ok(labels(beantwoord).includes('Beantwoord door'), 'the longer key goes on from "Beantwoord "');
    assert.deepEqual(labels(complete([...START, 'Ingediend 3 ⟦|⟧'].join('\n')).items).slice(0, 3), ['januari', 'februari', 'maart']);
    const { f, items } = complete([...START, 'Ingediend 3 ⟦No⟦|⟧⟧'].join('\n'));
    assert.deepEqual(labels(items), ['november']);
    assert.deepEqual(edit(items[0]!), { range: f.ranges[0], newText: 'november ' });
    assert.deepEqual(labels(complete([...START, 'Ingediend 3 november ⟦|⟧'].join('\n')).items), ['2024']);
  });

  it('no date in front of the rest of a date: "Ingediend |30 oktober 2014" would glue today\'s year to the 30', () => {
    const dates = (marked: string) => complete([...START, marked].join('\n'), {}, 1).items;
    assert.deepEqual(dates('Ingediend ⟦|⟧30 oktober 2014'), []);
    assert.deepEqual(dates('Ingediend 30 okt⟦|⟧ober 2014'), []);
    assert.deepEqual(dates('Ingediend 30 oktober 20⟦|⟧14'), []);
    assert.deepEqual(labels(dates('Ingediend ⟦|⟧ ')), ['14 november 2024']);
  });

  it('only what goes on from what was typed: a day, month or year begun otherwise is not replaced by today\'s', () => {
    const labelsAt = (marked: string) => labels(complete([...START, marked].join('\n')).items);
    assert.deepEqual(labelsAt('Ingediend 1⟦|⟧'), ['14 november 2024']);
    assert.deepEqual(labelsAt('Ingediend 3⟦|⟧'), []);
    assert.deepEqual(labelsAt('Ingediend 3 m⟦|⟧'), ['maart', 'mei']);
    assert.deepEqual(labelsAt('Ingediend 3 x⟦|⟧'), []);
    assert.deepEqual(labelsAt('Ingediend 3 mei 20⟦|⟧'), ['2024']);
    assert.deepEqual(labelsAt('Ingediend 3 mei 19⟦|⟧'), []);
  });

  it('a new question block numbered after the block above, as a snippet with tab stops when the client takes them', () => {
    const text = doc([' • Vraag 1', '  Wat?', '', '  Dit.', '', '⟦ • Vr⟦|⟧⟧'].join('\n'));
    const { f, items } = complete(text, { snippetSupport: true });
    const item = items.find((i) => i.kind === CompletionItemKind.Snippet)!;
    assert.equal(item.label, 'Vraag 2');
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(edit(item).range, { start: { line: f.ranges[0]!.start.line, character: 1 }, end: f.cursors[0] });
    assert.equal(edit(item).newText, '• Vraag 2\n  ${1:question}\n\n  ${2:answer}$0');
    const plain = complete(doc([' • Vraag 1', '  Wat?', '', '  Dit.', '', '⟦|⟧'].join('\n')), {}, 1).items.find((i) => i.kind === CompletionItemKind.Snippet)!;
    assert.equal(plain.insertTextFormat, InsertTextFormat.PlainText);
    // Without snippets the heading alone: a client that inserts the text as a word (Neovim's omnifunc) cannot take a line end.
    assert.equal(edit(plain).newText, ' • Vraag 2');
    // In the document's own style (core/blockStyle.ts, as Vraag toevoegen writes it): a wider lead, text
    // indented by a tab; so is a Mededeling.
    const own = [' \t• Vraag 1', '\tWat?', '', '\tDit.', ''];
    const styled = complete(doc([...own, '⟦|⟧'].join('\n')), {}, 1).items;
    assert.equal(edit(styled.find((i) => i.label === 'Vraag 2')!).newText, ' \t• Vraag 2');
    assert.equal(edit(complete(doc([...own, 'Me⟦|⟧'].join('\n'))).items.find((i) => i.label === 'Mededeling')!).newText, ' \t• Mededeling - 14 november 2024');
    const snippet = complete(doc([...own, '⟦|⟧'].join('\n')), { snippetSupport: true }, 1).items.find((i) => i.label === 'Vraag 2')!;
    assert.equal(edit(snippet).newText, ' \t• Vraag 2\n\t${1:question}\n\n\t${2:answer}$0');
  });

  it('no question block on a space typed in an answer, nor with text after the cursor', () => {
    const text = doc([' • Vraag 1', '  Wat?', '', ' ⟦|⟧'].join('\n'));
    assert.equal(complete(text, {}, 2).items.length, 0);
    assert.equal(complete(doc([' • Vraag 1', '  Wat?', '', '  ⟦|⟧Dit.'].join('\n')), {}, 1).items.length, 0);
  });

  it('question numbers after "antwoord " too', () => {
    const text = doc([' • Vraag 1', '  Wat?', '', '  Dit.', '', ' • Vraag 2', '  Hoe?', '', '  Zie antwoord ⟦|⟧'].join('\n'));
    const { items } = complete(text);
    assert.deepEqual(labels(items), ['1']);
    assert.equal(items[0]!.kind, CompletionItemKind.Reference);
  });

  it('a Mededeling dated today after the last question: `• M…` on a line of its own, and the date after ` • Mededeling - `', () => {
    const blocks = [' • Vraag 1', '  Waarom?', ' • Vraag 2', '  Wanneer?'];
    const mededeling = (items: readonly CompletionItem[]) => items.filter((i) => i.label === 'Mededeling');
    let { f, items } = complete(doc([...blocks, ' ⟦• Me⟦|⟧⟧'].join('\n')), { snippetSupport: true });
    const [item] = mededeling(items);
    assert.deepEqual(edit(item!), { range: f.ranges[0], newText: '• Mededeling - 14 november 2024\n  ${1:reason for the postponement}$0' });
    assert.equal(item!.insertTextFormat, InsertTextFormat.Snippet);
    ({ f, items } = complete(doc([...blocks, '⟦m⟦|⟧⟧'].join('\n')), { locale: 'nl' }));
    assert.deepEqual(mededeling(items).map(edit), [{ range: f.ranges[0], newText: ' • Mededeling - 14 november 2024' }], 'without snippets: the heading alone');
    assert.equal(mededeling(items)[0]!.detail, 'uitstelbericht, vandaag gedateerd');
    // Not between the questions, not in the metadata, not in front of text, not for another word.
    assert.deepEqual(mededeling(complete(doc([' • Vraag 1', '  Waarom?', ' • Me⟦|⟧', ' • Vraag 2', '  Wanneer?'].join('\n'))).items), []);
    assert.deepEqual(mededeling(complete([...START, 'Ingediend 1 oktober 2024', 'M⟦|⟧'].join('\n')).items), []);
    assert.deepEqual(mededeling(complete(doc([...blocks, ' • Me⟦|⟧ded'].join('\n'))).items), []);
    assert.deepEqual(mededeling(complete(doc([...blocks, ' • Mex⟦|⟧'].join('\n'))).items), []);
    // The heading's date: today, and only what goes on from what was typed.
    ({ f, items } = complete(doc([...blocks, ' • Mededeling - ⟦1⟦|⟧⟧'].join('\n'))));
    assert.deepEqual(items.map(edit), [{ range: f.ranges[0], newText: '14 november 2024' }]);
    assert.deepEqual(complete(doc([...blocks, ' • Mededeling - 2⟦|⟧'].join('\n'))).items, []);
  });
});

