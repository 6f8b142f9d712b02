/**
 * Renumbering and the structural edits over the wire (issue 12): the code actions (the source action
 * `source.renumber.kamervraag`, the quick fix of the numbering diagnostics, the refactorings at the
 * cursor) and the requests behind the editor commands (`kamervraag/renumber`, `insertQuestion`,
 * `moveQuestion`, `deleteQuestion`), each edit applied to the text as a client applies it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError, type CodeAction, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { Client, lineOf } from './harness';

const URI = 'file:///protocol/hernummeren.kvr';
const HEAD = [
  'Kamervraag 2024Z31200', '', 'Vragen door elkaar', '', 'Ingediend 1 oktober 2024', 'Beantwoord 8 oktober 2024 (na 7 dagen)',
  'Indiener Jansen (D66)', 'Beantwoord door De Vries', 'Onderwerpen onderwijs',
  'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z31200.html',
  'Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20242025-9.html',
];
const FOOT = ['', '', 'Kamervraag document nummer: kv-tk-2024Z31200', 'Volledige titel: Vragen door elkaar',
  'Kamerantwoord document nummer: ah-tk-20242025-9', 'Volledige titel: Antwoord op vragen van het lid Jansen'];
const text = (...blocks: string[][]) => [...HEAD, ...blocks.flat(), ...FOOT].join('\n');

const ONE = [' • Vraag 1', '  Hoeveel scholen zijn er?', '', '  Zie antwoord vraag 3.'];
const THREE = [' • Vraag 3', '  Hoeveel leraren zijn er?', '', '  Tienduizend; zie ook vraag 2.'];
const TWO = [' • Vraag 2', '  Hoeveel leerlingen zijn er?', '', '  Een miljoen (zie de vragen 1 t/m 3).'];
/** Blocks cut and pasted: 1, 3, 2. */
const SHUFFLED = text(ONE, THREE, TWO);
/** Renumbered: the references follow their questions. */
const RENUMBERED = text(
  ONE.map((l) => l.replace('vraag 3', 'vraag 2')),
  THREE.map((l) => l.replace('Vraag 3', 'Vraag 2').replace('vraag 2', 'vraag 3')),
  TWO.map((l) => l.replace('Vraag 2', 'Vraag 3')),
);

const applied = (before: string, edit: WorkspaceEdit | null | undefined) =>
  TextDocument.applyEdits(TextDocument.create(URI, 'kamervraag', 1, before), edit?.changes?.[URI] ?? []);

interface Answer {
  edit: WorkspaceEdit;
  notes: { range: Range; message: string }[];
  cursor?: Position;
  question?: number | null;
  referrers?: { text: string; fromQuestion: number | null }[];
}

