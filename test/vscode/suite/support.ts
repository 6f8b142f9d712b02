// What the VS Code suites share (not a test file: index.ts loads only `*.test.js`); the web suite
// (test/vscode-web/check.ts) imports it too, so it uses nothing of Node.

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
