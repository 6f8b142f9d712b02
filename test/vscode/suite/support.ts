// What the VS Code suites share (not a test file: index.ts loads only `*.test.js`); the web suite
// (test/vscode-web/check.ts) imports it too, so it uses nothing of Node.

/** What the extension's activate() returns, as the tests see it (client/src/extension.ts, `KamervraagApi`). */
export interface KamervraagApi {
  readonly client: { isRunning(): boolean } | undefined;
  whenStarted(): Promise<{ isRunning(): boolean } | undefined>;
  languageStatus(): { text: string; detail: string | undefined; severity: number };
  refreshStatus(): Promise<void>;
  /** The Kamervragen view's badge. */
  overviewBadge(): { value: number; tooltip: string } | undefined;
  /** The content (HTML) the preview of a document shows. */
  previewBody(uri: { toString(): string }): string | undefined;
}

/**
 * Polls `fn` every 100 ms until it gives something other than undefined (a thrown error counts as not
 * yet, and is named if time runs out), or fails after `timeoutMs`: the extension host answers
 * asynchronously (the server starts, diagnostics are published after a debounce). `intervalMs`: how
 * often it looks.
 */
export async function waitFor<T>(
  what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A date written as the format writes it (`2 december 2026`); today's by default, as the extension's clock has it. */
export function dutchDate(date: Date = new Date()): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** A group or row of the Kamervragen view as shown: what the `kamervraag.overview.items` command gives (client/src/overview.ts). */
export interface ShownItem {
  label: string;
  description?: string;
  tooltip?: string;
  uri?: string;
  children?: ShownItem[];
}

/** The view's group labels with their counts, in VS Code's display language (Dutch when `nl`). */
export function overviewGroups(nl: boolean): { late: RegExp; due: RegExp; postponed: RegExp; answered: RegExp } {
  return nl
    ? { late: /^Te laat \((\d+)\)$/, due: /^Te beantwoorden \((\d+)\)$/, postponed: /^Uitgesteld \((\d+)\)$/, answered: /^Beantwoord \((\d+)\)$/ }
    : { late: /^Overdue \((\d+)\)$/, due: /^To be answered \((\d+)\)$/, postponed: /^Postponed \((\d+)\)$/, answered: /^Answered \((\d+)\)$/ };
}

/** The group of the view whose label matches `re`. */
export const overviewGroup = (tree: readonly ShownItem[], re: RegExp): ShownItem | undefined => tree.find((g) => re.test(g.label));

/** The row of `zaaknummer` in a group (its label is the zaaknummer and the title). */
export const overviewRow = (group: ShownItem | undefined, zaaknummer: string): ShownItem | undefined =>
  group?.children?.find((r) => r.label.startsWith(`${zaaknummer} `));
