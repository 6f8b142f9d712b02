/**
 * URIs of files, one normalisation everywhere. Clients spell the URI of one file in different ways: VS
 * Code (vscode-uri) escapes `( ) & + ' ,` and writes `c%3A` for a drive letter, Node's `pathToFileURL`
 * does not, Neovim has its own rules. The server makes the URIs of files it finds itself as VS Code does
 * (`fileUri`), and compares URIs only through `uriKey`, so that "Kamervraag (1).txt" is one document
 * whether the editor opened it or the workspace index read it from disk.
 */
import { URI } from 'vscode-uri';

/** The URI of a file system path, as VS Code writes it. */
export function fileUri(file: string): string {
  return URI.file(file).toString();
}

/** The last part of `uri`, decoded (`Kamervraag%20(1).kvr` is `Kamervraag (1).kvr`; as written when it is no valid escape: `100%.kvr`). */
export function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `scheme:`: a URI, not a path or a word (vscode-uri would read those as file paths). */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * The form in which every spelling of one URI is the same string: parsed (percent-escapes decoded) and
 * written again as vscode-uri writes it. What is not a URI is its own key.
 */
export function uriKey(uri: string): string {
  if (!SCHEME.test(uri)) return uri;
  try {
    return parseFile(uri).toString();
  } catch {
    return uri;
  }
}

/**
 * The key of a workspace folder: its `uriKey` without a slash at the end (`file:///ws/` and `file:///ws`
 * are one folder, as clients send it either way; the root `file:///` keeps its own).
 */
export function folderKey(uri: string): string {
  return uriKey(uri).replace(/([^/:])\/+$/, '$1');
}

/**
 * `URI.parse` with the scheme in lower case (schemes are case-insensitive), and `file://localhost/…` read
 * as `file:///…` (RFC 8089), as Node's fileURLToPath reads it.
 */
export function parseFile(uri: string): URI {
  const parsed = URI.parse(uri.replace(SCHEME, (scheme) => scheme.toLowerCase()));
  return parsed.scheme === 'file' && parsed.authority.toLowerCase() === 'localhost' ? parsed.with({ authority: '' }) : parsed;
}
