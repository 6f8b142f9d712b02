/**
 * The language client's version check without semver (client/src/versionCheck.ts, bundled in its place by
 * scripts/build.mjs): the same answers as semver for what the client passes, the client's range still a
 * caret range, and semver's range parser out of the desktop bundle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parse, satisfies } from '../../../client/src/versionCheck';

/** The semver the language client would load, as it resolves it. */
interface SemVer { major: number; minor: number; patch: number; prerelease: (string | number)[]; version: string; format(): string }
const clientRequire = createRequire(require.resolve('vscode-languageclient/node'));
const semverParse = clientRequire('semver/functions/parse') as (v: string) => SemVer | null;
const semverSatisfies = clientRequire('semver/functions/satisfies') as (v: SemVer, range: string) => boolean;

const ROOT = path.join(__dirname, '..', '..', '..', '..');

const VERSIONS = [
  '1.91.0', '1.91.1', '1.90.9', '1.100.3', '1.105.0-insider', '1.91.0-insider', '1.200.0', '2.0.0', '0.10.11', '1.0.0',
  '1.91.0+build.7', 'v1.95.2', ' 1.95.2 ', '1.95', '1.95.2.1', '01.95.2', '1.95.2-', '1.95.2-alpha.01', '1.95.2-alpha.1.beta', 'code', '',
];
const RANGES = ['^1.91.0', '^1.100.0', '^1.0.5', '^2.0.0', '^1.91.1'];

test('parse reads what semver reads: the same numbers and pre-release parts, null for the same texts', () => {
  for (const v of VERSIONS) {
    const ours = parse(v);
    const theirs = semverParse(v);
    assert.equal(ours === null, theirs === null, JSON.stringify(v));
    if (ours && theirs) {
      assert.deepEqual([ours.major, ours.minor, ours.patch, ours.prerelease, ours.version],
        [theirs.major, theirs.minor, theirs.patch, theirs.prerelease, theirs.version], JSON.stringify(v));
    }
  }
});

test('satisfies answers as semver for caret ranges, on the version as the client passes it (pre-release cleared) and as it is', () => {
  let checked = 0;
  for (const v of VERSIONS) {
    for (const range of RANGES) {
      const ours = parse(v);
      const theirs = semverParse(v);
      if (!ours || !theirs) continue;
      assert.equal(satisfies(ours, range), semverSatisfies(theirs, range), `${v} ${range} (as it is)`);
      ours.prerelease = [];
      theirs.prerelease = [];
      theirs.format();
      assert.equal(satisfies(ours, range), semverSatisfies(theirs, range), `${v} ${range} (pre-release cleared)`);
      checked++;
    }
  }
  assert.ok(checked > 60, `${checked} pairs`);
  // The client's check with VS Code 1.100 (code-server 4.100.3) and with a version before the range.
  assert.equal(satisfies(parse('1.100.3')!, '^1.91.0'), true);
  assert.equal(satisfies(parse('1.90.2')!, '^1.91.0'), false);
});

test('the installed language client still asks about a caret range, and the manifest asks no less', () => {
  const main = readFileSync(path.join(ROOT, 'node_modules', 'vscode-languageclient', 'lib', 'node', 'main.js'), 'utf8');
  const required = /REQUIRED_VSCODE_VERSION = '([^']+)'/.exec(main)?.[1];
  assert.match(required ?? '', /^\^[1-9]\d*\.\d+\.\d+$/, 'a range versionCheck.ts reads');
  assert.match(main, /require\("semver\/functions\/parse"\)/);
  assert.match(main, /require\("semver\/functions\/satisfies"\)/);
  const engines = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.vscode as string;
  const lowest = parse(engines.replace(/^\^/, ''))!;
  assert.ok(satisfies(lowest, required!), `engines.vscode ${engines} satisfies the client's ${required}`);
});

test('the desktop bundle holds versionCheck.ts, not semver', () => {
  const bundle = readFileSync(path.join(ROOT, 'dist', 'extension.js'), 'utf8');
  assert.doesNotMatch(bundle, /comparatorTrimReplace/, "semver's range parser");
  assert.match(bundle, /No valid VS Code version detected/, "the client's version check is there");
});
