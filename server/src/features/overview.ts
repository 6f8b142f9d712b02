/**
 * `kamervraag/overview`: every Kamervraag of the workspace folders (and every open one) with its state
 * against today — te laat, te beantwoorden, uitgesteld, beantwoord — its deadline and days left, and its
 * questions without an answer; for the editor's "Kamervragen" tree view. A pure function of the
 * workspace index; the days are counted again on every request, since today changes. Each row is judged
 * with the answer term of its own document's settings (`settingsOf`: the server's settings store, as for
 * the document's hover and checks). The server sends `kamervraag/overviewChanged` (no parameters) when
 * the index or the settings changed, so a view asks again.
 */
import { SETTING_BOUNDS, type KamervraagSettings } from '../core/config';
import { isoDate } from '../core/dates';
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
 * Nothing is needed: `{}` will do, and each document gets the term of its settings (the nearest
 * `.kamervraag.json` in its workspace folder, under the editor's `kamervraag.answerTermDays` where the user
 * set it; else 21). `answerTermDays`, for a client that wants to look at every document with one term
 * (another editor, a script): a whole number within its bounds counts for every row; anything else is
 * ignored. The VS Code client sends none.
 */
export interface OverviewParams {
  readonly answerTermDays?: unknown;
}

/** The term the request asks for, when it is a valid `answerTermDays`. */
function requestedTerm(params: OverviewParams | null | undefined): number | undefined {
  const days = params?.answerTermDays;
  const { min, max } = SETTING_BOUNDS.answerTermDays;
  return typeof days === 'number' && Number.isInteger(days) && days >= min && days <= max ? days : undefined;
}

export interface OverviewDocument extends OverviewRow {
  readonly uri: string;
  /** The term this row was judged with: the request's, or its document's `answerTermDays`. */
  readonly answerTermDays: number;
}

export interface Overview {
  /** The day the days were counted from (ISO). */
  readonly today: string;
  /**
   * The term every row was judged with: the request's when it gave one, else the one all rows share
   * (the session's when there are none); null when the rows' terms differ — each row has its own.
   */
  readonly answerTermDays: number | null;
  /** In the overview's order: te laat, te beantwoorden (first due first), uitgesteld, beantwoord. */
  readonly documents: readonly OverviewDocument[];
}

/**
 * The overview on `context.clock()`. `settingsOf(uri)` gives the settings that apply to a document (the
 * server: `SettingsStore.settingsForAll`); a document it does not know gets `context.settings`.
 */
export function overview(
  index: OverviewSource,
  params: OverviewParams,
  context: FeatureContext,
  settingsOf: (uri: string) => KamervraagSettings | undefined = () => undefined,
): Overview {
  const today = context.clock();
  const requested = requestedTerm(params);
  const documents: OverviewDocument[] = [];
  const terms = new Set<number>();
  for (const entry of index.entries()) {
    const termDays = requested ?? (settingsOf(entry.uri) ?? context.settings).answerTermDays;
    terms.add(termDays);
    documents.push({ uri: entry.uri, answerTermDays: termDays, ...overviewRow(entry, today, termDays) });
  }
  documents.sort((a, b) => compareRows(a, b) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const shared = terms.size === 0 ? (requested ?? context.settings.answerTermDays) : terms.size === 1 ? [...terms][0]! : null;
  return { today: isoDate(today), answerTermDays: shared, documents };
}
