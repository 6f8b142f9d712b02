/** What a new user finds in the repository: the license the manifest names, a changelog, and packaging that checks both. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/cli';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('repository', () => {
  it('LICENSE is the MIT license that package.json names', () => {
    assert.equal(JSON.parse(read('package.json')).license, 'MIT');
    const license = read('LICENSE');
    assert.match(license, /^MIT License\n\nCopyright \(c\) 2026 Kamervraag for VS Code contributors\n/);
    assert.match(license, /Permission is hereby granted, free of charge, to any person obtaining a copy/);
    assert.match(license, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
  });

  it('CHANGELOG.md keeps a changelog: Unreleased first, then the manifest\'s version with its date', () => {
    const changelog = read('CHANGELOG.md');
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => [m[1], m[2]]);
    assert.equal(versions[0]![0], 'Unreleased');
    assert.equal(versions[1]![0], JSON.parse(read('package.json')).version);
    assert.match(versions[1]![1] ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.match(changelog, /Keep a Changelog/);
    for (const issue of [12, 13, 14, 15]) assert.match(changelog, new RegExp(`\\(issue ${issue}\\)`));
  });

  it('npm run package lets vsce check the license and requires LICENSE and CHANGELOG.md in the .vsix', () => {
    const script = read('scripts/vscode-package.mjs');
    assert.doesNotMatch(script, /skip-license/);
    const required = /const required = \[([\s\S]*?)\];/.exec(script)?.[1] ?? '';
    for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md']) assert.match(required, new RegExp(`'${file.replace('.', '\\.')}'`));
    for (const file of ['LICENSE', 'CHANGELOG.md']) assert.match(read('.vscodeignore'), new RegExp(`^!${file.replace('.', '\\.')}$`, 'm'));
  });
});
