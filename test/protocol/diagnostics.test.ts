/**
 * Diagnostics over the wire: the core's checks as LSP diagnostics (code, source, severity, range,
 * codeDescription, relatedInformation, language), updated through incremental `didChange`, cleared on close.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { Client, EXAMPLES, FIXTURES, fixture, lineOf, positionOf } from './harness';

const ANSWER_TERM_URL = 'https://wetten.overheid.nl/jci1.3:c:BWBR0006023&artikel=135&g=2014-10-30';

/** The message text (a string from this server). */
function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** `code@line:character` of each diagnostic, sorted. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).sort();
}

describe('diagnostics', () => {
  let client: Client;
  before(async () => {
    client = await Client.start();
  });
  after(() => client.kill());

  it('2014Z19222: only the late answer, as information with a link to art. 135', async () => {
    const { uri, text } = fixture(EXAMPLES, '2014Z19222.txt');
    const { diagnostics, version } = await client.openAndWait(uri, text);
    assert.equal(version, 1);
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0]!;
    assert.equal(d.code, 'late-answer');
    assert.equal(d.source, 'kamervraag');
    assert.equal(d.severity, 3);
    assert.deepEqual(d.codeDescription, { href: ANSWER_TERM_URL });
    // on the Beantwoord date
    assert.equal(d.range.start.line, lineOf(text, 'Beantwoord 24 november 2014'));
    assert.match(messageOf(d), /25 days/);
  });

  it('2024Z18294: a clean document has no diagnostics', async () => {
    const { uri, text } = fixture(EXAMPLES, '2024Z18294.txt');
    assert.deepEqual((await client.openAndWait(uri, text)).diagnostics, []);
  });

  it('the unanswered examples say so once, at the header; the one past its term without a Mededeling is overdue', async () => {
    // This client sets no day: today's date, long after 2024Z18439's deadline (5 december 2024).
    const expected: Record<string, string[]> = {
      '2024Z16988.txt': ['unanswered-document@0:0'],
      '2024Z18439.txt': ['answer-overdue@4:10', 'unanswered-document@0:0'],
    };
    for (const [name, codes] of Object.entries(expected)) {
      const { uri, text } = fixture(EXAMPLES, name);
      const { diagnostics } = await client.openAndWait(uri, text);
      assert.deepEqual(summary(diagnostics), codes, name);
    }
  });

  it('problems.kvr: wrong day count, missing answer, unknown and self references with exact ranges', async () => {
    const { uri, text } = fixture(FIXTURES, 'problems.kvr');
    const { diagnostics } = await client.openAndWait(uri, text);
    const days = positionOf(text, lineOf(text, '(na 10 dagen)'), '10');
    const missing = positionOf(text, lineOf(text, '• Vraag 2'), 'Vraag 2');
    const unknown = positionOf(text, lineOf(text, 'Zie antwoord vraag 7'), '7');
    const self = positionOf(text, lineOf(text, 'Zie antwoord vraag 4'), '4');
    assert.deepEqual(
      summary(diagnostics),
      [
        `days-wrong@${days.line}:${days.character}`,
        `missing-answer@${missing.line}:${missing.character}`,
        `reference-self@${self.line}:${self.character}`,
        `reference-unknown-question@${unknown.line}:${unknown.character}`,
      ].sort(),
    );
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    assert.equal(byCode.get('reference-unknown-question')!.severity, 1);
    assert.deepEqual(byCode.get('reference-unknown-question')!.range.end, { line: unknown.line, character: unknown.character + 1 });
    assert.equal(byCode.get('days-wrong')!.severity, 2);
    assert.equal(byCode.get('days-wrong')!.codeDescription, undefined);
  });

  it('duplicate.kvr: related information points at the first question with the same number, in this document', async () => {
    const { uri, text } = fixture(FIXTURES, 'duplicate.kvr');
    const { diagnostics } = await client.openAndWait(uri, text);
    const dup = diagnostics.find((d) => d.code === 'duplicate-question-number');
    assert.ok(dup);
    const first = lineOf(text, '• Vraag 2');
    assert.equal(dup.range.start.line, lineOf(text, '• Vraag 2', first + 1));
    assert.equal(dup.relatedInformation?.length, 1);
    assert.equal(dup.relatedInformation![0]!.location.uri, uri);
    assert.deepEqual(dup.relatedInformation![0]!.location.range.start, positionOf(text, first, '2'));
  });

  it('a client without relatedInformation/codeDescription support gets plain diagnostics; locale nl gives Dutch', async () => {
    const plain = await Client.start({ capabilities: { textDocument: {} }, locale: 'nl-NL' });
    try {
      const dup = fixture(FIXTURES, 'duplicate.kvr');
      const d1 = (await plain.openAndWait(dup.uri, dup.text)).diagnostics.find((d) => d.code === 'duplicate-question-number')!;
      assert.equal(d1.relatedInformation, undefined);
      assert.match(messageOf(d1), /Er is al een vraag 2|al een vraag 2/i);
      const late = fixture(EXAMPLES, '2014Z19222.txt');
      const d2 = (await plain.openAndWait(late.uri, late.text)).diagnostics[0]!;
      assert.equal(d2.code, 'late-answer');
      assert.equal(d2.codeDescription, undefined);
      assert.match(messageOf(d2), /dagen/);
    } finally {
      assert.equal(await plain.stop(), 0);
    }
  });

  it('incremental edits update the diagnostics for each version; a quick fix mends the day count', async () => {
    const { uri, text } = fixture(FIXTURES, 'problems.kvr');
    const editUri = uri.replace('problems.kvr', 'problems-edited.kvr');
    let { diagnostics } = await client.openAndWait(editUri, text);
    assert.ok(diagnostics.some((d) => d.code === 'missing-answer'));

    // Type an answer under question 2 (an insertion at the end of its question line).
    const qLine = lineOf(text, 'Hoeveel leraren zijn er?');
    const eol = { line: qLine, character: text.split('\n')[qLine]!.length };
    let waiting = client.waitDiagnostics(editUri, (p) => p.version === 2);
    await client.change(editUri, 2, [{ range: { start: eol, end: eol }, text: '\n\n  Er zijn 200000 leraren.' }]);
    ({ diagnostics } = await waiting);
    assert.ok(!diagnostics.some((d) => d.code === 'missing-answer'), 'missing-answer gone');
    const days = diagnostics.find((d) => d.code === 'days-wrong');
    assert.ok(days, 'days-wrong still there');

    // Ask for the quick fix and apply its edit as an incremental change.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: editUri },
      range: days.range,
      context: { diagnostics: [days] },
    });
    // The quick fix, then fix-all (offered in the normal list too).
    assert.deepEqual(actions.map((a) => a.kind), ['quickfix', 'source.fixAll.kamervraag']);
    const edits: TextEdit[] = actions[0]!.edit!.changes![editUri]!;
    assert.deepEqual(edits, [{ range: days.range, newText: '14' }]);
    waiting = client.waitDiagnostics(editUri, (p) => p.version === 3);
    await client.change(editUri, 3, edits.map((e) => ({ range: e.range, text: e.newText })));
    ({ diagnostics } = await waiting);
    assert.deepEqual(summary(diagnostics).map((s) => s.split('@')[0]), ['reference-self', 'reference-unknown-question']);

    // Break the header: the whole-document replacement form of didChange works too.
    waiting = client.waitDiagnostics(editUri, (p) => p.version === 4);
    await client.change(editUri, 4, [{ text: text.replace('Kamervraag 2024Z20002', 'Kamervraag 2024Z2000') }]);
    ({ diagnostics } = await waiting);
    assert.ok(diagnostics.some((d) => d.code === 'zaaknummer-malformed'));
  });

  it('a burst of edits is debounced: the last version is published, not one publication per keystroke', async () => {
    const { uri, text } = fixture(FIXTURES, 'problems.kvr');
    const burstUri = uri.replace('problems.kvr', 'burst.kvr');
    await client.openAndWait(burstUri, text);
    const before = client.diagnostics.get(burstUri)!.length;
    const line = lineOf(text, 'Hoeveel scholen zijn er?');
    const at = text.split('\n')[line]!.length;
    const waiting = client.waitDiagnostics(burstUri, (p) => p.version === 41);
    for (let v = 2; v <= 41; v++) {
      const pos = { line, character: at + v - 2 };
      void client.change(burstUri, v, [{ range: { start: pos, end: pos }, text: 'x' }]);
    }
    const last: PublishDiagnosticsParams = await waiting;
    assert.equal(last.version, 41);
    const published = client.diagnostics.get(burstUri)!.length - before;
    assert.ok(published < 40, `expected fewer publications than edits, got ${published}`);
  });

  it('closing a document clears its diagnostics', async () => {
    const { uri, text } = fixture(FIXTURES, 'problems.kvr');
    const closeUri = uri.replace('problems.kvr', 'closed.kvr');
    assert.ok((await client.openAndWait(closeUri, text)).diagnostics.length > 0);
    const waiting = client.waitDiagnostics(closeUri, (p) => p.diagnostics.length === 0);
    await client.close(closeUri);
    const cleared = await waiting;
    assert.deepEqual(cleared.diagnostics, []);
  });
});

