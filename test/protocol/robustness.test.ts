/**
 * Invalid requests get an empty result or a proper JSON-RPC error, never a crash; `$/cancelRequest` is
 * honoured.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver-protocol/node';
import { RawServer } from '../support/rawServer';
import { Client, EXAMPLES, fixture, lineOf, positionOf } from './harness';

const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;
const REQUEST_CANCELLED = -32800;

async function errorOf(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ResponseError, `a JSON-RPC error, got ${String(err)}`);
    return err;
  }
  assert.fail('expected an error response');
}

describe('invalid requests and cancellation', () => {
  let client: Client;
  let uri: string;
  let text: string;
  before(async () => {
    client = await Client.start();
    ({ uri, text } = fixture(EXAMPLES, '2014Z19222.txt'));
    await client.openAndWait(uri, text);
  });
  after(() => client.kill());

  const POSITION_REQUESTS = ['textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight', 'textDocument/hover'];

  it('an unknown document gives an empty result for every request', async () => {
    const other = { uri: 'file:///not/open.kvr' };
    for (const method of POSITION_REQUESTS) {
      assert.equal(await client.request(method, { textDocument: other, position: { line: 0, character: 0 }, context: { includeDeclaration: true } }), null, method);
    }
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'kamervraag/status']) {
      assert.equal(await client.request(method, { textDocument: other }), null, method);
    }
  });

  it('positions past the end of a line or of the document give an empty result', async () => {
    const lines = text.split('\n').length;
    for (const position of [
      { line: lines + 100, character: 0 },
      { line: lineOf(text, 'Zie antwoord vraag 6'), character: 10_000 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ]) {
      for (const method of POSITION_REQUESTS) {
        const result = await client.request<unknown[] | null>(method, { textDocument: { uri }, position, context: { includeDeclaration: true } });
        assert.ok(result === null || (Array.isArray(result) && result.length === 0), `${method} at ${position.line}:${position.character}`);
      }
    }
  });

  it('malformed parameters get InvalidParams or an empty result, and the server stays up', async () => {
    for (const position of [undefined, null, { line: -1, character: 0 }, { line: 'a', character: 0 }, { line: 1.5, character: 0 }, [1, 2]]) {
      const err = await errorOf(client.request('textDocument/definition', { textDocument: { uri }, position }));
      assert.equal(err.code, INVALID_PARAMS, JSON.stringify(position));
    }
    const at = (line: unknown, character: unknown) => ({ line, character });
    for (const range of [undefined, null, 'x', { start: at(0, 0) }, { start: at(-1, 0), end: at(0, 0) }, { start: at(0, null), end: at(1, 0) }]) {
      const err = await errorOf(client.request('textDocument/rangeFormatting', { textDocument: { uri }, range, options: { tabSize: 2, insertSpaces: true } }));
      assert.equal(err.code, INVALID_PARAMS, `rangeFormatting of ${JSON.stringify(range)}`);
    }
    for (const params of [{}, { textDocument: null }, { textDocument: { uri: 42 } }, { textDocument: 'x' }]) {
      assert.equal(await client.request('textDocument/hover', params), null, JSON.stringify(params));
      assert.equal(await client.request('textDocument/documentSymbol', params), null, JSON.stringify(params));
    }
    assert.equal((await errorOf(client.conn.sendRequest('textDocument/documentSymbol'))).code, INVALID_PARAMS);
    assert.equal((await errorOf(client.conn.sendRequest('kamervraag/status'))).code, INVALID_PARAMS);
    // (vscode-jsonrpc sends a null argument as `"params": [null]`: not an object)
    assert.equal((await errorOf(client.request('kamervraag/status', null))).code, INVALID_PARAMS);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ source: 'kamervraag', code: 'days-wrong' }, null, 5] } });
    assert.deepEqual(actions, []);
    const err = await errorOf(client.request('kamervraag/noSuchRequest', {}));
    assert.equal(err.code, METHOD_NOT_FOUND);
    // still answering
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
  });

  it('a cancelled request is answered with RequestCancelled; the others still answer', async () => {
    const position = positionOf(text, lineOf(text, 'Zie antwoord vraag 6'), '6');
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => {
        const source = new CancellationTokenSource();
        const p = client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position }, source.token);
        if (i % 2 === 0) source.cancel();
        return p;
      }),
    );
    let cancelled = 0;
    results.forEach((r, i) => {
      if (i % 2 === 1) assert.equal(r.status, 'fulfilled', `request ${i} not cancelled`);
      if (r.status === 'rejected') {
        assert.ok(r.reason instanceof ResponseError);
        assert.equal(r.reason.code, REQUEST_CANCELLED);
        cancelled++;
      }
    });
    // Cancellations sent right behind their requests arrive while those are still queued.
    assert.ok(cancelled > 0, 'some requests were cancelled');
    assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position }));
  });
});

describe('parameters that are not an object (hand-written frames)', () => {
  let server: RawServer;
  const { uri, text } = fixture(EXAMPLES, '2014Z19222.txt');
  before(async () => {
    server = new RawServer();
    await server.initialize();
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'kamervraag', version: 1, text } });
  });
  after(() => server.kill());

  const METHODS = [
    'textDocument/hover',
    'textDocument/definition',
    'textDocument/references',
    'textDocument/documentHighlight',
    'textDocument/documentSymbol',
    'textDocument/foldingRange',
    'textDocument/selectionRange',
    'textDocument/documentLink',
    'textDocument/codeAction',
    'textDocument/completion',
    'textDocument/prepareRename',
    'textDocument/rename',
    'workspace/symbol',
    'kamervraag/status',
  ];

  it('"params": null, an array or a number is InvalidParams for every request', async () => {
    for (const params of [null, [], [null], 7, 'x']) {
      for (const method of METHODS) {
        const response = await server.request(method, params);
        assert.equal(response.error?.code, INVALID_PARAMS, `${method} ${JSON.stringify(params)}: ${JSON.stringify(response)}`);
        assert.doesNotMatch(response.error!.message, /Cannot read properties/);
      }
    }
    // still answering, and the document is still open
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok((symbols.result as unknown[]).length > 1);
  });

  it('notifications with null params are dropped without harm; shutdown with null params is a shutdown', async () => {
    for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration', '$/cancelRequest']) {
      server.notify(method, null);
    }
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok((symbols.result as unknown[]).length > 1);
    // (a handler that failed on them would be logged as an error: window/logMessage of type 1)
    const errors = server.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
    assert.deepEqual(errors, []);
    assert.equal(server.stderr.join(''), '');
    const shutdown = await server.request('shutdown', null);
    assert.equal(shutdown.error, undefined);
    server.notify('exit');
    assert.equal(await server.exited, 0);
  });
});
