/**
 * Incremental sync through the real server over stdio: random sequences of incremental didChange
 * edits (several changes per notification, across lines, CRLF, surrogates) end with the same
 * diagnostics, symbols and folding ranges as opening the final text fresh.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editBatches, changesOf, spliceText } from '../fuzz/edits';
import { FUZZ_SEED } from '../fuzz/arbitraries';
import { atLeastVersion, example, LspClient } from '../support/lspClient';

const RUNS = Number(process.env.STRESS_RUNS ?? 40);
const BASES = ['2014Z19222.txt', '2024Z18294.txt', '2024Z16988.txt', '2024Z18439.txt'].map(example);

/** Makes results of two URIs comparable. */
function strip(value: unknown, uri: string): unknown {
  return JSON.parse(JSON.stringify(value ?? null).split(JSON.stringify(uri).slice(1, -1)).join('<uri>'));
}

test('random incremental edits over stdio end where opening the final text fresh ends', async (t) => {
  const c = new LspClient();
  let run = 0;
  let edits = 0;
  try {
    await c.initialize();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: BASES.length - 1 }), editBatches, async (b, batches) => {
        run++;
        const uri = `file:///stress/incremental-${run}.txt`;
        const fresh = `file:///stress/fresh-${run}.txt`;
        let doc = TextDocument.create(uri, 'kamervraag', 1, BASES[b]!);
        let expected = BASES[b]!;
        await c.openAndWait(uri, expected, 1);
        for (const batch of batches) {
          const changes = changesOf(doc, batch);
          doc = TextDocument.update(doc, changes, doc.version + 1);
          expected = spliceText(expected, batch);
          edits += changes.length;
          // No waiting between edits: as fast as a typist with a very fast keyboard.
          void c.change(uri, doc.version, changes);
        }
        assert.equal(doc.getText(), expected);
        const incremental = await c.nextDiagnostics(uri, atLeastVersion(doc.version));
        assert.equal(incremental.version, doc.version, 'diagnostics are for the last version');
        const opened = await c.openAndWait(fresh, expected, 1);
        assert.deepEqual(strip(incremental.diagnostics, uri), strip(opened.diagnostics, fresh), 'same diagnostics');
        for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'kamervraag/status']) {
          const a = await c.conn.sendRequest(method, { textDocument: { uri } });
          const f = await c.conn.sendRequest(method, { textDocument: { uri: fresh } });
          assert.deepEqual(strip(a, uri), strip(f, fresh), `same ${method}`);
        }
        await c.close(uri);
        await c.close(fresh);
      }),
      { numRuns: RUNS, seed: FUZZ_SEED },
    );
    t.diagnostic(`${run} sequences, ${edits} edits`);
    assert.ok(c.alive);
  } finally {
    await c.stop();
  }
});
