/**
 * What makes a file a Kamervraag: its extension (`.kvr`, `.kamervraag`), or a `.txt` whose first line is
 * the header `Kamervraag <zaaknummer>`. One definition for the VS Code client (which bundles this file
 * alone, so it imports nothing), the language server's workspace index and the command-line tool; the
 * manifest's `firstLine` (package.json) says the same, and a unit test keeps it so.
 */

/**
 * The first line of a Kamervraag: `Kamervraag ` and a zaaknummer (four digits, `Z`, five digits), after an
 * optional byte-order mark. A sixth digit makes it another number; a letter after the five digits is a
 * typo in a Kamervraag (the checks report it), so only a digit ends the match.
 */
export const KAMERVRAAG_FIRST_LINE = /^\uFEFF?Kamervraag \d{4}Z\d{5}(?!\d)/;

/** Extensions that make a file a Kamervraag, whatever its first line. */
export const KAMERVRAAG_EXTENSIONS: readonly string[] = ['.kvr', '.kamervraag'];
/** Extensions of files that are a Kamervraag when their first line is a Kamervraag header. */
export const FIRST_LINE_EXTENSIONS: readonly string[] = ['.txt'];

/** Characters of a file's start that hold its first line, if it is a Kamervraag header. */
export const FIRST_LINE_CHARS = 64;

export function isKamervraagFirstLine(line: string): boolean {
  return KAMERVRAAG_FIRST_LINE.test(line);
}

/**
 * The extension of the last segment of a path or URI (`/` or `\` separated), in lower case with its dot;
 * '' when there is none. A name that starts with its only dot (`.kvr`) has none, as in `path.extname`.
 */
export function extensionOf(name: string): string {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const dot = name.lastIndexOf('.');
  return dot > slash + 1 ? name.slice(dot).toLowerCase() : '';
}

/**
 * What the extension of a file of this name makes it: a Kamervraag whatever its text (`kamervraag`), one
 * when its first line is a Kamervraag header (`if-header`: a `.txt`), or neither (null).
 */
export function extensionKind(name: string): 'kamervraag' | 'if-header' | null {
  const ext = extensionOf(name);
  return KAMERVRAAG_EXTENSIONS.includes(ext) ? 'kamervraag' : FIRST_LINE_EXTENSIONS.includes(ext) ? 'if-header' : null;
}

/** Whether a file of this name may be a Kamervraag: one of the extensions (a `.txt` still needs its first line). */
export function hasKamervraagExtension(name: string): boolean {
  return extensionKind(name) !== null;
}

/**
 * Whether a file of this name (a path or URI) is a Kamervraag, given the start of its text (at least its
 * first line, or `FIRST_LINE_CHARS` characters); without the text, a `.txt` is not.
 */
export function isKamervraagFile(name: string, start?: string): boolean {
  const kind = extensionKind(name);
  return kind === 'kamervraag' || (kind === 'if-header' && start !== undefined && isKamervraagFirstLine(start));
}
