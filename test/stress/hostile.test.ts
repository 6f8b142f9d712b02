/**
 * A hostile client against the real server over stdio: malformed params, positions past the end,
 * unknown URIs, broken JSON bodies, thousands of requests without waiting, cancellations. Every
 * request gets an answer (a result or a JSON-RPC error, never an internal error), the server stays
 * up and answers correctly afterwards, and its memory comes back to a steady level.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CancellationTokenSource, type ResponseError } from 'vscode-languageserver-protocol/node';
import * as fc from 'fast-check';
import { FUZZ_SEED } from '../fuzz/arbitraries';
import { atLeastVersion, LspClient, rssMb, sleep } from '../support/lspClient';
import { ACCEPTABLE_ERRORS, describe, randomParams, REAL } from './properties';

/** A 1,000-question document built from the real example's answers (no dependency on bench/). */
function bigDocument(questions: number): string {
  const lines = REAL.split('\n');
  const head = lines.slice(0, 11);
  const footer = lines.slice(lines.findIndex((l) => l.startsWith('Kamervraag document nummer')) - 2);
  const out = [...head];
  for (let n = 1; n <= questions; n++) {
    out.push(` • Vraag ${n}`, `  Wat is uw reactie op het bericht over vraag ${n}?`, '');
    out.push(n > 1 && n % 7 === 0 ? `  Zie antwoord vraag ${n - 1}.` : `  Er is een verdubbeling waarneembaar; zie ook mijn antwoord op vraag ${Math.max(1, n - 3)}, ${Math.max(1, n - 2)} en ${Math.max(1, n - 1)}.`);
    out.push('');
  }
  return [...out, ...footer].join('\n');
}

test('malformed params, unknown URIs and positions past the end: every request answered, server stays up', async () => {
  const c = new LspClient();
  try {
    await c.initialize();
    const uri = 'file:///stress/real.txt';
    await c.openAndWait(uri, REAL);
    const methods = [
      'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight', 'textDocument/hover',
      'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/codeAction',
      'kamervraag/status', 'workspace/symbol', 'textDocument/completion', 'textDocument/rename', 'no/such/method',
    ];
    const paramsList: unknown[] = [
      undefined, null, 42, 'text', [], {}, { textDocument: null }, { textDocument: { uri: 7 } },
      { textDocument: { uri: 'file:///nowhere/unknown.txt' }, position: { line: 0, character: 0 } },
      { textDocument: { uri: 'not a uri at all' }, position: { line: 0, character: 0 } },
      { textDocument: { uri }, position: { line: 1e9, character: 1e9 } },
      { textDocument: { uri }, position: { line: 13, character: 99999 } },
      { textDocument: { uri }, position: { line: -1, character: -5 } },
      { textDocument: { uri }, position: { line: 1.5, character: 'x' } },
      { textDocument: { uri }, position: { line: Number.MAX_SAFE_INTEGER, character: 0 } },
      { textDocument: { uri }, position: null, context: 'nope', range: { start: 3 } },
      { textDocument: { uri }, position: { line: 33, character: 16 }, context: null, newName: 42 },
      { query: 42 }, { query: null }, { query: 'x'.repeat(100000) },
      { textDocument: { uri }, context: { diagnostics: [null, 5, { range: null, source: 'kamervraag', code: 'days-wrong' }] }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } },
      { textDocument: { uri }, context: { diagnostics: 'all' }, range: null },
    ];
    const internal: string[] = [];
    let answered = 0;
    for (const method of methods) {
      for (const params of paramsList) {
        const r = await c.settle(method, params);
        answered++;
        if (!r.ok) {
          const code = (r.value as ResponseError<unknown>).code;
          if (!ACCEPTABLE_ERRORS.has(code)) internal.push(`${method} ${JSON.stringify(params)?.slice(0, 100)} → ${describe(r.value)}`);
        }
      }
    }
    assert.equal(answered, methods.length * paramsList.length);
    assert.deepEqual(internal, [], 'requests that got an internal error (a thrown exception) instead of a result or a proper error');
    assert.ok(c.alive, 'server still running');
    // And it still works: Vraag 3's answer "Zie antwoord vraag 2." leads to the answer of question 2.
    const line = REAL.split('\n').findIndex((l) => l.includes('Zie antwoord vraag 2.'));
    const character = REAL.split('\n')[line]!.indexOf('2.');
    const def = (await c.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } })) as { targetRange: { start: { line: number } } }[];
    assert.equal(def.length, 1);
    const lines = REAL.split('\n');
    const target = def[0]!.targetRange.start.line;
    assert.ok(target > lines.indexOf(' • Vraag 2') && target < lines.indexOf(' • Vraag 3'), `target line ${target} lies in the block of Vraag 2`);
  } finally {
    await c.stop();
  }
});

