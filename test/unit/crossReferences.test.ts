/** Cross-document references: where a zaaknummer or a question of another document stands; resolved against a workspace. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analysis';
import { crossReferences } from '../../server/src/core/crossReferences';
import { definition } from '../../server/src/features/definition';
import { documentLinks } from '../../server/src/features/documentLinks';
import { crossReferenceHover, crossReferenceState } from '../../server/src/features/crossReferences';
import { diagnostics, FULL_SUPPORT } from '../../server/src/features/diagnostics';
import { status } from '../../server/src/features/status';
import { readSettings } from '../../server/src/core/config';
import { fixedClock } from '../../server/src/core/clock';
import type { MarkupContent } from 'vscode-languageserver-types';
import { parse } from '../../server/src/core/parse';
import { WorkspaceIndex } from '../../server/src/service/workspaceIndex';
import { context, doc, example, fixture } from '../support/features';

const shown = (text: string) => {
  const lines = text.split('\n');
  return crossReferences(parse(text), (l) => lines[l]!).map((r) => `${r.zaaknummer}${r.question === null ? '' : ` vraag ${r.question}`}: ${lines[r.range.start.line]!.slice(r.range.start.character, r.range.end.character)}`);
};

describe('cross references', () => {
  it('zaaknummers and kv-tk ids in the text; questions named before or after them; never the own zaaknummer', () => {
    assert.deepEqual(shown(doc(' • Vraag 1\n  Zie vraag 3 van het lid Omtzigt (2024Z11111) en kv-tk-2024Z22222.\n\n  Zie (2024Z11111, vragen 2 en 5), en ook 2024Z30000 en vraag 1.')), [
      '2024Z11111 vraag 3: 3',
      '2024Z11111: 2024Z11111',
      '2024Z22222: kv-tk-2024Z22222',
      '2024Z11111: 2024Z11111',
      '2024Z11111 vraag 2: 2',
      '2024Z11111 vraag 5: 5',
    ]);
  });

  it('"vraag 3 van eerdere vragen (2024Z…)", "van mijn eerdere schriftelijke vragen", "van de heer …": the other document\'s question', () => {
    assert.deepEqual(shown(doc(' • Vraag 1\n  In antwoord op vraag 3 van eerdere vragen (2024Z01234) stelde u dat. Wat bedoelde u met vraag 4 van mijn eerdere schriftelijke vragen (2024Z05678)?')), [
      '2024Z01234 vraag 3: 3',
      '2024Z01234: 2024Z01234',
      '2024Z05678 vraag 4: 4',
      '2024Z05678: 2024Z05678',
    ]);
  });

  it('a range or "of" list of another document\'s questions: each written number ("vragen 1 tot en met 4 van het lid … (2024Z…)", "(2024Z…, vragen 2 t/m 4)")', () => {
    assert.deepEqual(shown(doc(' • Vraag 1\n  Bent u bekend met de vragen 1 tot en met 4 van het lid Vedder (2024Z12000)? En (2024Z13000, vragen 2 t/m 4 of 6)?')), [
      '2024Z12000 vraag 1: 1',
      '2024Z12000 vraag 4: 4',
      '2024Z12000: 2024Z12000',
      '2024Z13000: 2024Z13000',
      '2024Z13000 vraag 2: 2',
      '2024Z13000 vraag 4: 4',
      '2024Z13000 vraag 6: 6',
    ]);
  });

  it('a question mention of the document itself is no cross reference, nor one too far from a zaaknummer', () => {
    assert.deepEqual(shown(doc(' • Vraag 1\n  Zie vraag 2.\n • Vraag 2\n  Zie vraag 1 (2024Z30000).')), []);
    assert.deepEqual(shown(doc(' • Vraag 1\n  Zie vraag 2. Dit is een zin. 2024Z11111')), ['2024Z11111: 2024Z11111']);
  });

  it('links and definitions need the other document in the workspace, and never lead to the document itself', () => {
    const index = new WorkspaceIndex();
    const other = 'file:///ws/2024Z16988.txt';
    index.update(other, parse(example('2024Z16988.txt')));
    const f = fixture(doc(' • Vraag 1\n  Zie vraag ⟦|⟧4 van de leden Van den Hil en Bikker (2024Z16988) en 2024Z99999.'));
    const links = documentLinks(f.analysis, f.document, context({ workspace: index }));
    assert.deepEqual(links.filter((l) => l.target!.startsWith('file:')).map((l) => l.target), [`${other}#L15,4`, other]);
    assert.deepEqual(documentLinks(f.analysis, f.document, context()).filter((l) => l.target!.startsWith('file:')), [], 'no workspace, no links');
    assert.deepEqual(definition(f.analysis, f.at(), context({ workspace: index })), [{ uri: other, range: { start: { line: 14, character: 3 }, end: { line: 14, character: 10 } } }]);
    // The other document is the one open: its own zaaknummer in its Mededeling leads nowhere.
    const self = analyze(example('2024Z16988.txt'));
    assert.deepEqual(documentLinks(self, { textDocument: { uri: other } }, context({ workspace: index })).filter((l) => l.target!.startsWith('file:')), []);
  });

  it('the hover on a cross reference: the other Kamervraag\'s zaaknummer, title and state today; for a question, its start', () => {
    const index = new WorkspaceIndex();
    index.update('file:///ws/2024Z16988.txt', parse(example('2024Z16988.txt')));
    index.update('file:///ws/2014Z19222.txt', parse(example('2014Z19222.txt')));
    const f = fixture(doc(' • Vraag 1\n  Zie vraag ⟦|⟧4 van de leden Van den Hil en Bikker (2024Z16988) en ook 2014Z⟦|⟧19222 en 2024Z⟦|⟧99999.'));
    const value = (i: number, locale: 'en' | 'nl' = 'en') => {
      const h = crossReferenceHover(f.analysis, f.at(i), context({ workspace: index, locale, clock: fixedClock({ year: 2024, month: 12, day: 1 }) }));
      return h ? (h.contents as MarkupContent).value : null;
    };
    assert.equal(value(0), [
      '**Kamervraag 2024Z16988**: Het bericht «Wachttijden ggz niet goed vastgelegd, zeggen onderzoekers»',
      'Postponement announced on 15 November 2024',
      // Question 4's first 80 characters, as the workspace index keeps them.
      '> Vraag 4: Klopt het dat de informatie over wachttijden nu twee jaar rechtstreeks bij de N…',
    ].join('\n\n'));
    assert.equal(value(1, 'nl'), '**Kamervraag 2014Z19222**: Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken\n\nBeantwoord op 24 november 2014');
    assert.equal(value(2), null, 'not in the workspace');
    assert.equal(crossReferenceHover(f.analysis, f.at(0), context()), null, 'no workspace');
  });

  it('the state the server compares after the workspace changed: it changes when the other Kamervraag\'s file is renamed (the warning points at it)', () => {
    const f = fixture(doc(' • Vraag 1\n  Zie vraag ⟦14⟧ van de leden Van den Hil en Bikker (2024Z16988).'));
    const stateWith = (uri: string) => {
      const index = new WorkspaceIndex();
      index.update(uri, parse(example('2024Z16988.txt')));
      return crossReferenceState(f.analysis, f.document.textDocument.uri, context({ workspace: index }));
    };
    assert.notEqual(stateWith('file:///ws/2024Z16988.txt'), '', 'a warning');
    assert.notEqual(stateWith('file:///ws/hernoemd.txt'), stateWith('file:///ws/2024Z16988.txt'));
    assert.equal(stateWith('file:///ws/2024Z16988.txt'), stateWith('file:///ws/2024Z16988.txt'));
  });

  it('a question the other Kamervraag of the workspace does not have is a warning, pointing at that document', () => {
    const index = new WorkspaceIndex();
    const other = 'file:///ws/2024Z16988.txt';
    index.update(other, parse(example('2024Z16988.txt')));
    const f = fixture(doc(' • Vraag 1\n  Zie vraag 4 en vraag ⟦14⟧ van de leden Van den Hil en Bikker (2024Z16988), (2024Z16988, vragen 2 en ⟦10⟧) en vraag 3 (2024Z99999).'));
    const found = (ctx = context({ workspace: index, diagnosticSupport: FULL_SUPPORT })) => diagnostics(f.analysis, f.document, ctx).filter((d) => d.code === 'cross-reference-unknown-question');
    const [d14] = found();
    assert.deepEqual(found().map((d) => d.range), f.ranges, 'questions 14 and 10; 4 and 2 exist, 2024Z99999 is not in the workspace');
    assert.equal(d14!.message, 'Kamervraag 2024Z16988 has no question 14 (that document has questions 1–9).');
    assert.equal(d14!.severity, 2);
    assert.deepEqual(d14!.relatedInformation, [{ location: { uri: other, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } } }, message: 'Kamervraag 2024Z16988' }]);
    assert.equal(found(context({ workspace: index, locale: 'nl' }))[1]!.message, 'Kamervraag 2024Z16988 heeft geen vraag 10 (dat document heeft vragen 1–9). (Kamervraag 2024Z16988, 2024Z16988.txt regel 1)', 'where it is, for a client without related locations');
    assert.deepEqual(found(context()), [], 'no workspace, no check');
    // The status counts them; a severity setting applies to them as to every check.
    const warnings = (ctx: ReturnType<typeof context>) => status(f.analysis, f.document, ctx).diagnostics.warnings;
    assert.equal(warnings(context({ workspace: index })) - warnings(context()), 2);
    const ignore = readSettings({ diagnostics: { severity: { 'cross-reference-unknown-question': 'ignore' } } }).settings;
    assert.deepEqual(found(context({ workspace: index, settings: ignore })), []);
    const asError = readSettings({ diagnostics: { severity: { 'cross-reference-unknown-question': 'error' } } }).settings;
    assert.deepEqual(found(context({ workspace: index, settings: asError })).map((d) => d.severity), [1, 1]);
    // A second copy of 2024Z16988 that has question 14 answers for it; the document itself is no other Kamervraag.
    const copy = example('2024Z16988.txt').replace(/\n • Mededeling/, '\n • Vraag 14\n  Een vraag meer?\n\n • Mededeling');
    index.update('file:///ws/kopie/2024Z16988.txt', parse(copy));
    assert.deepEqual(found().map((d) => d.message), ['Kamervraag 2024Z16988 has no question 10 (that document has questions 1–9).']);
    const self = fixture(example('2024Z16988.txt').replace(/\n • Mededeling/, '\n • Vraag 10\n  Zie vraag 14 van 2024Z16988.\n\n • Mededeling'));
    assert.deepEqual(diagnostics(self.analysis, { textDocument: { uri: other } }, context({ workspace: index })).filter((d) => d.code === 'cross-reference-unknown-question'), [],
      'its own zaaknummer is no cross reference');
  });
});

