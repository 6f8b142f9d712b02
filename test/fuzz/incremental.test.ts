/**
 * Incremental sync, in process: random didChange sequences applied the way the server applies them
 * (TextDocument.update, then the per-version analysis cache) give the same text, diagnostics and
 * symbols as the final text opened fresh. The same over stdio against the real server is in
 * test/stress/incremental.test.ts.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analysis';
import { featureContext } from '../../server/src/features/context';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { AnalysisCache } from '../../server/src/service/analysis';
import { assertSame, core, examples } from './harness';
import { applyBatch, editBatches, spliceText } from './edits';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';

const symbolsParams = { textDocument: { uri: 'file:///fuzz/edited.txt' } };
const tree = featureContext({ hierarchicalSymbols: true });
const bases = examples();

test('random didChange sequences give what opening the final text gives', () => {
  fc.assert(
    fc.property(fc.nat({ max: bases.length - 1 }), editBatches, (b, batches) => {
      const cache = new AnalysisCache(core.check);
      let doc = TextDocument.create('file:///fuzz/edited.txt', 'kamervraag', 1, bases[b]!.text);
      let expected = bases[b]!.text;
      cache.get(doc);
      for (const batch of batches) {
        doc = applyBatch(doc, batch).doc;
        expected = spliceText(expected, batch);
        assert.equal(doc.getText(), expected, 'TextDocument.update agrees with splicing by offsets');
        cache.get(doc); // the server analyses (some) intermediate versions
      }
      const incremental = cache.get(doc);
      const opened = analyze(expected);
      const fresh = opened.document;
      // Compared as a client sees them: which parts of a model were made when asked does not count.
      assertSame(incremental.document, fresh, 'the model');
      assertSame(incremental.diagnostics, core.check(fresh), 'the diagnostics');
      assertSame(documentSymbols(incremental, symbolsParams, tree), documentSymbols(opened, symbolsParams, tree), 'the symbols');
    }),
    { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
  );
});
