/**
 * Recognising a Kamervraag by its first line: the server's definition (`core/kamervraagFile.ts`, which
 * imports nothing, so the bundle takes that file alone). The manifest's `firstLine` says the same.
 */
import { KAMERVRAAG_EXTENSIONS } from '../../server/src/core/kamervraagFile';

export { isKamervraagFirstLine } from '../../server/src/core/kamervraagFile';

/**
 * The files that make a folder one of Kamervragen, for the manifest's `workspaceContains` activation events
 * (package.json; the manifest test holds the two together): with them the Kamervragen view shows as soon as
 * such a folder is opened, before any document is. A `.txt` is a Kamervraag by its first line; one named
 * with a zaaknummer (`2024Z16988.txt`, `kv-tk-2024Z16988.txt`) is the likely one.
 */
export const KAMERVRAAG_FILES_GLOB = `**/*.{${KAMERVRAAG_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
export const ZAAKNUMMER_TXT_GLOB = '**/*[0-9][0-9][0-9][0-9]Z[0-9][0-9][0-9][0-9][0-9]*.txt';
