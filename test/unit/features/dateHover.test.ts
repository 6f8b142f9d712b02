/** The hover on a date: weekday, the answer term, today (`⟦|⟧` cursors, a fixed clock). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { fixedClock } from '../../../server/src/core/clock';
import { readSettings } from '../../../server/src/core/config';
import { dateHover } from '../../../server/src/features/dateHover';
import { DOCUMENT_FEATURES } from '../../../server/src/features/index';
import { context, example, fixture } from '../../support/features';

const TODAY = fixedClock({ year: 2024, month: 11, day: 20 });

/** The hover at each cursor of `marked`, its paragraphs. */
function hovers(marked: string, locale: 'en' | 'nl' = 'en', termDays?: number) {
  const f = fixture(marked);
  const settings = termDays === undefined ? undefined : readSettings({ answerTermDays: termDays }).settings;
  return f.cursors.map((_, i) => {
    const h = dateHover(f.analysis, f.at(i), context({ locale, clock: TODAY, ...(settings ? { settings } : {}) }));
    return h ? { range: h.range, value: (h.contents as MarkupContent).value.split('\n\n') } : null;
  });
}

describe('the hover on a date', () => {
  it('Ingediend: the weekday and the last day of the term; a Mededeling: days after Ingediend, within the term; today', () => {
    // 2024Z16988: Ingediend 25 oktober 2024, a Mededeling of 15 november 2024, not answered.
    const text = example('2024Z16988.txt')
      .replace('Ingediend 25 oktober 2024', 'Ingediend 25 okt⟦|⟧ober 2024')
      .replace(' • Mededeling - 15 november 2024', ' • Mededeling - ⟦|⟧15 november 2024');
    const [ingediend, mededeling] = hovers(text, 'nl');
    assert.deepEqual(ingediend!.value, ['**vrijdag 25 oktober 2024**', 'De termijn van 21 dagen loopt tot en met vrijdag 15 november 2024.', '26 dagen geleden.']);
    assert.deepEqual(mededeling!.value, ['**vrijdag 15 november 2024**', '21 dagen na Ingediend, binnen de termijn van 21 dagen.', '5 dagen geleden.']);
    const [en] = hovers(text, 'en', 14);
    assert.deepEqual(en!.value, ['**Friday 25 October 2024**', 'The term of 14 days runs until Friday 8 November 2024.', '26 days ago.']);
    const f = fixture(text);
    assert.deepEqual(ingediend!.range, { start: { line: f.cursors[0]!.line, character: 10 }, end: { line: f.cursors[0]!.line, character: 25 } });
  });

  it('Beantwoord: days after Ingediend, past the term when late; yesterday, today, tomorrow', () => {
    // 2014Z19222: Ingediend 30 oktober 2014, Beantwoord 24 november 2014 (25 days).
    const text = example('2014Z19222.txt').replace('Beantwoord 24 november 2014', 'Beantwoord ⟦|⟧24 november 2014');
    assert.deepEqual(hovers(text)[0]!.value, ['**Monday 24 November 2014**', '25 days after Ingediend, 4 days past the term of 21 days.', '3649 days ago.']);
    assert.deepEqual(hovers(text, 'nl')[0]!.value[1], '25 dagen na Ingediend, 4 dagen na de termijn van 21 dagen.');
    const near = (date: string) => hovers(text.replace('24 november 2014', date))[0]!.value[2];
    assert.deepEqual([near('19 november 2024'), near('20 november 2024'), near('21 november 2024'), near('22 november 2024')], ['Yesterday.', 'Today.', 'Tomorrow.', 'In 2 days.']);
  });

  it('nothing on a date that does not exist or off the date; the hover request answers with it', () => {
    const text = example('2014Z19222.txt');
    assert.deepEqual(hovers(text.replace('Beantwoord 24 november 2014', 'Beantwoord 31 ⟦|⟧november 2014')), [null]);
    assert.deepEqual(hovers(text.replace('Beantwoord 24 november 2014', 'Beant⟦|⟧woord 24 november 2014')), [null]);
    // Through the feature table, as the server answers textDocument/hover.
    const f = fixture(text.replace('Ingediend 30 oktober 2014', 'Ingediend 30 oktober 2014⟦|⟧'));
    const h = DOCUMENT_FEATURES.hover.run(f.analysis, f.at(), context({ clock: TODAY })) as { contents: MarkupContent } | null;
    assert.equal(h!.contents.value.split('\n\n')[0], '**Thursday 30 October 2014**');
  });
});
