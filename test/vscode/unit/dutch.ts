/** A `vscode.l10n` that reads the Dutch bundle, as VS Code does in a Dutch display language (for the client's unit tests). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { english, type L10n } from '../../../client/src/status';

const bundle = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../l10n/bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;

export const dutch: L10n = {
  t: (message, ...args) => {
    const translated = bundle[message];
    assert.ok(translated, `no Dutch for ${JSON.stringify(message)} in l10n/bundle.l10n.nl.json`);
    return english.t(translated, ...args);
  },
};
