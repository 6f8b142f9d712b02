/**
 * Dutch dates (`30 oktober 2014`): the hand reader of the common spelling and the regular expression
 * for the rest give what the one expression gave for every text; days in a month as the calendar has them.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { daysInMonth, MONTHS, readDutchDate, type DateReading } from '../../server/src/core/dates';

/** The reading as one regular expression gave it before the hand reader (the oracle). */
function byExpression(text: string): DateReading {
  const m = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(text.trim());
  if (!m) return { kind: 'unreadable' };
  const day = Number(m[1]);
  const year = Number(m[3]);
  const month = MONTHS.indexOf(m[2]!.toLowerCase() as (typeof MONTHS)[number]) + 1;
  if (month === 0) return { kind: 'unknown-month', month: m[2]! };
  // The days of the month in the Gregorian calendar (setUTCFullYear: the year as given, also below 100).
  const end = new Date(0);
  end.setUTCFullYear(year, month, 0);
  const days = end.getUTCDate();
  if (day < 1 || day > days) return { kind: 'no-such-day', day, month, year };
  return { kind: 'ok', date: { year, month, day } };
}

describe('readDutchDate', () => {
  it('reads the format\'s dates, in any case, and says what is wrong with the others', () => {
    assert.deepEqual(readDutchDate('30 oktober 2014'), { kind: 'ok', date: { year: 2014, month: 10, day: 30 } });
    assert.deepEqual(readDutchDate('1 MEI 2024'), { kind: 'ok', date: { year: 2024, month: 5, day: 1 } });
    assert.deepEqual(readDutchDate(' 29  februari\t2024 '), { kind: 'ok', date: { year: 2024, month: 2, day: 29 } });
    assert.deepEqual(readDutchDate('29 februari 2023'), { kind: 'no-such-day', day: 29, month: 2, year: 2023 });
    assert.deepEqual(readDutchDate('0 mei 2024'), { kind: 'no-such-day', day: 0, month: 5, year: 2024 });
    assert.deepEqual(readDutchDate('3 octobre 2014'), { kind: 'unknown-month', month: 'octobre' });
    assert.deepEqual(readDutchDate('3 maärt 2014'), { kind: 'unknown-month', month: 'maärt' });
    for (const t of ['', '30-10-2014', '30 oktober 14', '130 oktober 2014', '30 oktober 2014 (na 3 dagen)', 'oktober 2014']) {
      assert.deepEqual(readDutchDate(t), { kind: 'unreadable' }, t);
    }
  });

  it('gives for every text what the one regular expression gave', () => {
    const piece = fc.constantFrom('1', '30', '031', '2014', '0000', ' ', '  ', '\t', '\u00a0', '\u2003', 'mei', 'MEI', 'Oktober', 'februari', 'maärt', 'x', '', '-', '\n', '٣');
    fc.assert(fc.property(fc.array(piece, { maxLength: 7 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(readDutchDate(text), byExpression(text), JSON.stringify(text));
    }), { numRuns: 3000, seed: 20261202 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 11 }), fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 4, 100, 400, 1900, 2000)), (day, month, year) => {
      const text = `${day} ${MONTHS[month]} ${String(year).padStart(4, '0')}`;
      assert.deepEqual(readDutchDate(text), byExpression(text), text);
    }), { numRuns: 3000, seed: 20261203 });
  });

  it('daysInMonth: as the calendar (Date) has them, leap years included', () => {
    for (let year = 0; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) {
        const date = new Date(0);
        date.setUTCFullYear(year, month, 0);
        assert.equal(daysInMonth(year, month), date.getUTCDate(), `${year}-${month}`);
      }
    }
  });
});
