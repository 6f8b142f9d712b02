/** Completion of metadata values: topics after `Onderwerpen`, the workspace's names after `Indiener(s)` and `Beantwoord door` (`⟦|⟧` cursors). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/features/completion';
import { MAX_NAMES, MAX_VALUE_LINE } from '../../../server/src/features/completionValues';
import { parse } from '../../../server/src/core/parse';
import { WorkspaceIndex } from '../../../server/src/service/workspaceIndex';
import { context, example, fixture, URI } from '../../support/features';

const START = ['Kamervraag 2024Z30000', '', 'Een titel', '', 'Ingediend 1 oktober 2024'];

/** A workspace of the four examples and `others` (metadata lines of further documents). */
function workspace(others: readonly string[][] = []): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of ['2014Z19222.txt', '2024Z16988.txt', '2024Z18294.txt', '2024Z18439.txt']) index.update(`file:///ws/${name}`, parse(example(name)));
  others.forEach((lines, k) => index.update(`file:///ws/other${k}.kvr`, parse(['Kamervraag 2024Z4000' + k, '', 'Titel', '', 'Ingediend 1 oktober 2024', ...lines, ' • Vraag 1', '  Vraag?'].join('\n'))));
  return index;
}

function complete(marked: string, index: WorkspaceIndex | null = workspace(), locale: 'en' | 'nl' = 'en') {
  const f = fixture([...START, marked, ' • Vraag 1', '  Waarom?'].join('\n'));
  const list = completion(f.analysis, f.at(), context({ workspace: index, locale }));
  return { f, list, items: (list?.items ?? []).filter((i) => i.kind === CompletionItemKind.Value || i.kind === CompletionItemKind.EnumMember) };
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;

describe('completion of metadata values', () => {
  it('Onderwerpen: the government\'s topics by name, the words being typed completed (case as the list writes it)', () => {
    const all = complete('Onderwerpen ⟦|⟧').items;
    assert.ok(all.length > 100, `${all.length} topics`);
    assert.equal(all[0]!.label, 'afval');
    assert.ok(all.every((i) => i.kind === CompletionItemKind.EnumMember && i.detail === 'topic'));
    assert.equal(complete('Onderwerpen ⟦|⟧', null, 'nl').items[0]!.detail, 'onderwerp', 'topics need no workspace');
    const { f, items } = complete('Onderwerpen criminaliteit ⟦Openbare or⟦|⟧⟧');
    assert.deepEqual(labels(items), ['openbare orde', 'openbare orde en veiligheid']);
    assert.deepEqual(edit(items[1]!), { range: f.ranges[0], newText: 'openbare orde en veiligheid' });
    const comma = complete('Onderwerpen ⟦politie, br⟦|⟧⟧');
    assert.deepEqual(comma.items.map(edit), [{ range: comma.f.ranges[0], newText: 'politie, brandweer en hulpdiensten' }]);
  });

  it('Onderwerpen: no topic twice, none glued to a word, nothing before the space after the key', () => {
    const after = labels(complete('Onderwerpen criminaliteit openbare orde en veiligheid ⟦|⟧ recht').items);
    for (const there of ['criminaliteit', 'openbare orde en veiligheid', 'recht']) assert.ok(!after.includes(there), there);
    assert.ok(after.includes('openbare orde'), 'a shorter topic than one on the line is another topic');
    assert.ok(after.includes('rechtspraak'));
    // A topic typed in full is no suggestion of itself; the longer ones that go on from it are.
    assert.deepEqual(labels(complete('Onderwerpen werk⟦|⟧').items), ['werkloosheid']);
    assert.deepEqual(complete('Onderwerpen crimi⟦|⟧naliteit').items, []);
    assert.deepEqual(labels(complete('Onderwerpen zorg⟦|⟧').items), ['zorg en gezondheid', 'zorginstellingen']);
    assert.deepEqual(complete('Onderwerpen kwal⟦|⟧').items, [], 'no topic starts with "kwal", and the word is not done');
    assert.deepEqual(complete('Onderwerpen⟦|⟧').items, []);
    assert.deepEqual(complete(`Onderwerpen ${'zorg '.repeat(MAX_VALUE_LINE / 5)}⟦|⟧`).items, [], 'a line too long to be written by hand');
  });

  it('Indieners: the workspace\'s members, the most frequent first, after the key and after each comma', () => {
    const index = workspace([['Indieners Jansen (D66), Michiel van Nispen (SP)'], ['Indiener Jansen (D66)']]);
    const { f, items } = complete('Indieners ⟦|⟧', index);
    assert.equal(items[0]!.label, 'Jansen (D66)');
    assert.equal(items[0]!.detail, 'in 2 Kamervragen');
    assert.equal(items[1]!.label, 'Michiel van Nispen (SP)', 'in two documents too; after Jansen by name');
    assert.equal(items.find((i) => i.label === 'Nine Kooiman (SP)')?.detail, 'in 1 Kamervraag');
    assert.deepEqual(edit(items[0]!), { range: { start: f.cursors[0]!, end: f.cursors[0]! }, newText: 'Jansen (D66)' });
    const next = complete('Indieners Jansen (D66), ⟦Nisp⟦|⟧⟧', index);
    assert.deepEqual(labels(next.items), ['Michiel van Nispen (SP)']);
    assert.equal(next.items[0]!.filterText, 'Nispen (SP)', 'filtered from the word typed');
    assert.deepEqual(edit(next.items[0]!), { range: next.f.ranges[0], newText: 'Michiel van Nispen (SP)' });
    // A member on the line is not offered again, wherever it stands; the party typed stops the names.
    assert.ok(!labels(complete('Indieners ⟦|⟧, Jansen (D66)', index).items).includes('Jansen (D66)'));
    assert.ok(!labels(complete('Indieners Jansen, ⟦|⟧', index).items).includes('Jansen (D66)'));
    assert.deepEqual(complete('Indieners Jansen (D⟦|⟧', index).items, []);
    assert.deepEqual(complete('Indieners Jan⟦|⟧sen', index).items, [], 'in front of the rest of a word');
    assert.deepEqual(complete('Indieners Michiel⟦|⟧ van Nispen (SP), Jansen (D66)', index).items, [], 'inside a member written already');
    assert.deepEqual(labels(complete('Indieners Mich⟦|⟧ , Jansen (D66)', index).items), ['Michiel van Nispen (SP)'], 'only spaces after it');
  });

  it('Beantwoord door: the values of the workspace; not the document\'s own, half typed', () => {
    const index = workspace([['Beantwoord door Opstelten'], ['Beantwoord door Conny Helder (minister zonder portefeuille volksgezondheid, welzijn en sport) (VVD)']]);
    const { items } = complete('Beantwoord door ⟦|⟧', index);
    assert.equal(items[0]!.label, 'Opstelten', 'in two documents');
    const helder = complete('Beantwoord door ⟦hel⟦|⟧⟧', index);
    assert.deepEqual(labels(helder.items), ['Conny Helder (minister zonder portefeuille volksgezondheid, welzijn en sport) (VVD)']);
    assert.deepEqual(complete('Beantwoord door minister⟦|⟧', index).items, [], 'not from a word of the role');
    assert.deepEqual(complete('Beantwoord door Opst⟦|⟧ (VVD)', index).items, [], 'not in front of the rest of the value');
    // The open document is in the index with what is typed so far: that is not offered back.
    const f = fixture([...START, 'Beantwoord door Opst⟦|⟧', ' • Vraag 1', '  Waarom?'].join('\n'));
    const own = workspace();
    own.update(URI, f.analysis.document);
    assert.deepEqual(labels((completion(f.analysis, f.at(), context({ workspace: own }))?.items ?? []).filter((i) => i.kind === CompletionItemKind.Value)), ['Opstelten']);
  });

  it('names need a workspace; a long list is cut and marked incomplete, so the client asks again as more is typed', () => {
    assert.deepEqual(complete('Indieners ⟦|⟧', null).items, []);
    const many = Array.from({ length: MAX_NAMES + 10 }, (_, k) => [`Indiener Lid${String(k).padStart(3, '0')} (SP)`]);
    const all = complete('Indieners ⟦|⟧', workspace(many));
    assert.equal(all.items.length, MAX_NAMES);
    assert.equal(all.list!.isIncomplete, true);
    const some = complete('Indieners Lid02⟦|⟧', workspace(many));
    assert.equal(some.items.length, 10);
    assert.equal(some.list!.isIncomplete, false);
  });

  it('Bron vraag and Bron antwoord: the address the zaaknummer and the footer\'s answer number give, going on from what is typed', () => {
    const withFooter = (marked: string) => fixture([...START, marked, ' • Vraag 1', '  Waarom?', '', '', 'Kamervraag document nummer: kv-tk-2024Z30000', 'Volledige titel: Een titel', 'Kamerantwoord document nummer: ah-tk-20242025-123', 'Volledige titel: Antwoord'].join('\n'));
    const sources = (f: ReturnType<typeof fixture>, locale: 'en' | 'nl' = 'en') => (completion(f.analysis, f.at(), context({ locale }))?.items ?? []).filter((i) => i.kind === CompletionItemKind.Reference);
    let f = withFooter('Bron vraag ⟦⟦|⟧⟧');
    let [item] = sources(f);
    assert.equal(item!.label, 'https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html');
    assert.deepEqual(edit(item!), { range: f.ranges[0], newText: item!.label });
    f = withFooter('Bron vraag ⟦HTTPS://zoek.off⟦|⟧⟧');
    [item] = sources(f, 'nl');
    assert.deepEqual(edit(item!), { range: f.ranges[0], newText: 'https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html' });
    assert.equal(item!.detail, 'De vraag op officielebekendmakingen.nl (uit het zaaknummer)');
    f = withFooter('Bron antwoord ⟦https://zoek.officielebekendmakingen.nl/ah⟦|⟧⟧');
    assert.deepEqual(sources(f).map((i) => edit(i)), [{ range: f.ranges[0], newText: 'https://zoek.officielebekendmakingen.nl/ah-tk-20242025-123.html' }]);
    // Nothing that would drop what is typed, nor in front of text, nor without the numbers.
    assert.deepEqual(sources(withFooter('Bron vraag https://example.org/⟦|⟧')), []);
    assert.deepEqual(sources(withFooter('Bron vraag ⟦|⟧https://zoek')), []);
    assert.deepEqual(sources(withFooter('Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html⟦|⟧')), [], 'already written');
    assert.deepEqual(sources(fixture([...START, 'Bron antwoord ⟦|⟧', ' • Vraag 1', '  Waarom?'].join('\n'))), [], 'no footer, no answer number');
    assert.deepEqual(sources(fixture(['Kamervraag 2024Z3000', '', 'Titel', '', 'Bron vraag ⟦|⟧'].join('\n'))), [], 'no valid zaaknummer');
  });
});

