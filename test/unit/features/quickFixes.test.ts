/**
 * The quick fixes that add or move lines (issue 12): an answer line under a question with the cursor on
 * it, the first question of a document without any, a missing metadata key at its place in the order, the metadata lines in the order of the format;
 * and `Indiener`/`Indieners`. Each case goes the way an editor goes: the core's diagnostic, the code action
 * for the client's diagnostic, its edit applied to the text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/core/parse';
import { check } from '../../../server/src/core/checks';
import type { KvDiagnostic, RuleCode } from '../../../server/src/core/diagnostic';
import { analyze } from '../../../server/src/core/analysis';
import { codeActions } from '../../../server/src/features/codeActions';
import type { FeatureContext } from '../../../server/src/features/context';
import { toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { context } from '../../support/features';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const load = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'checks', name), 'utf8').replace(/[⟦⟧]/g, '');
const VALID = load('valid.kvr');
const URI = 'file:///a.kvr';
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(URI, 'kamervraag', 1, text), edits);

/** The quick fix of the diagnostic `code` (the first, or the one whose English message matches `which`). */
function quickFix(text: string, code: RuleCode, which?: RegExp, ctx: Partial<FeatureContext> = {}): { action: CodeAction; d: KvDiagnostic } {
  const analysis = analyze(text);
  const d = analysis.diagnostics.find((x) => x.code === code && (!which || which.test(x.message.en)));
  assert.ok(d, `${code} reported; got ${analysis.diagnostics.map((x) => `${x.code}: ${x.message.en}`).join('; ')}`);
  const actions = codeActions(analysis, { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [toLspDiagnostic(d, URI, 'en')], only: ['quickfix'] } }, context(ctx));
  assert.equal(actions.length, 1, `one quick fix for ${code}`);
  return { action: actions[0]!, d };
}

function fixed(text: string, code: RuleCode, which?: RegExp): string {
  return apply(text, quickFix(text, code, which).action.edit!.changes![URI]!);
}

const codes = (text: string): string[] => check(parse(text)).map((d) => d.code);

describe('missing-answer: an answer line under the question, the cursor on it', () => {
  const text = load('missing-answer.kvr');

  it('a blank line and an empty line indented as the question text, before the next block', () => {
    assert.equal(fixed(text, 'missing-answer'), text.replace('  Is dat genoeg?\n', '  Is dat genoeg?\n\n  \n'));
  });

  it('the line end and indentation of the document: CRLF, four spaces', () => {
    const crlf = text.replace(/\n/g, '\r\n').replace('  Is dat genoeg?', '    Is dat genoeg?');
    assert.equal(fixed(crlf, 'missing-answer'), crlf.replace('    Is dat genoeg?\r\n', '    Is dat genoeg?\r\n\r\n    \r\n'));
  });

  it('a word typed where the cursor goes is the answer', () => {
    const after = fixed(text, 'missing-answer');
    const typed = after.replace('Is dat genoeg?\n\n  \n', 'Is dat genoeg?\n\n  Nee.\n');
    assert.notEqual(typed, after);
    assert.ok(!codes(typed).includes('missing-answer'));
  });

  it('a client with snippet edits gets one, `$0` on the answer line; others the plain edit', () => {
    const snippet = quickFix(text, 'missing-answer', undefined, { snippetEdits: true }).action;
    const change = snippet.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.uri, URI);
    const edit = change.edits[0] as SnippetTextEdit;
    assert.deepEqual(edit.snippet, { kind: 'snippet', value: '\n  $0\n' });
    const plain = quickFix(text, 'missing-answer').action;
    assert.equal(plain.edit!.documentChanges, undefined);
    assert.deepEqual(plain.edit!.changes![URI]!.map((e) => e.newText), ['\n  \n']);
  });

  it('the last question at the end of the text (no line end after it): appended, without a cursor', () => {
    const end = 'Kamervraag 2024Z12345\n\nTitel\n\nIngediend 1 oktober 2024\n • Vraag 1\n  Eerste?\n\n  Ja.\n • Vraag 2\n  Tweede?';
    assert.equal(fixed(end, 'missing-answer'), `${end}\n\n  `);
  });

  it('no fix for a question without question text: the line would become the question', () => {
    const bare = text.replace('  Is dat genoeg?\n', '');
    const d = check(parse(bare)).find((x) => x.code === 'missing-answer');
    assert.ok(d);
    assert.equal(d.fix, undefined);
  });
});

describe('no-questions: the first question, where Vraag toevoegen writes it, the cursor on its question line', () => {
  const text = load('no-questions.kvr');

  it('after the last line with text before the footer: a heading and an empty question line', () => {
    assert.equal(fixed(text, 'no-questions'), text.replace('/ah-tk-20242025-100.html\n', '/ah-tk-20242025-100.html\n • Vraag 1\n  \n'));
  });

  it('the line ends of the document (CRLF); a word typed at the cursor is the question', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const after = fixed(crlf, 'no-questions');
    assert.equal(after, crlf.replace('/ah-tk-20242025-100.html\r\n', '/ah-tk-20242025-100.html\r\n • Vraag 1\r\n  \r\n'));
    const typed = after.replace(' • Vraag 1\r\n  \r\n', ' • Vraag 1\r\n  Hoeveel agenten zijn er?\r\n');
    assert.deepEqual(parse(typed).questions.map((q) => [q.number, q.question.map((p) => p.text)]), [[1, ['Hoeveel agenten zijn er?']]]);
    assert.ok(!codes(typed).includes('no-questions'));
  });

  it('a client with snippet edits gets `$0` on the question line; the fix is not part of fix-all', () => {
    const { action, d } = quickFix(text, 'no-questions', undefined, { snippetEdits: true });
    const edit = (action.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as SnippetTextEdit;
    assert.deepEqual(edit.snippet, { kind: 'snippet', value: '\n • Vraag 1\n  $0' });
    assert.equal(d.fix?.needsInput, true);
  });

  it('a text that starts with its footer gets the question before it; a text of a header alone after it', () => {
    const footerFirst = 'Kamervraag document nummer: kv-tk-2024Z12345\nVolledige titel: Titel\n';
    assert.equal(fixed(footerFirst, 'no-questions'), ` • Vraag 1\n  \n\n${footerFirst}`);
    assert.equal(fixed('Kamervraag 2024Z12345\n\nTitel\n\n', 'no-questions'), 'Kamervraag 2024Z12345\n\nTitel\n • Vraag 1\n  \n\n');
  });

  it('one question, malformed or without text, is a question: no no-questions', () => {
    assert.ok(!codes(VALID).includes('no-questions'));
    assert.ok(!codes(text.replace('/ah-tk-20242025-100.html\n', '/ah-tk-20242025-100.html\n- Vraag 1\n')).includes('no-questions'));
    assert.ok(!codes(text.replace('/ah-tk-20242025-100.html\n', '/ah-tk-20242025-100.html\n • Vraag 1\n')).includes('no-questions'));
  });
});

