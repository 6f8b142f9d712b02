/** The language status item's detail with the answer term (client/src/status.ts, plain Node). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusDetail, type KamervraagStatus } from '../../../client/src/status';

const waiting: KamervraagStatus = {
  zaaknummer: '2024Z18439',
  title: 'Titel',
  questions: 22,
  unanswered: 22,
  answered: false,
  diagnostics: { errors: 0, warnings: 0 },
  term: { state: 'te beantwoorden', deadline: '2024-12-05', daysLeft: 5, postponedOn: null, text: 'antwoord verwacht uiterlijk 5 december 2024 (nog 5 dagen)' },
};

test('status detail of a document that waits for its answer ends with the term', () => {
  assert.equal(statusDetail(waiting), '2024Z18439 · no problems · antwoord verwacht uiterlijk 5 december 2024 (nog 5 dagen)');
  assert.equal(
    statusDetail({ ...waiting, term: { ...waiting.term!, state: 'te laat', daysLeft: -12, text: 'termijn verstreken op 5 december 2024 (12 dagen geleden)' } }),
    '2024Z18439 · no problems · termijn verstreken op 5 december 2024 (12 dagen geleden)',
  );
  assert.equal(statusDetail({ ...waiting, term: { ...waiting.term!, state: 'uitgesteld', text: 'uitstel gemeld op 15 november 2024' } }), '2024Z18439 · no problems · uitstel gemeld op 15 november 2024');
});

test('an answered document, or a server without the term: the detail as before', () => {
  assert.equal(statusDetail({ ...waiting, answered: true, term: { ...waiting.term!, state: 'beantwoord', text: 'beantwoord op 1 december 2024' } }), '2024Z18439 · no problems');
  assert.equal(statusDetail({ ...waiting, term: undefined }), '2024Z18439 · no problems');
});

test('a text that is no Kamervraag: no answer term in the detail (its Ingediend is not missing, the whole format is)', () => {
  const alien = { ...waiting, zaaknummer: null as unknown as string, diagnostics: { errors: 1, warnings: 0 }, notAKamervraag: true,
    term: { state: 'te beantwoorden', deadline: null, daysLeft: null, postponedOn: null, text: 'no readable Ingediend date: the term is unknown' } };
  assert.equal(statusDetail(alien), '1 error');
});
