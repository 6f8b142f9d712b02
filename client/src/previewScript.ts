/**
 * The script of the preview's page (previewHtml.ts), run in the webview, not in the extension host: it is
 * written into the page as the source of `previewScript` (a function that uses nothing outside itself).
 * It takes the new content when the document changed (keeping the place the reader was at), scrolls to
 * the line the editor shows at its top, and on a double click asks the extension to show that line of
 * the text; VS Code keeps its place while it is hidden. The paragraph of the editor's cursor is marked.
 * Messages: to the page `{ type: 'update', body }`, `{ type: 'scroll', line }`, `{ type: 'cursor', line }`; from it
 * `{ type: 'reveal', line }`.
 */
declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

export function previewScript(): void {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('content')!;

  /** The last element (in document order, so by line) that starts at or before `line`. */
  const elementAt = (line: number): HTMLElement | undefined => {
    const all = main.querySelectorAll<HTMLElement>('[data-line]');
    let lo = 0;
    let hi = all.length - 1;
    let found: HTMLElement | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (Number(all[mid]!.dataset.line) <= line) {
        found = all[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  /** The first element not above the window: where the reader is. */
  const topElement = (): HTMLElement | undefined =>
    Array.from(main.querySelectorAll<HTMLElement>('[data-line]')).find((e) => e.getBoundingClientRect().bottom > 0);

  /** The element of the editor's cursor line, marked (as Markdown's preview marks it). */
  let cursorLine = Number(main.dataset.cursor ?? -1);
  const markCursor = (): void => {
    main.querySelector('.cursor')?.classList.remove('cursor');
    if (cursorLine >= 0) elementAt(cursorLine)?.classList.add('cursor');
  };
  markCursor();

  window.addEventListener('message', (event: MessageEvent<{ type: string; body?: string; line?: number }>) => {
    const message = event.data;
    if (message.type === 'cursor' && typeof message.line === 'number') {
      cursorLine = message.line;
      markCursor();
    } else if (message.type === 'update' && typeof message.body === 'string') {
      // The reader's place: the element at the top of the window, found again by its line.
      const top = topElement();
      const line = top ? Number(top.dataset.line) : 0;
      const offset = top ? top.getBoundingClientRect().top : 0;
      main.innerHTML = message.body;
      const again = elementAt(line);
      if (again) window.scrollBy(0, again.getBoundingClientRect().top - offset);
      markCursor();
    } else if (message.type === 'scroll' && typeof message.line === 'number') {
      const target = elementAt(message.line);
      if (target) window.scrollBy(0, target.getBoundingClientRect().top - 8);
      else window.scrollTo(0, 0);
    }
  });

  // The place the reader is at, kept by VS Code while the preview is hidden (its page is made again when shown).
  let saving: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('scroll', () => {
    if (saving !== undefined) return;
    saving = setTimeout(() => {
      saving = undefined;
      const top = topElement();
      vscode.setState({ line: top ? Number(top.dataset.line) : 0 });
    }, 100);
  });
  // Where the page opens: the place it had before it was hidden, else the editor's top line.
  const saved = vscode.getState() as { line?: unknown } | undefined;
  const start = typeof saved?.line === 'number' ? saved.line : Number(main.dataset.start ?? 0);
  if (start > 0) elementAt(start)?.scrollIntoView();

  // A double click goes to the text: it selects no word here.
  document.addEventListener('mousedown', (event) => {
    if (event.detail > 1) event.preventDefault();
  });
  document.addEventListener('dblclick', (event) => {
    const target = (event.target as Element | null)?.closest<HTMLElement>('[data-line]');
    if (!target) return;
    target.classList.add('revealed');
    setTimeout(() => target.classList.remove('revealed'), 800);
    vscode.postMessage({ type: 'reveal', line: Number(target.dataset.line) });
  });
}
