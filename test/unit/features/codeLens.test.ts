/** Code lens: reference counts over the headings (opening the references peek), counts over the header. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-types';
import { readSettings } from '../../../server/src/core/config';
import { codeLenses, isReferenceLensData, MAX_EAGER_LOCATIONS, MAX_QUESTION_LENSES, resolveCodeLens, SHOW_REFERENCES, START_ANSWERING_COMMAND, type ReferenceLensData } from '../../../server/src/features/codeLens';
import { context, doc, example, fixture, URI } from '../../support/features';

const f = fixture(
  doc(
    [
      ' • Vraag 1', '  V1?', '', '  A1.', '',
      ' • Vraag 2', '  V2?', '', '  Zie antwoord vraag ⟦1⟧.', '',
      ' • Vraag 3', '  V3?', '',
      ' • Vraag 4', '  V4?', '', '  Zie de antwoorden op de vragen ⟦1⟧ en ⟦2⟧.', '',
    ].join('\n'),
  ),
);

describe('code lens', () => {
  const lenses = codeLenses(f.analysis, f.document, context());

  it('over the header: questions and questions without answer', () => {
    const [header] = lenses;
    assert.deepEqual(header!.range, f.analysis.document.header!.range);
    assert.equal(header!.command!.title, '4 questions · 1 without answer');
    assert.equal(codeLenses(f.analysis, f.document, context({ locale: 'nl' }))[0]!.command!.title, '4 vragen · 1 zonder antwoord');
  });

  it('over the header of a document with only its questions: "Start answering", for a client that has the command', () => {
    const unanswered = fixture(example('2024Z18439.txt'));
    const vscode = context({ clientCommands: new Set([START_ANSWERING_COMMAND]) });
    const start = codeLenses(unanswered.analysis, unanswered.document, vscode).filter((l) => l.command?.command === START_ANSWERING_COMMAND);
    assert.equal(start.length, 1);
    assert.deepEqual(start[0]!.range, unanswered.analysis.document.header!.range);
    assert.equal(start[0]!.command!.title, 'Start answering');
    assert.equal(codeLenses(unanswered.analysis, unanswered.document, context({ clientCommands: new Set([START_ANSWERING_COMMAND]), locale: 'nl' })).find((l) => l.command?.command === START_ANSWERING_COMMAND)!.command!.title, 'Beantwoording starten');
    assert.ok(!codeLenses(unanswered.analysis, unanswered.document, context()).some((l) => l.command?.command === START_ANSWERING_COMMAND), 'a client without the command');
    assert.ok(!lenses.some((l) => l.command?.command === START_ANSWERING_COMMAND) && !codeLenses(f.analysis, f.document, vscode).some((l) => l.command?.command === START_ANSWERING_COMMAND), 'an answered document');
  });

  it('over each heading: its references, and the command that shows them', () => {
    const questions = f.analysis.document.questions;
    assert.deepEqual(lenses.slice(1).map((l) => [l.range, l.command!.title]), [
      [questions[0]!.headingRange, '2 references'],
      [questions[1]!.headingRange, '1 reference'],
      [questions[2]!.headingRange, '0 references'],
      [questions[3]!.headingRange, '0 references'],
    ]);
    const cmd = lenses[1]!.command!;
    assert.equal(cmd.command, SHOW_REFERENCES);
    const [uri, position, locations] = cmd.arguments as [string, unknown, Location[]];
    assert.equal(uri, URI);
    assert.deepEqual(position, questions[0]!.numberRange!.start);
    assert.deepEqual(locations, [{ uri: URI, range: f.ranges[0] }, { uri: URI, range: f.ranges[1] }]);
    assert.deepEqual((lenses[2]!.command!.arguments![2] as Location[]).map((l) => l.range), [f.ranges[2]]);
    assert.equal(codeLenses(f.analysis, f.document, context({ locale: 'nl' }))[1]!.command!.title, '2 verwijzingen');
  });

  it('a collection of more questions than MAX_QUESTION_LENSES: only the header lens', () => {
    const many = (n: number) => fixture(doc(Array.from({ length: n }, (_, i) => ` • Vraag ${i + 1}\n  V?\n\n  A.\n`).join('\n')));
    assert.equal(codeLenses(many(MAX_QUESTION_LENSES).analysis, f.document, context()).length, MAX_QUESTION_LENSES + 1);
    const over = codeLenses(many(MAX_QUESTION_LENSES + 1).analysis, f.document, context());
    assert.deepEqual(over.map((l) => l.command!.title), [`${MAX_QUESTION_LENSES + 1} questions · 0 without answer`]);
  });

  it('a pasted collection whose questions share numbers: the heading lenses come without their command, which resolve gives', () => {
    // 400 Kamervragen of 10 questions one after the other, every answer but the first referring to question 1:
    // 400 headings numbered 1, each with the 3,600 references to 1.
    const block = Array.from({ length: 10 }, (_, i) => ` • Vraag ${i + 1}\n  V?\n\n  ${i === 0 ? 'A.' : 'Zie antwoord vraag 1.'}\n`).join('\n');
    const pasted = fixture(doc(Array.from({ length: 400 }, () => block).join('\n')));
    const all = codeLenses(pasted.analysis, pasted.document, context());
    assert.equal(all.length, 4001, 'the header and every heading');
    const headings = all.slice(1);
    assert.ok(headings.every((l) => l.command === undefined && isReferenceLensData(l.data)), 'no command: the client resolves the lenses it shows');
    assert.ok(JSON.stringify(all).length < 1_000_000, `${JSON.stringify(all).length} characters`);
    const first = headings[0]!;
    const resolved = resolveCodeLens(pasted.analysis, { ...first, data: first.data as ReferenceLensData }, context());
    assert.deepEqual(resolved.range, first.range);
    assert.equal(resolved.command!.title, '3600 references');
    assert.equal(resolved.command!.command, SHOW_REFERENCES);
    const [uri, position, locations] = resolved.command!.arguments as [string, unknown, Location[]];
    assert.equal(uri, URI);
    assert.deepEqual(position, pasted.analysis.document.questions[0]!.numberRange!.start);
    assert.equal(locations.length, 3600);
    assert.equal(resolveCodeLens(pasted.analysis, { ...headings[1]!, data: headings[1]!.data as ReferenceLensData }, context({ locale: 'nl' })).command!.title, '0 verwijzingen');
    // Under the limit the lenses carry their command, as resolve would give it.
    const small = lenses.slice(1);
    assert.ok(small.every((l) => l.command !== undefined));
    assert.ok(MAX_EAGER_LOCATIONS >= 1000);
  });

  it('kamervraag.codeLens.enabled false: none', () => {
    assert.deepEqual(codeLenses(f.analysis, f.document, context({ settings: readSettings({ codeLens: { enabled: false } }).settings })), []);
  });
});
