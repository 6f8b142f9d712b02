/**
 * A text that changes without a new version number (a didChange that repeats the version, a second
 * didOpen at the same version): every feature answers from the new text, not from an analysis of the
 * old one.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, LocationLink, MarkupContent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { Client, EXAMPLES, fixture, lineOf, positionOf } from './harness';

describe('a changed text at the same version', () => {
  let client: Client;
  let text: string;
  /** Line 56, `  Zie antwoord vraag 6.`, becomes `  Zie ook antwoord vraag 3.`. */
  let line: number;
  let edited: string;
  before(async () => {
    client = await Client.start();
    ({ text } = fixture(EXAMPLES, '2014Z19222.txt'));
    line = lineOf(text, 'Zie antwoord vraag 6.');
    const lines = text.split('\n');
    lines[line] = lines[line]!.replace('Zie antwoord vraag 6.', 'Zie ook antwoord vraag 3.');
    edited = lines.join('\n');
  });
  after(() => client.kill());

  /** Hover, definition and rename at the `3` of the edited line answer from the edited text. */
  async function assertAnswersFromEditedText(uri: string): Promise<void> {
    const ref = positionOf(edited, line, 'vraag 3', 6);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: ref });
    assert.ok(hover, 'a hover on the new reference');
    assert.match((hover.contents as MarkupContent).value, /\*\*Question 3\*\*/);
    const links = await client.request<LocationLink[] | null>('textDocument/definition', { textDocument: { uri }, position: ref });
    assert.equal(links?.length, 1);
    assert.deepEqual(links[0]!.originSelectionRange, { start: ref, end: { line, character: ref.character + 1 } });
    const target = links[0]!.targetRange.start.line;
    assert.ok(target > lineOf(edited, '• Vraag 3') && target < lineOf(edited, '• Vraag 4'), `the answer to question 3, not line ${target}`);
    const edit = await client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri }, position: ref, newName: '30' });
    const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
    const heading = positionOf(edited, lineOf(edited, '• Vraag 3'), '3');
    assert.deepEqual(
      edits.map((e) => e.range),
      [
        { start: heading, end: { line: heading.line, character: heading.character + 1 } },
        { start: ref, end: { line, character: ref.character + 1 } },
      ],
    );
    // The edits applied to the edited text renumber question 3, and nothing else.
    const lines = edited.split('\n');
    for (const e of [...edits].reverse()) {
      const l = lines[e.range.start.line]!;
      lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
    }
    assert.equal(lines[line], '  Zie ook antwoord vraag 30.');
    assert.equal(lines[heading.line], ' • Vraag 30');
  }

  it('a didChange that repeats the version', async () => {
    const uri = 'file:///same-version/changed.txt';
    await client.openAndWait(uri, text, 1);
    const old = positionOf(text, line, 'vraag 6', 6);
    // Warm the analysis of version 1.
    assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position: old }));
    await client.change(uri, 1, [
      { range: { start: old, end: { line, character: old.character + 1 } }, text: '3' },
      { range: { start: positionOf(text, line, 'antwoord'), end: positionOf(text, line, 'antwoord') }, text: 'ook ' },
    ]);
    await assertAnswersFromEditedText(uri);
  });

  it('a second didOpen at the same version', async () => {
    const uri = 'file:///same-version/reopened.txt';
    await client.openAndWait(uri, text, 1);
    assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, line, 'vraag 6', 6) }));
    await client.open(uri, edited, 1);
    await assertAnswersFromEditedText(uri);
  });
});
