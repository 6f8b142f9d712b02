/** `kamervraag/overview` over an in-memory workspace index with a fixed clock; the rows' order; the summary's overview part. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../../server/src/core/clock';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config';
import { parse } from '../../../server/src/core/parse';
import { overview } from '../../../server/src/features/overview';
import { MemoryWorkspace } from '../../../server/src/service/memoryWorkspace';
import { compareRows, overviewRow, type OverviewRow } from '../../../server/src/service/overview';
import { summarize, summarizeText } from '../../../server/src/service/summaries';
import { WorkspaceIndex } from '../../../server/src/service/workspaceIndex';
import { context, example } from '../../support/features';

const WS = 'file:///ws';
const NOV_20 = fixedClock({ year: 2024, month: 11, day: 20 });

async function indexed(): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(new MemoryWorkspace({
    [`${WS}/2014Z19222.txt`]: example('2014Z19222.txt'),
    [`${WS}/2024Z16988.txt`]: example('2024Z16988.txt'),
    [`${WS}/2024Z18294.txt`]: example('2024Z18294.txt'),
    [`${WS}/2024Z18439.txt`]: example('2024Z18439.txt'),
    [`${WS}/notes.txt`]: 'Boodschappen.\n',
  }));
  index.addFolder(WS);
  await index.whenReady();
  return index;
}

describe('kamervraag/overview', () => {
  it('every Kamervraag of the folder with its state on the clock\'s day, late first', async () => {
    const o = overview(await indexed(), {}, context({ clock: NOV_20 }));
    assert.equal(o.today, '2024-11-20');
    assert.deepEqual(o.documents.map((d) => [d.zaaknummer, d.state, d.days]), [
      ['2024Z18439', 'te beantwoorden', 15],
      ['2024Z16988', 'uitgesteld', null],
      ['2024Z18294', 'beantwoord', null],
      ['2014Z19222', 'beantwoord', null],
    ]);
  });

  it('the days are counted again on each request: two weeks later 2024Z18439 is late', async () => {
    const index = await indexed();
    const later = overview(index, {}, context({ clock: fixedClock({ year: 2024, month: 12, day: 6 }) }));
    assert.deepEqual(later.documents[0], {
      uri: `${WS}/2024Z18439.txt`,
      zaaknummer: '2024Z18439',
      title: later.documents[0]!.title,
      indieners: ['Westerveld (GroenLinks-PvdA)', 'Bushoff (GroenLinks-PvdA)'],
      ingediend: '2024-11-14',
      state: 'te laat',
      deadline: '2024-12-05',
      answerTermDays: 21,
      days: -1,
      questions: 22,
      unanswered: 22,
      beantwoord: null,
      postponedOn: null,
    });
  });

  it("each row has the term of its document's settings; documents without get the session's", async () => {
    const index = await indexed();
    const settingsOf = (uri: string) => (uri.endsWith('2024Z18439.txt') ? { ...DEFAULT_SETTINGS, answerTermDays: 5 } : undefined);
    const o = overview(index, {}, context({ clock: NOV_20, settings: { ...DEFAULT_SETTINGS, answerTermDays: 14 } }), settingsOf);
    assert.deepEqual(o.documents.map((d) => [d.zaaknummer, d.answerTermDays, d.state, d.deadline, d.days]), [
      ['2024Z18439', 5, 'te laat', '2024-11-19', -1],
      ['2024Z16988', 14, 'uitgesteld', '2024-11-08', null],
      ['2024Z18294', 14, 'beantwoord', '2024-11-27', null],
      ['2014Z19222', 14, 'beantwoord', '2014-11-13', null],
    ]);
    assert.equal(o.answerTermDays, null, 'the rows differ: no one term for all');
    assert.equal(overview(index, {}, context({ clock: NOV_20 })).answerTermDays, 21, 'the term all rows share');
  });

  it('a term in the request counts for every row, over the documents\' settings; nonsense is ignored', async () => {
    const index = await indexed();
    const settingsOf = () => ({ ...DEFAULT_SETTINGS, answerTermDays: 42 });
    const run = (params: object) => overview(index, params, context({ clock: NOV_20 }), settingsOf);
    const row = (params: object) => run(params).documents.find((d) => d.zaaknummer === '2024Z18439')!;
    assert.deepEqual([row({ answerTermDays: 5 }).state, row({ answerTermDays: 5 }).deadline, row({ answerTermDays: 5 }).days], ['te laat', '2024-11-19', -1]);
    assert.equal(run({ answerTermDays: 5 }).answerTermDays, 5);
    assert.ok(run({ answerTermDays: 5 }).documents.every((d) => d.answerTermDays === 5));
    for (const nonsense of [0, -3, 2.5, '30', null, 10_000]) assert.equal(row({ answerTermDays: nonsense }).deadline, '2024-12-26', String(nonsense));
  });

  it('an open document replaces its file, and the index tells its listeners', async () => {
    const index = await indexed();
    let heard = 0;
    index.onDidChange(() => heard++);
    const text = example('2024Z18439.txt').replace(/\n • Vraag 1\n(.*)\n/, '\n • Vraag 1\n$1\n\n  Het antwoord.\n');
    index.update(`${WS}/2024Z18439.txt`, parse(text));
    assert.equal(heard, 1);
    const row = overview(index, {}, context({ clock: NOV_20 })).documents.find((d) => d.zaaknummer === '2024Z18439')!;
    assert.equal(row.unanswered, 21);
    assert.equal(overview(index, {}, context({ clock: NOV_20 })).documents.length, 4);
  });
});

describe('overview rows', () => {
  const row = (over: Partial<OverviewRow>): OverviewRow => ({
    zaaknummer: '2024Z00001', title: null, indieners: [], ingediend: null, state: 'te beantwoorden', deadline: null, days: null,
    questions: 1, unanswered: 1, beantwoord: null, postponedOn: null, ...over,
  });
  it('by state, the open ones by deadline (none last), the answered ones latest first, then by zaaknummer', () => {
    const rows = [
      row({ zaaknummer: 'b', state: 'beantwoord', beantwoord: '2024-01-01' }),
      row({ zaaknummer: 'a', state: 'beantwoord', beantwoord: '2024-02-01' }),
      row({ zaaknummer: 'n', deadline: null }),
      row({ zaaknummer: 'd2', deadline: '2024-03-02' }),
      row({ zaaknummer: 'd1', deadline: '2024-03-01' }),
      row({ zaaknummer: 'u', state: 'uitgesteld', deadline: '2024-01-01' }),
      row({ zaaknummer: 'l', state: 'te laat', deadline: '2024-01-01' }),
    ];
    assert.deepEqual(rows.sort(compareRows).map((r) => r.zaaknummer), ['l', 'd1', 'd2', 'n', 'u', 'a', 'b']);
  });

  it('a document without Ingediend has no deadline and is te beantwoorden; the term in days is a parameter', () => {
    const text = 'Kamervraag 2024Z30000\n\nTitel\n\nIndiener Jansen\n • Vraag 1\n  Waarom?\n';
    const r = overviewRow(summarizeText('file:///a', text), { year: 2024, month: 1, day: 1 }, 21);
    assert.deepEqual([r.state, r.deadline, r.days, r.indieners, r.questions, r.unanswered], ['te beantwoorden', null, null, ['Jansen'], 1, 1]);
    const dated = summarize('file:///a', parse(text.replace('Indiener', 'Ingediend 1 december 2023\nIndiener')));
    assert.equal(overviewRow(dated, { year: 2024, month: 1, day: 1 }, 21).days, -10);
    assert.equal(overviewRow(dated, { year: 2024, month: 1, day: 1 }, 42).days, 11);
  });

  it('the summary counts questions without an answer as the parser reads blocks (a Mededeling between them)', () => {
    const text = 'Kamervraag 2024Z30000\n\nTitel\n\nIngediend 1 mei 2024\n • Vraag 1\n  Wat?\n\n  Dit.\n • Mededeling - 22 mei 2024\n  Later.\n\n  Echt.\n • Vraag 2\n\n  Waarom?\n • Vraag 3\n  Hoe?\n\n\n';
    for (const s of [summarizeText('file:///a', text), summarize('file:///a', parse(text))]) {
      assert.equal(s.unanswered, 2);
      assert.deepEqual(s.mededelingen, [{ date: { year: 2024, month: 5, day: 22 } }]);
    }
  });
});
