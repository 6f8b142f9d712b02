// Plain-Node unit tests of the writing commands' pure parts: the new Kamervraag snippet and the question picks.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { newKamervraagSnippet, pickText, questionPicks, type OutlineSymbol } from '../../../client/src/authoringText';
import { parse } from '../../../server/src/core/parse';
import { check } from '../../../server/src/core/checks';

/** The snippet as the editor inserts it when the user tabs past every placeholder. */
const expand = (snippet: string) => snippet.replace(/\$\{(\d+):([^}]*)\}/g, '$2').replace(/\$\{\d+\}/g, (m) => (m === '${1}' ? '00000' : 'Titel')).replace('$0', '');

test('the new Kamervraag: header with the year and a tab stop, today in Dutch, one question, the footer following header and title', () => {
  const snippet = newKamervraagSnippet({ year: 2024, month: 11, day: 14 });
  assert.match(snippet, /^Kamervraag 2024Z\$\{1:00000\}\n\n\$\{2:Titel\}\n\nIngediend 14 november 2024\n/);
  assert.match(snippet, /kv-tk-2024Z\$\{1\}\.html/);
  assert.match(snippet, /\nKamervraag document nummer: kv-tk-2024Z\$\{1\}\nVolledige titel: \$\{2\}\n$/);
  const text = expand(snippet);
  const doc = parse(text);
  assert.equal(doc.header?.zaaknummer?.text, '2024Z00000');
  assert.deepEqual(doc.questions.map((q) => q.number), [1]);
  // As written, the document breaks no rule of the format but that it is not answered yet.
  assert.deepEqual(check(doc).map((d) => d.code), ['unanswered-document']);
});

const sym = (name: string, detail: string, line: number, children: OutlineSymbol[] = []): OutlineSymbol =>
  ({ name, detail, selectionRange: { start: { line, character: 1 } }, children });

test('question picks: each Vraag / Question of the outline (in the display language) with its first words and whether it has an answer', () => {
  const outline = [sym('Kamervraag 2024Z1', 'Titel', 0, [
    sym('Metadata', '', 4, [sym('Ingediend', '1 mei 2024', 4)]),
    sym('Vraag 1', 'Wat?', 10, [sym('Question', 'Wat?', 11), sym('Answer', 'Dit.', 13)]),
    sym('Question 2', 'Hoe?', 15, [sym('Question', 'Hoe?', 16)]),
    sym('Vraag', '', 17),
    sym('Mededeling', '3 mei 2024', 19),
  ])];
  assert.deepEqual(questionPicks(outline).map((q) => [q.number, q.name, q.words, q.answered, q.line]), [
    [1, 'Vraag 1', 'Wat?', true, 10],
    [2, 'Question 2', 'Hoe?', false, 15],
    [null, 'Vraag', '', false, 17],
  ]);
});

test('a question\'s text in the quick pick: an icon name written in it stays text; other text is untouched', () => {
  assert.equal(pickText('Klopt $(zap) dat?'), 'Klopt \\$(zap) dat?');
  assert.equal(pickText('$(sync~spin) en $(check)'), '\\$(sync~spin) en \\$(check)');
  // No icon name: VS Code shows it as written, so a backslash would show.
  assert.equal(pickText('Kost het $(10 miljoen) of $()?'), 'Kost het $(10 miljoen) of $()?');
  assert.equal(pickText('Wat kost € 5 of $ 5?'), 'Wat kost € 5 of $ 5?');
});
