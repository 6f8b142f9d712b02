/** The core's diagnostics as LSP diagnostics, by what the client supports. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { diagnostic, RULES } from '../../../server/src/core/diagnostic';
import { diagnostics, toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { context, fixture } from '../../support/features';

describe('diagnostics', () => {
  it('toLspDiagnostic: code, source, codeDescription, Unnecessary tag and related information by client support', () => {
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
    const kv = { ...diagnostic('late-answer', range, { en: 'late', nl: 'laat' }, [{ range, message: { en: 'here', nl: 'hier' } }]), unnecessary: true };
    const full = toLspDiagnostic(kv, 'file:///a', 'nl');
    assert.equal(full.message, 'laat');
    assert.equal(full.source, 'kamervraag');
    assert.equal(full.code, 'late-answer');
    assert.deepEqual(full.codeDescription, { href: (RULES['late-answer'] as { href: string }).href });
    assert.deepEqual(full.tags, [DiagnosticTag.Unnecessary]);
    assert.deepEqual(full.relatedInformation, [{ location: { uri: 'file:///a', range }, message: 'hier' }]);
    const bare = toLspDiagnostic(kv, 'file:///a', 'en', { relatedInformation: false, codeDescription: false, unnecessaryTag: false });
    // Where the related place is, in the message of a client that shows no related locations; a place in
    // another document names its file (decoded when it can be).
    assert.equal(bare.message, 'late (here, line 2)');
    const elsewhere = { ...kv, related: [{ range, message: { en: 'Vraag 4', nl: 'Vraag 4' }, uri: 'file:///w/Kamervraag%20(1).kvr' }, { range, message: { en: 'x', nl: 'x' }, uri: 'file:///w/100%' }] };
    assert.equal(toLspDiagnostic(elsewhere, 'file:///a', 'nl', { relatedInformation: false, codeDescription: false, unnecessaryTag: false }).message,
      'laat (Vraag 4, Kamervraag (1).kvr regel 2; x, 100% regel 2)');
    assert.equal(bare.codeDescription, undefined);
    assert.equal(bare.tags, undefined);
    assert.equal(bare.relatedInformation, undefined);
  });

  it('a document\'s diagnostics: in the session\'s language, at most maxNumberOfProblems and a note', () => {
    const f = fixture('Kamervraag 2024Z30000\n\nTitel\n');
    const all = diagnostics(f.analysis, f.document, context({ locale: 'nl' }));
    assert.ok(all.length >= 2, all.map((d) => d.code).join(', '));
    const one = diagnostics(f.analysis, f.document, context({ maxNumberOfProblems: 1 }));
    assert.deepEqual(one.map((d) => d.code).slice(1), ['too-many-problems']);
    assert.equal(one.length, 2);
  });
});
