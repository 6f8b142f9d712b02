/** Recognising a Kamervraag by its first line (the manifest's `firstLine` says the same). No `vscode` import. */

/** `Kamervraag 2014Z19222`: the header line of every Kamervraag (a byte-order mark may precede it). */
export const FIRST_LINE = /^\uFEFF?Kamervraag \d{4}Z\d{5}\b/;

export function isKamervraagFirstLine(line: string): boolean {
  return FIRST_LINE.test(line);
}