describe('metadata-order: the lines in the order of the format, each kept as written', () => {
  it('the fixture: the misplaced line moves, nothing else changes', () => {
    assert.equal(fixed(load('metadata-order.kvr'), 'metadata-order'), VALID);
  });

  it('trailing spaces, CRLF and a field written twice stay as they are (the twin keeps its order: a stable sort); only the order changes', () => {
    const text = VALID.replace('Beantwoord door De Minister', 'Beantwoord door De Minister  ')
      .replace(/(Beantwoord 15[^\n]*\n)(Indieners[^\n]*\n)(Beantwoord door[^\n]*\n)/, '$3$1$2')
      .replace('Ingediend 1 oktober 2024\n', 'Bron vraag x\nIngediend 1 oktober 2024\n')
      .replace(/\n/g, '\r\n');
    const after = fixed(text, 'metadata-order');
    const want = VALID.replace('Beantwoord door De Minister', 'Beantwoord door De Minister  ')
      .replace(/(Bron vraag [^\n]*\n)/, 'Bron vraag x\n$1').replace(/\n/g, '\r\n');
    assert.equal(after, want);
    assert.deepEqual(after.split('\r\n').sort(), text.split('\r\n').sort(), 'the same lines');
  });

  it('no fix when a blank, stray or unknown line stands among the fields', () => {
    for (const inside of ['', 'Opmerking zie boven', 'INGEDIEND 1 oktober 2024']) {
      const text = load('metadata-order.kvr').replace('Beantwoord door De Minister\n', `Beantwoord door De Minister\n${inside}\n`);
      const d = check(parse(text)).find((x) => x.code === 'metadata-order');
      assert.ok(d, JSON.stringify(inside));
      assert.equal(d.fix, undefined, JSON.stringify(inside));
    }
  });
});

describe('metadata-missing-field: the key at its place, the value left to the author', () => {
  it('Onderwerpen between Beantwoord door and Bron vraag, cursor after the key', () => {
    const text = load('metadata-missing-field.kvr');
    assert.equal(fixed(text, 'metadata-missing-field'), text.replace('Beantwoord door De Minister\n', 'Beantwoord door De Minister\nOnderwerpen \n'));
    const snippet = quickFix(text, 'metadata-missing-field', undefined, { snippetEdits: true }).action;
    assert.deepEqual(((snippet.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as SnippetTextEdit).snippet.value, '\nOnderwerpen $0');
  });

  it('Ingediend, first in the order, before the first field; Bron antwoord after Bron vraag', () => {
    const noIngediend = VALID.replace('Ingediend 1 oktober 2024\n', '');
    assert.equal(fixed(noIngediend, 'metadata-missing-field'), VALID.replace('Ingediend 1 oktober 2024\n', 'Ingediend \n'));
    const noBron = VALID.replace(/Bron antwoord [^\n]*\n/, '');
    assert.equal(fixed(noBron, 'metadata-missing-field'), noBron.replace(/(Bron vraag [^\n]*)\n/, '$1\nBron antwoord \n'));
  });

  it('two fields missing (both diagnostics on the first metadata line): each quick fix adds its own key', () => {
    const text = VALID.replace('Beantwoord door De Minister\n', '').replace(/Bron antwoord [^\n]*\n/, '');
    assert.match(fixed(text, 'metadata-missing-field', /'Beantwoord door'/), /\nIndieners [^\n]*\nBeantwoord door \nOnderwerpen /);
    assert.match(fixed(text, 'metadata-missing-field', /'Bron antwoord'/), /\nBron vraag [^\n]*\nBron antwoord \n • Vraag 1/);
  });

  it('no second line when a misspelt key is meant (INGEDIEND): its own fix mends it', () => {
    const text = VALID.replace('Ingediend 1', 'INGEDIEND 1');
    const d = check(parse(text)).find((x) => x.code === 'metadata-missing-field');
    assert.ok(d);
    assert.equal(d.fix, undefined);
  });
});

describe('indieners-count: the key agrees with the number of members', () => {
  it('Indiener with two members becomes Indieners, Indieners with one becomes Indiener', () => {
    assert.equal(fixed(load('indieners-count.kvr'), 'indieners-count'), VALID);
    const one = VALID.replace('Jan Jansen (SP), Piet Pietersen (VVD)', 'Jan Jansen (SP)');
    assert.equal(fixed(one, 'indieners-count'), one.replace('Indieners Jan', 'Indiener Jan'));
  });
});
