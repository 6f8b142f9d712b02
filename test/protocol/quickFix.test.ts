/**
 * Quick fixes and fix-all over the wire (issue 12): the server advertises `source.fixAll.kamervraag`;
 * the answer-line fix comes as an LSP 3.18 snippet edit (`$0` on the new line) to a client that announces
 * `workspace.workspaceEdit.snippetEditSupport`, as a plain edit to one that does not; fix-all, asked for as
 * `editor.codeActionsOnSave` asks (`only: ['source.fixAll.kamervraag']`, no diagnostics), mends the document,
 * and asked again on its result offers nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionKind, Diagnostic, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { Client, FIXTURES, FULL_CAPABILITIES, fixture } from './harness';

const SNIPPETS = { ...FULL_CAPABILITIES, workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } };
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'kamervraag', 1, text), edits);

async function quickFixFor(client: Client, uri: string, text: string, code: string): Promise<CodeAction> {
  const { diagnostics } = await client.openAndWait(uri, text);
  const d = diagnostics.find((x: Diagnostic) => x.code === code);
  assert.ok(d, `${code} published`);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  assert.equal(actions.length, 1);
  assert.equal(actions[0]!.kind, 'quickfix');
  return actions[0]!;
}

describe('quick fixes and fix-all over the protocol', () => {
  let snippets: Client;
  let plain: Client;
  before(async () => {
    snippets = await Client.start({ capabilities: SNIPPETS });
    plain = await Client.start();
  });
  after(() => {
    snippets.kill();
    plain.kill();
  });

  it('advertises the fix-all kind next to quick fixes', () => {
    const provider = snippets.initializeResult.capabilities.codeActionProvider as { codeActionKinds: CodeActionKind[] };
    assert.ok(provider.codeActionKinds.includes('quickfix'));
    assert.ok(provider.codeActionKinds.includes('source.fixAll.kamervraag'));
  });

  it('a missing answer: a snippet edit with the cursor on the new answer line for a client that takes them', async () => {
    const { uri, text } = fixture(FIXTURES, 'problems.kvr');
    const action = await quickFixFor(snippets, uri.replace('problems.kvr', 'snippet.kvr'), text, 'missing-answer');
    assert.equal(action.title, 'Add an answer line');
    assert.equal(action.edit!.changes, undefined);
    const change = action.edit!.documentChanges![0] as TextDocumentEdit;
    const edit = change.edits[0] as SnippetTextEdit;
    const line = text.split('\n').indexOf('  Hoeveel leraren zijn er?') + 1;
    assert.deepEqual(edit, { range: { start: { line, character: 0 }, end: { line, character: 0 } }, snippet: { kind: 'snippet', value: '\n  $0\n' } });
  });

  it('the same fix as a plain edit for a client without snippet edits', async () => {
    const { uri, text } = fixture(FIXTURES, 'problems.kvr');
    const action = await quickFixFor(plain, uri.replace('problems.kvr', 'plain.kvr'), text, 'missing-answer');
    const edits = action.edit!.changes![uri.replace('problems.kvr', 'plain.kvr')]!;
    assert.equal(apply(text, edits), text.replace('  Hoeveel leraren zijn er?\n', '  Hoeveel leraren zijn er?\n\n  \n'));
  });

  it('a reference to the wrong question: a choice of the questions it probably meant, by their text; none where no number is near', async () => {
    const { uri: base, text } = fixture(FIXTURES, 'problems.kvr');
    const uri = base.replace('problems.kvr', 'choices.kvr');
    const { diagnostics } = await plain.openAndWait(uri, text);
    const ask = (d: Diagnostic) => plain.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    // "Zie antwoord vraag 4." under Vraag 4: question 3 (there is no 5).
    const self = diagnostics.find((x: Diagnostic) => x.code === 'reference-self')!;
    const actions = await ask(self);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['Refer to question 3: «Hoeveel leerlingen zijn er?»', 'quickfix', undefined]]);
    assert.equal(apply(text, actions[0]!.edit!.changes![uri]!), text.replace('  Zie antwoord vraag 4.', '  Zie antwoord vraag 3.'));
    // "Zie antwoord vraag 7." in a document of four: no number near it, so no guess.
    assert.deepEqual(await ask(diagnostics.find((x: Diagnostic) => x.code === 'reference-unknown-question')!), []);
  });

  it('fix-all as codeActionsOnSave asks for it: every fix without input, then nothing left to do', async () => {
    const { uri: base, text: valid } = fixture(FIXTURES, 'problems.kvr');
    const uri = base.replace('problems.kvr', 'fixall.kvr');
    const text = valid.replace('Indiener Jansen', 'Indieners Jansen').replace(' • Vraag 3', ' - vraag 3')
      .replace('nummer: kv-tk-2024Z20002', 'nummer: kv-tk-2024Z20003');
    await plain.openAndWait(uri, text);
    const ask = () => plain.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kamervraag'], triggerKind: 2 },
    });
    const actions = await ask();
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.kamervraag']);
    const edits = actions[0]!.edit!.changes![uri]!;
    const fixed = apply(text, edits);
    assert.equal(fixed, valid.replace('(na 10 dagen)', '(na 14 dagen)'));
    const waiting = plain.waitDiagnostics(uri, (p) => p.version === 2);
    await plain.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    const { diagnostics } = await waiting;
    // What needs the author stays: the missing answer, the references.
    assert.deepEqual([...new Set(diagnostics.map((d) => d.code))].sort(), ['missing-answer', 'reference-self', 'reference-unknown-question']);
    assert.deepEqual(await ask(), [], 'fix-all on its own result: nothing to do');
  });
});
