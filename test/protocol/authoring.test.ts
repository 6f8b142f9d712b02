/**
 * Writing over the wire: `textDocument/formatting` of a document pasted from Word (the capability, the
 * edits, formatting again gives none) and the completions while writing (metadata keys, today's date from
 * `initializationOptions.today`, a new question block as a snippet, numbers after "antwoord "; the names of
 * the workspace's files after `Indieners` and `Beantwoord door`, the topics after `Onderwerpen`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Client, EXAMPLES, FULL_CAPABILITIES } from './harness';

/** A Word paste (test/fixtures/formatting/), with the CRLF line ends Word gives it, and what formatting makes of it. */
const fixtureText = (name: string) =>
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'formatting', name), 'utf8').replace(/\r\n/g, '\n').replace(/\n/g, '\r\n');
const PASTED = fixtureText('word-paste.txt');
const FORMATTED = fixtureText('word-paste.formatted.txt');

const OPTIONS = { tabSize: 4, insertSpaces: true, trimTrailingWhitespace: true, insertFinalNewline: true, trimFinalNewlines: true };

describe('formatting over the wire', () => {
  let client: Client;
  before(async () => {
    client = await Client.start();
  });
  after(() => client.kill());

  it('announces formatting, formats a Word paste into the format, and a second time changes nothing', async () => {
    assert.equal(client.initializeResult.capabilities.documentFormattingProvider, true);
    assert.equal(client.initializeResult.capabilities.documentRangeFormattingProvider, true);
    const uri = 'file:///pasted.kvr';
    await client.openAndWait(uri, PASTED);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });
    assert.ok(edits.length > 5, 'minimal edits, one per changed stretch');
    assert.ok(edits.every((e) => e.range.end.line - e.range.start.line <= 4), 'no whole-document replace');
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'kamervraag', 1, PASTED), edits);
    assert.equal(formatted, FORMATTED);
    // Format Selection on a line of the second block gives the second block's edits only.
    const second = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri }, range: { start: { line: 16, character: 0 }, end: { line: 17, character: 0 } }, options: OPTIONS,
    });
    assert.ok(second.length > 0 && second.every((e) => e.range.start.line >= 15 && e.range.end.line <= 22), JSON.stringify(second));
    await client.change(uri, 2, [{ text: formatted }]);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options: OPTIONS }), []);
    assert.equal(await client.request('textDocument/formatting', { textDocument: { uri: 'file:///nowhere.kvr' }, options: OPTIONS }), null);
  });
});

describe('completion while writing, over the wire', () => {
  let client: Client;
  const snippets = {
    ...FULL_CAPABILITIES,
    textDocument: { ...FULL_CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport: true } } },
  };
  before(async () => {
    client = await Client.start({ capabilities: snippets, locale: 'nl', initializationOptions: { today: '2024-11-14' } });
  });
  after(() => client.kill());

  it('metadata keys, today\'s date, a question block snippet and numbers after "antwoord "', async () => {
    const uri = 'file:///nieuw.kvr';
    const text = [
      'Kamervraag 2024Z30000', '', 'Een titel', '', 'Ingediend ', 'On', ' • Vraag 1', '  Wat?', '', '  Zie antwoord ', '', ' • Vraag 2', '  Hoe?', '', '  Zo.', '', ' • Vr',
    ].join('\n');
    await client.openAndWait(uri, text);
    const ask = (line: number, character: number) =>
      client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character }, context: { triggerKind: 1 } });
    const date = await ask(4, 10);
    assert.equal(date.items[0]!.label, '14 november 2024');
    assert.equal(date.items[0]!.detail, 'vandaag');
    const keys = await ask(5, 2);
    assert.deepEqual(keys.items.map((i) => i.label), ['Onderwerpen']);
    const numbers = await ask(9, 15);
    assert.deepEqual(numbers.items.map((i) => i.label), ['2']);
    const block = await ask(16, 5);
    const snippet = block.items.find((i) => i.label === 'Vraag 3')!;
    assert.equal(snippet.insertTextFormat, 2);
    assert.equal((snippet.textEdit as TextEdit).newText, '• Vraag 3\n  ${1:vraag}\n\n  ${2:antwoord}$0');
  });
});

describe('completion of names and topics from the workspace, and the hover on a name, over the wire', () => {
  let client: Client;
  let dir: string;
  before(async () => {
    // Two examples on disk: the server reads them into its workspace index as it starts.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-names-'));
    for (const name of ['2014Z19222.txt', '2024Z18294.txt']) fs.copyFileSync(path.join(EXAMPLES, name), path.join(dir, name));
    client = await Client.start({
      capabilities: { ...FULL_CAPABILITIES, workspace: { workspaceFolders: true } },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    });
  });
  after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Indieners and Beantwoord door from the workspace\'s files; topics from the government\'s list', async () => {
    const uri = pathToFileURL(path.join(dir, 'nieuw.kvr')).href;
    const text = ['Kamervraag 2024Z30000', '', 'Een titel', '', 'Ingediend 1 oktober 2024', 'Indieners Nine Kooiman (SP), ', 'Beantwoord door Ops', 'Onderwerpen politie, br', ' • Vraag 1', '  Wat?'].join('\n');
    await client.openAndWait(uri, text);
    const ask = async (line: number) => {
      const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: text.split('\n')[line]!.length }, context: { triggerKind: 1 } });
      return (list?.items ?? []).filter((i) => i.kind === 12 || i.kind === 20).map((i) => `${i.label}: ${(i.textEdit as TextEdit).newText}`);
    };
    // A hang guard while the folder is read, not a speed claim.
    const deadline = Date.now() + 60_000;
    while ((await ask(5)).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(await ask(5), ['Michiel van Nispen (SP): Michiel van Nispen (SP)', 'Mutluer (GroenLinks-PvdA): Mutluer (GroenLinks-PvdA)'], 'Nine Kooiman stands on the line already');
    assert.deepEqual(await ask(6), ['Opstelten: Opstelten']);
    assert.deepEqual(await ask(7), ['politie, brandweer en hulpdiensten: politie, brandweer en hulpdiensten']);
    // The hover on a member names the workspace's other Kamervragen of that member, as links.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 14 } });
    assert.equal((hover!.contents as MarkupContent).value.split('\n').slice(0, 3).join('|'), '**Nine Kooiman**||Asked 1 other Kamervraag in the workspace:');
    assert.match((hover!.contents as MarkupContent).value, new RegExp(`\\[2014Z19222\\]\\(${pathToFileURL(path.join(dir, '2014Z19222.txt')).href}\\)`));
    // What the open document says itself, half typed, is not offered back to it.
    await client.change(uri, 2, [{ range: { start: { line: 6, character: 16 }, end: { line: 6, character: 19 } }, text: 'Van Ark' }]);
    const at = { line: 6, character: 'Beantwoord door Van Ar'.length };
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: at, context: { triggerKind: 1 } });
    assert.equal(list, null);
  });
});
