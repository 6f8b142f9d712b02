/**
 * `kamervraag/overview`: every Kamervraag of the workspace folders (and every open one) with its state
 * against today — te laat, te beantwoorden, uitgesteld, beantwoord — its deadline and days left, and its
 * questions without an answer; for the editor's "Kamervragen" tree view. A pure function of the
 * workspace index; the days are counted again on every request, since today changes. The server sends
 * `kamervraag/overviewChanged` (no parameters) when the index changed, so a view asks again.
 */
import { SETTING_BOUNDS } from '../core/config';
import { isoDate } from '../core/dates';
import { DEFAULT_ANSWER_TERM_DAYS } from '../core/term';
import { compareRows, overviewRow, type OverviewRow } from '../service/overview';
import type { IndexedDocument } from '../service/summaries';
import type { FeatureContext } from './context';

export const OVERVIEW_METHOD = 'kamervraag/overview';
export const OVERVIEW_CHANGED = 'kamervraag/overviewChanged';

/** What the overview reads of the workspace index. */
export interface OverviewSource {
  entries(): Iterable<IndexedDocument>;
}

/**
 * `answerTermDays`: the term in days (the editor's `kamervraag.answerTermDays`; a whole number within
 * its bounds, else the default 21). Nothing else is needed: `{}` will do.
 */
export interface OverviewParams {
  readonly answerTermDays?: unknown;
}

/** The term the request asks for, when it is a valid `answerTermDays`. */
function termDaysOf(params: OverviewParams | null | undefined): number {
  const days = params?.answerTermDays;
  const { min, max } = SETTING_BOUNDS.answerTermDays;
  return typeof days === 'number' && Number.isInteger(days) && days >= min && days <= max ? days : DEFAULT_ANSWER_TERM_DAYS;
}

export interface OverviewDocument extends OverviewRow {
  readonly uri: string;
}

export interface Overview {
  /** The day the days were counted from (ISO). */
  readonly today: string;
  readonly answerTermDays: number;
  /** In the overview's order: te laat, te beantwoorden (first due first), uitgesteld, beantwoord. */
  readonly documents: readonly OverviewDocument[];
}

export function overview(index: OverviewSource, params: OverviewParams, context: FeatureContext): Overview {
  const today = context.clock();
  const termDays = termDaysOf(params);
  const documents: OverviewDocument[] = [];
  for (const entry of index.entries()) documents.push({ uri: entry.uri, ...overviewRow(entry, today, termDays) });
  documents.sort((a, b) => compareRows(a, b) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return { today: isoDate(today), answerTermDays: termDays, documents };
}
