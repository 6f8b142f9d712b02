/** The per-document cache: one parse per text, diagnostics and graph computed once, on demand. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { KvDiagnostic } from '../../../server/src/core/diagnostic';
import { check } from '../../../server/src/core/checks';
import type { KamervraagDocument } from '../../../server/src/core/model';
import { AnalysisCache } from '../../../server/src/service/analysis';

const TEXT = 'Kamervraag 2024Z30000\n\nTitel\n\nIngediend 1 oktober 2024\n • Vraag 1\n  Wat?\n';

describe('AnalysisCache', () => {
  it('parses once per text, not per request or version', () => {
    let checks = 0;
    const cache = new AnalysisCache((doc: KamervraagDocument): KvDiagnostic[] => {
      checks++;
      return check(doc);
    });
    let doc = TextDocument.create('file:///a.kvr', 'kamervraag', 1, TEXT);
    const first = cache.get(doc);
    assert.equal(cache.get(doc), first);
    assert.equal(cache.parses, 1);
    assert.equal(checks, 0, 'diagnostics are computed only when asked for');
    assert.equal(first.diagnostics, first.diagnostics);
    assert.equal(checks, 1);
    assert.equal(first.graph, first.graph);
    // a new version with the same text (an undo/redo pair): no new parse
    doc = TextDocument.update(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }], 2);
    doc = TextDocument.update(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: '' }], 3);
    assert.equal(cache.get(doc), first);
    assert.equal(cache.parses, 1);
    // a real change: a new analysis
    doc = TextDocument.update(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, text: 'Nieuw' }], 4);
    const second = cache.get(doc);
    assert.notEqual(second, first);
    assert.equal(second.document.title?.text, 'Nieuw');
    assert.equal(cache.parses, 2);
    cache.delete(doc.uri);
    cache.get(doc);
    assert.equal(cache.parses, 3);
  });

  it('a new text at the same version is a new analysis (a didChange repeating the version, a second didOpen)', () => {
    const cache = new AnalysisCache(check);
    const uri = 'file:///same.kvr';
    const first = cache.get(TextDocument.create(uri, 'kamervraag', 7, TEXT));
    assert.equal(first.document.title?.text, 'Titel');
    // TextDocument.update keeps the version it is given: the same one again.
    const changed = TextDocument.update(
      TextDocument.create(uri, 'kamervraag', 7, TEXT),
      [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, text: 'Nieuw' }],
      7,
    );
    const second = cache.get(changed);
    assert.notEqual(second, first);
    assert.equal(second.text, changed.getText());
    assert.equal(second.document.title?.text, 'Nieuw');
    // a second didOpen at the same version, with the first text again
    const reopened = cache.get(TextDocument.create(uri, 'kamervraag', 7, TEXT));
    assert.equal(reopened.document.title?.text, 'Titel');
    assert.equal(cache.parses, 3);
    // and the same text again, whatever the version: no parse
    assert.equal(cache.get(TextDocument.create(uri, 'kamervraag', 8, TEXT)), reopened);
    assert.equal(cache.parses, 3);
  });

  it('a failing checker costs the diagnostics, not the server', () => {
    const cache = new AnalysisCache(() => {
      throw new Error('boom');
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const a = cache.get(TextDocument.create('file:///b.kvr', 'kamervraag', 1, TEXT));
      assert.deepEqual(a.diagnostics, []);
      assert.equal(errors.length, 1);
    } finally {
      console.error = original;
    }
  });
});
