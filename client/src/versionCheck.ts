/**
 * What vscode-languageclient's Node client asks of `semver` when it starts: `parse(vscode.version)` and
 * `satisfies(version, '^1.91.0')` (its `checkVersion`, with the version's pre-release part cleared first).
 * The desktop bundle takes these two functions from here (scripts/build.mjs) instead of semver, whose
 * range parser was 6.5 KB of the .vsix's 400 KB budget for that one caret range. VS Code itself refuses
 * the extension on a version outside the manifest's `engines.vscode`, so this check only repeats it.
 *
 * Same answers as semver for what the client passes (test/vscode/unit/versionCheck.test.ts compares them, and
 * reads the client's range to make sure it is still a caret range).
 */

/** A version as semver's `parse` gives it, with the fields the client reads and writes. */
export interface ParsedVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  prerelease: (string | number)[];
  readonly version: string;
}

const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][a-zA-Z0-9-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][a-zA-Z0-9-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** `semver.parse` of a full version (`1.100.3`, `1.101.0-insider`), or null. */
export function parse(text: unknown): ParsedVersion | null {
  const m = typeof text === 'string' ? VERSION.exec(text.trim()) : null;
  if (!m) return null;
  const prerelease = m[4] ? m[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [];
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease, version: `${m[1]}.${m[2]}.${m[3]}${m[4] ? `-${m[4]}` : ''}` };
}

/**
 * `semver.satisfies(version, range)` for a parsed version (the client passes `parse`'s result) and a caret
 * range `^X.Y.Z` with X ≥ 1: the same major version, and not before X.Y.Z; a pre-release version only when
 * the range names the same X.Y.Z with one (never here).
 * Any other range is taken as satisfied: VS Code has checked `engines.vscode` before the client runs.
 */
export function satisfies(v: ParsedVersion, range: string): boolean {
  const r = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!r || Number(r[1]) === 0) return true;
  const [major, minor, patch] = [Number(r[1]), Number(r[2]), Number(r[3])];
  if (v.major !== major || v.prerelease.length > 0) return false;
  return v.minor > minor || (v.minor === minor && v.patch >= patch);
}
