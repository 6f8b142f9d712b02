/** The settings the manifest contributes agree with the server's (core/config.ts) and with the rule table. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/diagnostic';
import { DEFAULT_SETTINGS, SETTING_BOUNDS, SEVERITY_SETTINGS } from '../../server/src/core/config';
import { severityDescription } from '../../server/src/cli/configSchema';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8'));
const properties: Record<string, { default?: unknown; minimum?: number; maximum?: number; markdownDescription?: string; properties?: Record<string, { enum: string[]; markdownDescription?: string }> }> =
  read('package.json').contributes.configuration.properties;

describe('the manifest settings', () => {
  it('each has the default of DEFAULT_SETTINGS and the bounds the server reads', () => {
    const expected: Record<string, unknown> = {
      'kamervraag.validate.enable': DEFAULT_SETTINGS.validate.enable,
      'kamervraag.diagnostics.severity': {},
      'kamervraag.answerTermDays': DEFAULT_SETTINGS.answerTermDays,
      'kamervraag.inlayHints.enabled': DEFAULT_SETTINGS.inlayHints.enabled,
      'kamervraag.inlayHints.maxLength': DEFAULT_SETTINGS.inlayHints.maxLength,
      'kamervraag.codeLens.enabled': DEFAULT_SETTINGS.codeLens.enabled,
      'kamervraag.maxNumberOfProblems': DEFAULT_SETTINGS.maxNumberOfProblems,
    };
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(properties[key]?.default, value, key);
    for (const [name, bounds] of Object.entries(SETTING_BOUNDS)) {
      const p = properties[`kamervraag.${name}`]!;
      assert.equal(p.minimum, bounds.min, name);
      if (name !== 'maxNumberOfProblems') assert.equal(p.maximum, bounds.max, name);
    }
  });

  it('diagnostics.severity offers every check code with the five choices', () => {
    const codes = properties['kamervraag.diagnostics.severity']!.properties!;
    assert.deepEqual(Object.keys(codes).sort(), Object.keys(RULES).sort());
    for (const p of Object.values(codes)) assert.deepEqual(p.enum, SEVERITY_SETTINGS);
  });

  it('every description is in English and Dutch', () => {
    const en = read('package.nls.json');
    const nl = read('package.nls.nl.json');
    for (const [key, p] of Object.entries(properties)) {
      const m = /^%(.+)%$/.exec(p.markdownDescription ?? (p as { description?: string }).description ?? '');
      assert.ok(m, `${key} has a localized description`);
      assert.ok(en[m[1]!] && nl[m[1]!] && en[m[1]!] !== nl[m[1]!], `${m[1]} in both languages`);
    }
  });

  it('each check code\'s severity setting is described in English and Dutch, from RULES (npm run docs:schema writes the texts)', () => {
    const en = read('package.nls.json');
    const nl = read('package.nls.nl.json');
    const codes = properties['kamervraag.diagnostics.severity']!.properties!;
    for (const code of Object.keys(RULES) as (keyof typeof RULES)[]) {
      assert.equal(codes[code]!.markdownDescription, `%config.severity.${code}%`, code);
      assert.equal(en[`config.severity.${code}`], severityDescription(code, 'en'), code);
      assert.equal(nl[`config.severity.${code}`], severityDescription(code, 'nl'), code);
    }
    assert.match(nl['config.severity.late-answer'], /^Na meer dan drie weken beantwoord .* \(standaard: `information`\)$/);
    assert.match(en['config.severity.cross-reference-unknown-question'], /\(in the editor only: needs the workspace\)\. \(default: `warning`\)$/);
    const generated = Object.keys(en).filter((k) => k.startsWith('config.severity.'));
    assert.deepEqual(generated.sort(), Object.keys(RULES).map((c) => `config.severity.${c}`).sort(), 'no text of a code that is gone');
  });
});