test('malformed notifications and broken JSON bodies: the server stays up and keeps its documents right', async () => {
  const c = new LspClient();
  try {
    await c.initialize();
    const uri = 'file:///stress/notify.txt';
    await c.openAndWait(uri, REAL, 1);
    // Notifications no client should send.
    await c.change(uri, 2, [{ range: { start: { line: 5000, character: 0 }, end: { line: 6000, character: 3 } }, text: 'past the end' }]);
    await c.change('file:///stress/never-opened.txt', 5, [{ text: 'Kamervraag 2014Z19222' }]);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///stress/no-text.txt' } });
    await c.conn.sendNotification('textDocument/didOpen', null);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: null });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///stress/never-opened.txt' } });
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///nowhere/x.txt', type: 2 }, { uri: 5, type: 99 }] });
    await c.conn.sendNotification('$/cancelRequest', { id: 123456 });
    await c.conn.sendNotification('$/no/such/notification', { x: 1 });
    // Bodies that are not JSON, or JSON that is not a message (framing intact).
    for (const body of ['{"jsonrpc":', 'not json at all', '[1,2,3]', '"string"', '{"foo":1}', '{"jsonrpc":"2.0","id":99999,"result":null}', '{"jsonrpc":"2.0","id":7}', '\u0000\u0001\u0002']) {
      const bytes = Buffer.from(body, 'utf8');
      c.raw(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
    }
    await sleep(100);
    assert.ok(c.alive, `server still running; stderr: ${c.stderr.join('').slice(-500)}`);
    // A proper edit after all that still lands: replace the whole text with a document of 1 question.
    const one = 'Kamervraag 2014Z19222\n\nTitel\n\nIngediend 30 oktober 2014\n • Vraag 1\n  Waarom?';
    const published = c.nextDiagnostics(uri, atLeastVersion(10));
    await c.change(uri, 10, [{ text: one }]);
    const diagnostics = await published;
    assert.equal(diagnostics.version, 10);
    const status = (await c.conn.sendRequest('kamervraag/status', { textDocument: { uri } })) as { questions: number };
    assert.equal(status.questions, 1);
  } finally {
    await c.stop();
  }
});

test('thousands of requests without waiting, a third cancelled, edits in between: every one answered', async (t) => {
  const c = new LspClient();
  try {
    await c.initialize();
    const uri = 'file:///stress/flood.txt';
    const text = bigDocument(1000);
    await c.openAndWait(uri, text);
    const lines = text.split('\n');
    const requests: Promise<{ ok: boolean; value: unknown; cancelled: boolean }>[] = [];
    let cancelled = 0;
    const N = 3000;
    let version = 1;
    for (let i = 0; i < N; i++) {
      const line = (i * 37) % lines.length;
      const position = { line, character: Math.min(12, lines[line]!.length) };
      const method = ['textDocument/hover', 'textDocument/definition', 'textDocument/documentHighlight', 'textDocument/references', 'kamervraag/status', 'textDocument/documentSymbol', 'textDocument/foldingRange'][i % 7]!;
      const source = new CancellationTokenSource();
      const isCancelled = i % 3 === 0;
      requests.push(c.settle(method, { textDocument: { uri }, position, context: { includeDeclaration: true } }, 60000, source.token).then((r) => ({ ...r, cancelled: isCancelled })));
      if (isCancelled) {
        source.cancel();
        cancelled++;
      }
      if (i % 500 === 250) {
        version++;
        void c.change(uri, version, [{ range: { start: { line: 12, character: 2 }, end: { line: 12, character: 2 } }, text: 'x' }]);
      }
    }
    const results = await Promise.all(requests);
    const errors = results.filter((r) => !r.ok);
    t.diagnostic(`${N} requests, ${cancelled} cancelled by the client, ${errors.length} answered with an error`);
    const code = (r: { value: unknown }) => (r.value as ResponseError<unknown>).code;
    // Not cancelled: a result (or "content modified" after an edit). Cancelled: a result or "cancelled".
    const wrong = results.filter((r) => !r.ok && !(r.cancelled ? code(r) === -32800 : code(r) === -32801));
    assert.deepEqual(wrong.map((r) => `${r.cancelled ? 'cancelled' : 'not cancelled'}: ${describe(r.value)}`).slice(0, 5), []);
    assert.ok(errors.length >= cancelled / 2, `cancellation is honoured: ${errors.length} of ${cancelled} cancelled requests answered "cancelled"`);
    assert.ok(c.alive);
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { children?: unknown[] }[];
    assert.ok((symbols[0]?.children?.length ?? 0) >= 1000, 'every question still in the outline');
  } finally {
    await c.stop();
  }
});

test('memory returns to a steady level after bursts of requests and of opened and closed documents', async (t) => {
  const c = new LspClient();
  try {
    await c.initialize();
    const big = bigDocument(1000);
    const uri = 'file:///stress/memory.txt';
    await c.openAndWait(uri, big);
    const burst = async (round: number) => {
      // 40 big documents opened and closed (about 28 MB of text), then 2,000 requests without waiting.
      for (let i = 0; i < 40; i++) {
        const u = `file:///stress/round${round}/doc${i}.txt`;
        await c.openAndWait(u, big.replace('Vraag 1\n', `Vraag 1\n  ronde ${round} document ${i}\n`));
        await c.close(u);
      }
      const pending = [];
      for (let i = 0; i < 2000; i++) {
        pending.push(c.settle(i % 2 ? 'textDocument/hover' : 'textDocument/references', {
          textDocument: { uri }, position: { line: 11 + ((i * 5) % 5000), character: 10 }, context: { includeDeclaration: true },
        }, 60000));
      }
      await Promise.all(pending);
      await sleep(1500);
      return rssMb(c.pid);
    };
    const warm = await burst(0);
    const after = [];
    for (let round = 1; round <= 3; round++) after.push(await burst(round));
    const last = after[after.length - 1]!;
    t.diagnostic(`server RSS after each round: ${[warm, ...after].map((x) => `${x.toFixed(0)} MB`).join(', ')}`);
    // A leak of the closed documents would add 40 × (0.7 MB of text + its model) per round.
    assert.ok(last <= warm + 40, `RSS ${last.toFixed(0)} MB after 3 more rounds vs ${warm.toFixed(0)} MB after the first (${after.map((x) => x.toFixed(0)).join(', ')})`);
    assert.ok(c.alive);
  } finally {
    await c.stop();
  }
});

test('random JSON as params of every request: never an internal error', async () => {
  const c = new LspClient();
  try {
    await c.initialize();
    const { property, verify } = await randomParams.prepare(c);
    await fc.assert(property, { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: FUZZ_SEED });
    await verify();
  } finally {
    await c.stop();
  }
});