describe('renumbering and structural edits over LSP', () => {
  let client: Client;
  let version = 1;
  before(async () => {
    client = await Client.start();
    await client.openAndWait(URI, SHUFFLED);
  });
  after(() => client.kill());

  const at = (line: number, character = 0) => ({ textDocument: { uri: URI }, position: { line, character } });

  it('initialize announces the code action kinds', () => {
    const provider = client.initializeResult.capabilities.codeActionProvider as { codeActionKinds: string[] };
    assert.deepEqual(provider.codeActionKinds, ['quickfix', 'source.fixAll.kamervraag', 'source.startAnswering.kamervraag', 'source.renumber.kamervraag', 'refactor.rewrite.kamervraag']);
  });

  it('the numbering diagnostic has the renumber quick fix; the source action comes when asked', async () => {
    const { diagnostics } = await client.waitDiagnostics(URI);
    const sequence = diagnostics.find((d) => d.code === 'question-number-sequence');
    assert.ok(sequence, JSON.stringify(diagnostics.map((d) => d.code)));
    const fixes = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: sequence.range, context: { diagnostics: [sequence] } });
    assert.deepEqual(fixes.map((a) => [a.kind, a.title]), [['quickfix.renumber.kamervraag', 'Renumber questions']]);
    assert.equal(applied(SHUFFLED, fixes[0]!.edit), RENUMBERED);
    const source = await client.request<CodeAction[]>('textDocument/codeAction', { ...at(0), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } });
    assert.deepEqual(source.map((a) => a.kind), ['source.renumber.kamervraag']);
    assert.equal(applied(SHUFFLED, source[0]!.edit), RENUMBERED);
  });

  it('kamervraag/renumber: one edit, and renumbering its result again gives none', async () => {
    const answer = await client.request<Answer>('kamervraag/renumber', { textDocument: { uri: URI } });
    assert.equal(applied(SHUFFLED, answer.edit), RENUMBERED);
    assert.deepEqual(answer.notes, []);
    const next = ++version;
    const waiting = client.waitDiagnostics(URI, (p) => p.version === next);
    await client.change(URI, next, [{ text: RENUMBERED }]);
    const { diagnostics } = await waiting;
    assert.ok(!diagnostics.some((d) => d.code === 'question-number-sequence'));
    const again = await client.request<Answer>('kamervraag/renumber', { textDocument: { uri: URI } });
    assert.deepEqual(again.edit.changes![URI], []);
    const onlyByName = await client.request<CodeAction[]>('textDocument/codeAction', { ...at(0), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.renumber.kamervraag'] } });
    assert.deepEqual(onlyByName.map((a) => [a.kind, a.edit]), [['source.renumber.kamervraag', { changes: { [URI]: [] } }]]);
  });

  it('kamervraag/insertQuestion: a numbered block after the question at the cursor, the cursor on its question line', async () => {
    const line = lineOf(RENUMBERED, 'Hoeveel scholen');
    const answer = await client.request<Answer>('kamervraag/insertQuestion', at(line, 4));
    const after = applied(RENUMBERED, answer.edit);
    const lines = after.split('\n');
    assert.equal(lines[answer.cursor!.line - 1], ' • Vraag 2');
    assert.equal(lines[answer.cursor!.line], '  ');
    assert.deepEqual(lines.filter((l) => l.startsWith(' • Vraag')), [' • Vraag 1', ' • Vraag 2', ' • Vraag 3', ' • Vraag 4']);
    assert.ok(after.includes('  Zie antwoord vraag 3.'), 'question 1 refers to the same question, now 3');
    assert.ok(after.includes('Tienduizend; zie ook vraag 4.'));
  });

  it('kamervraag/moveQuestion: up and down swap with the neighbour and renumber; no neighbour is null; a wrong direction is refused', async () => {
    const line = lineOf(RENUMBERED, 'Hoeveel leraren');
    const up = await client.request<Answer>('kamervraag/moveQuestion', { ...at(line), direction: 'up' });
    const upText = applied(RENUMBERED, up.edit);
    assert.deepEqual(upText.split('\n').filter((l) => /Vraag \d|Hoeveel/.test(l)), [
      ' • Vraag 1', '  Hoeveel leraren zijn er?', ' • Vraag 2', '  Hoeveel scholen zijn er?', ' • Vraag 3', '  Hoeveel leerlingen zijn er?',
    ]);
    assert.ok(upText.includes('  Zie antwoord vraag 1.'), 'the reference to the moved question follows it');
    assert.equal(upText.split('\n')[up.cursor!.line], '  Hoeveel leraren zijn er?');
    const down = await client.request<Answer>('kamervraag/moveQuestion', { ...at(line), direction: 'down' });
    assert.deepEqual(applied(RENUMBERED, down.edit).split('\n').filter((l) => /Hoeveel/.test(l)), ['  Hoeveel scholen zijn er?', '  Hoeveel leerlingen zijn er?', '  Hoeveel leraren zijn er?']);
    assert.equal(await client.request('kamervraag/moveQuestion', { ...at(lineOf(RENUMBERED, 'Hoeveel scholen')), direction: 'up' }), null);
    await assert.rejects(client.request('kamervraag/moveQuestion', { ...at(line), direction: 'left' }), (e: unknown) =>
      e instanceof ResponseError && e.code === -32602 && /direction/.test(e.message), 'InvalidParams, as a bad position is');
    await assert.rejects(client.request('kamervraag/moveQuestion', { textDocument: { uri: URI }, position: { line: -1 }, direction: 'up' }), (e: unknown) =>
      e instanceof ResponseError && e.code === -32602);
  });

  it('kamervraag/deleteQuestion: the block goes, the rest is renumbered, and the answers that referred to it are named', async () => {
    const answer = await client.request<Answer>('kamervraag/deleteQuestion', at(lineOf(RENUMBERED, 'Hoeveel leraren')));
    assert.equal(answer.question, 2);
    assert.deepEqual(answer.referrers!.map((r) => [r.text, r.fromQuestion]), [['Zie antwoord vraag 2', 1], ['zie de vragen 1 t/m 3', 3]]);
    const after = applied(RENUMBERED, answer.edit);
    assert.ok(!after.includes('Hoeveel leraren'));
    assert.deepEqual(after.split('\n').filter((l) => l.startsWith(' • Vraag')), [' • Vraag 1', ' • Vraag 2']);
    assert.equal(answer.notes.length, 2, 'both references reported as left');
    assert.equal(await client.request('kamervraag/deleteQuestion', at(2)), null, 'no question at the title');
    assert.equal(await client.request('kamervraag/deleteQuestion', { textDocument: { uri: 'file:///not/open.kvr' }, position: { line: 0, character: 0 } }), null);
  });

  it('the refactorings at the cursor, when the user asks for actions', async () => {
    const line = lineOf(RENUMBERED, 'Hoeveel leraren');
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [], triggerKind: 1 } });
    assert.deepEqual(actions.map((a) => a.kind), [
      'refactor.rewrite.kamervraag.insert', 'refactor.rewrite.kamervraag.moveUp', 'refactor.rewrite.kamervraag.moveDown', 'refactor.rewrite.kamervraag.delete',
    ]);
    assert.equal(actions[3]!.title, 'Delete question 2 (referred to 2×: those references stay as they are)');
    const automatic = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [], triggerKind: 2 } });
    assert.deepEqual(automatic, []);
  });

  it('Beantwoording starten: a source action of its own kind; afterwards the note is gone and each question waits for its answer', async () => {
    const uri = 'file:///protocol/beantwoorden.kvr';
    const questions = [' • Vraag 1', '  Hoeveel scholen zijn er?', ' • Vraag 2', '  Hoeveel leraren zijn er?'];
    const start = ['Kamervraag 2024Z31300', '', 'Vragen over scholen', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (D66)', 'Onderwerpen onderwijs',
      'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z31300.html', ...questions, '', '', 'Kamervraag document nummer: kv-tk-2024Z31300', 'Volledige titel: Vragen over scholen'].join('\n');
    const first = await client.openAndWait(uri, start);
    assert.ok(first.diagnostics.some((d) => d.code === 'unanswered-document'));
    const source = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } });
    assert.deepEqual(source.map((a) => a.kind), ['source.startAnswering.kamervraag']);
    // Plain edits for this client, which takes no snippet edits (the cursor is the unit tests').
    const edits = source[0]!.edit!.changes![uri]!;
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'kamervraag', 1, start), edits);
    const lines = after.split('\n');
    assert.match(lines[5]!, /^Beantwoord \d{1,2} [a-z]+ \d{4} \(na \d+ dagen\)$/);
    assert.deepEqual(lines.slice(6, 11), ['Indiener Jansen (D66)', 'Beantwoord door ', 'Onderwerpen onderwijs', 'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z31300.html', 'Bron antwoord ']);
    assert.deepEqual(lines.slice(11, 19), [' • Vraag 1', '  Hoeveel scholen zijn er?', '', '  ', ' • Vraag 2', '  Hoeveel leraren zijn er?', '', '  ']);
    const published = client.waitDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ text: after }]);
    const codes = (await published).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('unanswered-document'), JSON.stringify(codes));
    assert.equal(codes.filter((c) => c === 'missing-answer').length, 2, 'each question waits for its answer');
    const again = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.startAnswering.kamervraag'] } });
    assert.deepEqual(again, [], 'started once');
    await client.close(uri);
  });
});

