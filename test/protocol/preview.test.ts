/**
 * `kamervraag/preview` over the wire: the open document (an unsaved edit included) as the preview lays it
 * out — title, metadata, Vraag N and Antwoord N with their source lines, links from references — and its
 * answer term in the session's language against the client's clock; an unknown document gets null, a
 * call without parameters an error.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PreviewAnswer } from '../../server/src/features/preview';
import { Client, EXAMPLES } from './harness';

describe('kamervraag/preview over the protocol', () => {
  let client: Client;
  before(async () => {
    client = await Client.start({ locale: 'nl', initializationOptions: { today: '2024-11-20' } });
  });
  after(() => client.kill());

  it('the open text, with its lines and links, and the term in Dutch', async () => {
    const uri = 'file:///preview/2024Z18439.txt';
    const text = readFileSync(path.join(EXAMPLES, '2024Z18439.txt'), 'utf8').replace(/\n/g, '\r\n');
    // An answer written to question 2, not saved: it sends the reader to the answer of question 1, and has a footnote.
    const lines = text.split('\r\n');
    const heading2 = lines.findIndex((l) => l.trim() === '• Vraag 2');
    const next = lines.findIndex((l, i) => i > heading2 && l.trim().startsWith('• Vraag'));
    const edited = [...lines.slice(0, next), '', '  Zie antwoord vraag 1 («Nota»)2.', ...lines.slice(next)].join('\r\n');
    await client.openAndWait(uri, edited);
    const p = await client.request<PreviewAnswer>('kamervraag/preview', { textDocument: { uri } });
    assert.equal(p.zaaknummer, '2024Z18439');
    assert.deepEqual([p.questions, p.unanswered], [22, 21]);
    assert.deepEqual([p.state, p.term], ['te beantwoorden', 'Antwoord verwacht uiterlijk 5 december 2024 (nog 15 dagen)']);
    const answer2 = p.blocks.find((b) => b.kind === 'answer' && b.heading === 'Antwoord 2')!;
    assert.deepEqual(answer2.paragraphs, [{
      text: 'Zie antwoord vraag 1 («Nota»)2.', line: next + 1, links: [{ start: 19, end: 20, question: 0, to: 'answer' }], footnotes: [{ start: 29, end: 30 }],
    }]);
    assert.equal(p.blocks.find((b) => b.heading === 'Vraag 2')!.line, heading2);
    assert.equal(await client.request('kamervraag/preview', { textDocument: { uri: 'file:///preview/not-open.kvr' } }), null);
    await assert.rejects(client.request('kamervraag/preview', undefined));
  });
});
