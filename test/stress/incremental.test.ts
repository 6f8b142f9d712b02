/**
 * Incremental sync through the real server over stdio: random sequences of incremental didChange
 * edits (several changes per notification, across lines, CRLF, surrogates) end with the same
 * diagnostics, symbols and folding ranges as opening the final text fresh (properties.ts).
 * STRESS_RUNS sequences (default 40), seed FUZZ_SEED.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FUZZ_SEED } from '../fuzz/arbitraries';
import { LspClient } from '../support/lspClient';
import { editSequences } from './properties';

const RUNS = Number(process.env.STRESS_RUNS ?? 40);

test('random incremental edits over stdio end where opening the final text fresh ends', async () => {
  const c = new LspClient();
  try {
    await c.initialize();
    const { property, verify } = await editSequences.prepare(c);
    await fc.assert(property, { numRuns: RUNS, seed: FUZZ_SEED });
    await verify();
    assert.ok(c.alive);
  } finally {
    await c.stop();
  }
});
