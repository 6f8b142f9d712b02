/**
 * `kamervraag/answerDocument` over the wire: the open document's text (an unsaved edit included) as the
 * answer is sent — `Vraag N`, `Antwoord N` — in its line ends; an unknown document gets null, a call
 * without parameters an error.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client, EXAMPLES } from './harness';

describe('kamervraag/answerDocument over the protocol', () => {
  let client: Client;
  before(async () => {
    client = await Client.start();
  });
  after(() => client.kill());

  it('the open text as Vraag N and Antwoord N, in its line ends', async () => {
    const uri = 'file:///answer/2014Z19222.txt';
    const text = readFileSync(path.join(EXAMPLES, '2014Z19222.txt'), 'utf8').replace(/\n/g, '\r\n').replace('  Zie antwoord vraag 6.', '  Zie antwoord vraag 6 en 7.');
    await client.openAndWait(uri, text);
    const copy = await client.request<{ text: string; questions: number; unanswered: number }>('kamervraag/answerDocument', { textDocument: { uri } });
    assert.deepEqual([copy.questions, copy.unanswered], [10, 0]);
    assert.ok(copy.text.startsWith('Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken\r\n\r\nVraag 1\r\n'));
    assert.ok(copy.text.includes('\r\n\r\nAntwoord 8\r\nZie antwoord vraag 6 en 7.\r\n'), 'the open text, not the file');
    assert.equal(await client.request('kamervraag/answerDocument', { textDocument: { uri: 'file:///answer/not-open.kvr' } }), null);
    await assert.rejects(client.request('kamervraag/answerDocument', undefined));
  });
});
