/**
 * `kamervraag.maxNumberOfProblems`: a document with more problems than the limit gets the most severe
 * ones and one note that counts the rest; the limit comes from initializationOptions and from
 * `workspace/didChangeConfiguration`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './harness';

/** An answered document of `n` questions of which every one but the first lacks its answer, and one error. */
function manyProblems(n: number): string {
  const blocks = Array.from({ length: n }, (_, i) => ` • Vraag ${i + 1}\n  Waarom?\n${i === 0 ? '\n  Zie antwoord vraag 99.\n' : ''}`);
  return `Kamervraag 2024Z12345\n\nVeel vragen\n\nIngediend 1 oktober 2024\nBeantwoord 8 oktober 2024 (na 7 dagen)\nIndiener Jan Jansen (SP)\nBeantwoord door De Minister\nOnderwerpen\nBron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z12345.html\nBron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20242025-1.html\n${blocks.join('')}`;
}

describe('maxNumberOfProblems', () => {
  let client: Client;
  before(async () => {
    client = await Client.start({ initializationOptions: { maxNumberOfProblems: 5 } });
  });
  after(() => client.kill());

  it('shows the most severe first and counts the rest', async () => {
    const uri = 'file:///tmp/kamervraag-max-problems.kvr';
    const { diagnostics } = await client.openAndWait(uri, manyProblems(40));
    // 39 missing answers (warnings) and one reference to a question that does not exist (error).
    assert.equal(diagnostics.length, 6);
    assert.equal(diagnostics[0]!.code, 'reference-unknown-question', 'the error comes first');
    assert.deepEqual(diagnostics.slice(1, 5).map((d) => d.code), Array(4).fill('missing-answer'));
    const note = diagnostics[5]!;
    assert.equal(note.code, 'too-many-problems');
    assert.equal(note.severity, 3);
    assert.match(String(note.message), /^35 more problems not shown \(setting kamervraag\.maxNumberOfProblems: 5\)/);
  });

  it('a new limit from didChangeConfiguration republishes', async () => {
    const uri = 'file:///tmp/kamervraag-max-problems.kvr';
    const next = client.waitDiagnostics(uri, (p) => p.diagnostics.length === 11);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kamervraag: { maxNumberOfProblems: 10 } } });
    const { diagnostics } = await next;
    assert.equal(diagnostics[10]!.code, 'too-many-problems');
    assert.match(String(diagnostics[10]!.message), /^30 more problems/);
    // Nonsense is ignored: the limit stays 10.
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kamervraag: { maxNumberOfProblems: -3 } } });
    const again = client.waitDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Nog ' }]);
    assert.equal((await again).diagnostics.length, 11);
    // One left over: in the singular.
    const one = client.waitDiagnostics(uri, (p) => p.diagnostics.length === 40);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kamervraag: { maxNumberOfProblems: 39 } } });
    assert.match(String((await one).diagnostics[39]!.message), /^1 more problem not shown \(/);
  });
});
