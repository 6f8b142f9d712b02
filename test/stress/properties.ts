/**
 * The properties that talk to the real server over stdio, shared by test/stress/ (a bounded number of
 * runs) and the campaign (`npm run fuzz`, bench/fuzz.mjs, in a smaller share): random JSON as the
 * params of every request, and random sequences of incremental edits. One run is one case: one
 * request, or one edit sequence with its comparison against the final text opened fresh.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editBatches, changesOf, spliceText } from '../fuzz/edits';
import { atLeastVersion, example, type LspClient } from '../support/lspClient';

export const REAL = example('2014Z19222.txt');
const BASES = ['2014Z19222.txt', '2024Z18294.txt', '2024Z16988.txt', '2024Z18439.txt'].map(example);

/**
 * JSON-RPC error codes a request with bad input may get: not an internal error (a thrown bug, -32603).
 * RequestFailed is a refusal the server words for the user (features/index.ts `Refusal`: a rename where
 * nothing can be renamed, or to a number that is taken).
 */
export const ACCEPTABLE_ERRORS = new Set([-32601 /* MethodNotFound */, -32602 /* InvalidParams */, -32600 /* InvalidRequest */, -32800 /* RequestCancelled */, -32801 /* ContentModified */, -32803 /* RequestFailed */]);

export function describe(value: unknown): string {
  if (value instanceof ResponseError) return `error ${value.code}: ${value.message}`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return JSON.stringify(value)?.slice(0, 120) ?? String(value);
}

/** A property against a running, initialized server. */
export interface ServerProperty {
  /** What `npm run fuzz -- --replay <name>` takes. */
  readonly name: string;
  readonly description: string;
  /** Opens what the property needs on `c`; gives the property and a check to run after its runs. */
  prepare(c: LspClient): Promise<{ property: fc.IAsyncPropertyWithHooks<any>; verify(): Promise<void> }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Makes results of two URIs comparable. */
function strip(value: unknown, uri: string): unknown {
  return JSON.parse(JSON.stringify(value ?? null).split(JSON.stringify(uri).slice(1, -1)).join('<uri>'));
}

const METHODS = [
  'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight', 'textDocument/hover',
  'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/codeAction',
  'textDocument/completion', 'textDocument/prepareRename', 'textDocument/rename', 'textDocument/selectionRange',
  'kamervraag/status', 'workspace/symbol',
];

export const randomParams: ServerProperty = {
  name: 'server-random-params',
  description: 'random JSON as the params of every request: a result or a proper JSON-RPC error, never an internal error',
  async prepare(c) {
    const uri = 'file:///stress/random-params.txt';
    await c.openAndWait(uri, REAL);
    const position = fc.record({
      line: fc.oneof(fc.integer({ min: -2, max: 80 }), fc.double(), fc.string(), fc.constant(null)),
      character: fc.oneof(fc.integer({ min: -2, max: 300 }), fc.double(), fc.constant(null)),
    }, { requiredKeys: [] });
    const params = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({
        textDocument: fc.oneof(fc.constant({ uri }), fc.record({ uri: fc.oneof(fc.string(), fc.integer(), fc.constant(uri)) }), fc.jsonValue({ maxDepth: 1 })),
        position: fc.oneof(position, fc.jsonValue({ maxDepth: 1 })),
        positions: fc.oneof(fc.array(position, { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })),
        range: fc.oneof(fc.record({ start: position, end: position }), fc.jsonValue({ maxDepth: 1 })),
        context: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ includeDeclaration: fc.jsonValue({ maxDepth: 1 }), diagnostics: fc.jsonValue({ maxDepth: 2 }), triggerKind: fc.jsonValue({ maxDepth: 0 }) })),
        newName: fc.jsonValue({ maxDepth: 1 }),
        query: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
      }, { requiredKeys: [] }),
    );
    const property = fc.asyncProperty(fc.constantFrom(...METHODS), params, async (method, p) => {
      const r = await c.settle(method, p);
      if (!r.ok && !ACCEPTABLE_ERRORS.has((r.value as ResponseError<unknown>).code)) {
        assert.fail(`${method} got an internal error instead of a result or a proper error: ${describe(r.value)}`);
      }
    });
    return {
      property,
      async verify() {
        assert.ok(c.alive, 'server still running');
        const status = (await c.conn.sendRequest('kamervraag/status', { textDocument: { uri } })) as { questions: number };
        assert.equal(status.questions, 10, 'the server still answers right');
      },
    };
  },
};

export const editSequences: ServerProperty = {
  name: 'server-edit-sequences',
  description: 'random incremental didChange sequences end where opening the final text fresh ends (diagnostics, symbols, folding, status)',
  async prepare(c) {
    let run = 0;
    const property = fc.asyncProperty(fc.nat({ max: BASES.length - 1 }), editBatches, async (b, batches) => {
      run++;
      const uri = `file:///stress/incremental-${run}.txt`;
      const fresh = `file:///stress/fresh-${run}.txt`;
      let doc = TextDocument.create(uri, 'kamervraag', 1, BASES[b]!);
      let expected = BASES[b]!;
      await c.openAndWait(uri, expected, 1);
      try {
        for (const batch of batches) {
          const changes = changesOf(doc, batch);
          doc = TextDocument.update(doc, changes, doc.version + 1);
          expected = spliceText(expected, batch);
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
      } finally {
        // Not awaited alone: a dead server must not hide the failure that killed it.
        await Promise.allSettled([c.close(uri), c.close(fresh)]);
      }
    });
    return {
      property,
      async verify() {
        assert.ok(c.alive, 'server still running');
      },
    };
  },
};

/** The over-stdio properties of the campaign. */
export const serverProperties: ServerProperty[] = [randomParams, editSequences];
