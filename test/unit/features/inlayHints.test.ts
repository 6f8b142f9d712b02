/** Inlay hints after references, from a fixture whose `⟦|⟧` cursors mark where each hint must stand. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { readSettings } from '../../../server/src/core/config';
import { inlayHints, MAX_HINTS, shorten } from '../../../server/src/features/inlayHints';
import { analyze } from '../../../server/src/core/analysis';
import { context, doc, fixture } from '../../support/features';

const f = fixture(
  doc(
    [
      ' • Vraag 1', '  Hoeveel agenten zijn er in dienst bij de nationale politie en hoeveel vacatures zijn er open?', '', '  Er zijn er 48.000.', '',
      ' • Vraag 2', '  Is dat genoeg?', '', '  Zie antwoord vraag 1⟦|⟧.', '',
      ' • Vraag 3', '  Wat gaat u doen?', '', '  Ik verwijs naar de antwoorden op de vragen 1⟦|⟧ en 2⟦|⟧, en naar vraag 9.', '',
      ' • Vraag 4', '  Waarom?', '', '  Zie de antwoorden op de vragen 1⟦|⟧ t/m 3⟦|⟧.', '',
    ].join('\n'),
  ),
);
const whole = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };
const params = (range = whole) => ({ textDocument: f.document.textDocument, range });
const withSettings = (layer: unknown, locale: 'en' | 'nl' = 'en') => context({ settings: readSettings(layer).settings, locale });

describe('inlay hints', () => {
  it('after each written number that names a question: its first words, padded on the left', () => {
    const hints = inlayHints(f.analysis, params(), context());
    assert.deepEqual(hints.map((h) => h.position), f.cursors);
    assert.ok(hints.every((h) => h.paddingLeft === true));
    assert.deepEqual(hints.map((h) => h.label), [
      'Hoeveel agenten zijn er in dienst bij…',
      'Hoeveel agenten zijn er in dienst bij…',
      'Is dat genoeg?',
      'Hoeveel agenten zijn er in dienst bij…',
      'Wat gaat u doen?',
    ]);
    // The numbers between the ends of a range (2 in "1 t/m 3") and a number without a question (9) get none.
  });

  it('the tooltip holds the whole question, in the session language', () => {
    const [first] = inlayHints(f.analysis, params(), context({ locale: 'nl' }));
    const tooltip = first!.tooltip as MarkupContent;
    assert.equal(tooltip.kind, 'markdown');
    assert.match(tooltip.value, /^\*\*Vraag 1\*\*\n\n> Hoeveel agenten .* hoeveel vacatures zijn er open\?$/);
  });

  it('kamervraag.inlayHints.maxLength: the label fits, "…" included, cut at a word where one is near', () => {
    const labels = inlayHints(f.analysis, params(), withSettings({ inlayHints: { maxLength: 12 } })).map((h) => h.label as string);
    assert.ok(labels.every((l) => l.length <= 12), labels.join(' | '));
    assert.equal(labels[0], 'Hoeveel…');
    // A word boundary far back (under 60 % of the room) is not taken: the word is cut instead.
    assert.equal(labels[2], 'Is dat geno…');
    assert.equal(shorten('Is dat genoeg?', 14), 'Is dat genoeg?');
    assert.equal(shorten('Is dat genoeg?', 1), '…');
  });

  it('kamervraag.inlayHints.enabled false: none', () => {
    assert.deepEqual(inlayHints(f.analysis, params(), withSettings({ inlayHints: { enabled: false } })), []);
  });

  it('only those inside the requested range', () => {
    const [, second, third] = f.cursors;
    const hints = inlayHints(f.analysis, params({ start: second!, end: third! }), context());
    assert.deepEqual(hints.map((h) => h.position), [second, third]);
    const oneLine = { start: { line: f.cursors[3]!.line, character: 0 }, end: { line: f.cursors[3]!.line, character: 1000 } };
    assert.deepEqual(inlayHints(f.analysis, params(oneLine), context()).map((h) => h.position), [f.cursors[3], f.cursors[4]]);
    assert.deepEqual(inlayHints(f.analysis, params({ start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }), context()), []);
  });

  it('a request without a usable range: the whole document', () => {
    assert.equal(inlayHints(f.analysis, { textDocument: f.document.textDocument } as never, context()).length, 5);
  });

  it('at most MAX_HINTS in one answer, the first of the range (a line of 5,000 references)', () => {
    const huge = analyze(doc([' • Vraag 1', '  Waarom?', '', '  Nee.', '', ' • Vraag 2', '  En?', '', `  ${'zie antwoord vraag 1, '.repeat(5000)}`, ''].join('\n')));
    const hints = inlayHints(huge, params(), context());
    assert.equal(hints.length, MAX_HINTS);
    const line = huge.document.blocks.lines.line(hints[0]!.position.line);
    // Each after its number, the first two the first two references of the line.
    const first = line.indexOf('vraag 1') + 'vraag 1'.length;
    assert.deepEqual(hints.slice(0, 2).map((h) => h.position.character), [first, line.indexOf('vraag 1', first) + 'vraag 1'.length]);
    assert.ok(hints.every((h, i) => i === 0 || h.position.character > hints[i - 1]!.position.character), 'in order along the line');
  });
});
