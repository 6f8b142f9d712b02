/**
 * Go to definition over the wire, checked exhaustively: a definition request at EVERY number in the
 * two answered examples, and the set of places that answer must be exactly the heading numbers and the
 * numbered references to other questions, each landing on the right answer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, LocationLink, Range } from 'vscode-languageserver-protocol';
import { Client, EXAMPLES, fixture, FULL_CAPABILITIES, lineOf, positionOf } from './harness';

/** The answer of question `n` as a reader finds it, computed from the text alone (not by the server's parser):
 * the lines after the first blank line that follows the heading, up to the last non-blank line before the
 * next heading or the footer. */
function answerOf(text: string, n: number): Range {
  const lines = text.split(/\r\n|\r|\n/);
  const heading = lines.findIndex((l) => new RegExp(`^\\s*•\\s*Vraag ${n}\\s*$`).test(l));
  assert.ok(heading >= 0, `heading of question ${n}`);
  let i = heading + 1;
  while (i < lines.length && lines[i]!.trim() !== '') i++; // the question paragraph
  while (i < lines.length && lines[i]!.trim() === '') i++; // blank lines
  const start = i;
  let end = start;
  for (; i < lines.length; i++) {
    if (/^\s*•\s*(Vraag|Mededeling)\b/.test(lines[i]!) || lines[i]!.startsWith('Kamervraag document nummer')) break;
    if (lines[i]!.trim() !== '') end = i;
  }
  const indent = lines[start]!.length - lines[start]!.trimStart().length;
  return { start: { line: start, character: indent }, end: { line: end, character: lines[end]!.trimEnd().length } };
}

/** Every run of digits in the text, as [line, start, end]. */
function digitRuns(text: string): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  text.split(/\r\n|\r|\n/).forEach((line, l) => {
    for (const m of line.matchAll(/\d+/g)) runs.push([l, m.index!, m.index! + m[0].length]);
  });
  return runs;
}

interface Expected {
  /** Text on the line that locates the mention, and the digits to put the cursor on. */
  readonly line: number;
  readonly character: number;
  readonly targets: readonly number[];
}

function expectations(text: string, references: ReadonlyArray<[fromQuestion: number, phrase: string, targets: number[]]>, questions: number): Expected[] {
  const out: Expected[] = [];
  for (let n = 1; n <= questions; n++) {
    const line = lineOf(text, `• Vraag ${n}`);
    const at = positionOf(text, line, `Vraag ${n}`, 'Vraag '.length);
    out.push({ line, character: at.character, targets: [n] });
  }
  for (const [from, phrase, targets] of references) {
    const answer = answerOf(text, from);
    const line = lineOf(text, phrase, answer.start.line);
    assert.ok(line <= answer.end.line, `"${phrase}" stands in the answer of question ${from}`);
    // each written number of the phrase is its own target
    const start = positionOf(text, line, phrase).character;
    const numbers = [...phrase.matchAll(/\d+/g)];
    assert.equal(numbers.length, targets.length);
    numbers.forEach((m, i) => out.push({ line, character: start + m.index!, targets: [targets[i]!] }));
  }
  return out;
}

const CASES: ReadonlyArray<{ file: string; questions: number; references: ReadonlyArray<[number, string, number[]]> }> = [
  {
    file: '2014Z19222.txt',
    questions: 10,
    references: [
      [3, 'Zie antwoord vraag 2', [2]],
      [5, 'verwijs ik naar vraag 9', [9]],
      [7, 'het antwoord op vraag 10', [10]],
      [8, 'Zie antwoord vraag 6', [6]],
    ],
  },
  {
    file: '2024Z18294.txt',
    questions: 8,
    references: [
      [2, 'het antwoord op vraag 1', [1]],
      [4, 'Zie antwoord vraag 3', [3]],
      [7, 'vragen 1 en 5', [1, 5]],
    ],
  },
];

describe('definition: every number in the answered examples', () => {
  let client: Client;
  before(async () => {
    client = await Client.start();
  });
  after(() => client.kill());

  for (const c of CASES) {
    it(`${c.file}: exactly the headings and the numbered references answer, each with the right answer`, async () => {
      const { uri, text } = fixture(EXAMPLES, c.file);
      await client.openAndWait(uri, text);
      const expected = expectations(text, c.references, c.questions);
      const found: Expected[] = [];
      for (const [line, start, end] of digitRuns(text)) {
        // on the first digit, and just after the last one (a cursor that touches the number)
        for (const character of new Set([start, end])) {
          const result = await client.request<LocationLink[] | null>('textDocument/definition', {
            textDocument: { uri },
            position: { line, character },
          });
          if (!result || result.length === 0) continue;
          const exp = expected.find((e) => e.line === line && e.character === start);
          assert.ok(exp, `unexpected definition at ${line}:${character} ("${text.split('\n')[line]!.slice(Math.max(0, start - 30), end + 5)}")`);
          assert.deepEqual(
            result.map((l) => l.targetRange),
            exp.targets.map((n) => answerOf(text, n)),
            `targets at ${line}:${character}`,
          );
          for (const link of result) {
            assert.equal(link.targetUri, uri);
            assert.deepEqual(link.originSelectionRange, { start: { line, character: start }, end: { line, character: end } });
            assert.equal(link.targetSelectionRange.start.line, link.targetRange.start.line);
          }
          if (character === start) found.push(exp);
        }
      }
      assert.deepEqual(
        found.map((e) => `${e.line}:${e.character}`).sort(),
        expected.map((e) => `${e.line}:${e.character}`).sort(),
        'every expected place answers',
      );
    });
  }

  it('2024Z18294: "de in de vorige vraag genoemde" in question 4 is not a numbered reference', async () => {
    const { uri, text } = fixture(EXAMPLES, '2024Z18294.txt');
    await client.openAndWait(uri, text);
    const line = lineOf(text, 'de in de vorige vraag genoemde');
    const length = text.split('\n')[line]!.length;
    for (let character = 0; character <= length; character += 3) {
      const result = await client.request<unknown[] | null>('textDocument/definition', { textDocument: { uri }, position: { line, character } });
      assert.ok(!result || result.length === 0, `no definition at ${line}:${character}`);
    }
  });

  it('gives plain Locations to a client without linkSupport', async () => {
    const plain = await Client.start({ capabilities: { ...FULL_CAPABILITIES, textDocument: { ...FULL_CAPABILITIES.textDocument, definition: {} } } });
    try {
      const { uri, text } = fixture(EXAMPLES, '2014Z19222.txt');
      await plain.openAndWait(uri, text);
      const line = lineOf(text, 'Zie antwoord vraag 6');
      const result = await plain.request<Location[]>('textDocument/definition', {
        textDocument: { uri },
        position: positionOf(text, line, 'vraag 6', 6),
      });
      assert.deepEqual(result, [{ uri, range: answerOf(text, 6) }]);
    } finally {
      assert.equal(await plain.stop(), 0);
    }
  });
});
