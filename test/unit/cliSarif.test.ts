/**
 * `kamervraag check --format sarif` against the official SARIF 2.1.0 schema (test/fixtures/sarif), its
 * rules (what is wrong, what the rule checks, a help page that exists) and where it says the files are.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES, type RuleCode } from '../../server/src/core';
import { rulesMarkdown } from '../../server/src/cli/rules';
import { CHECKS, EXAMPLES, fixture, ROOT, run, tempDir } from '../support/cli';

/** The validator of the official schema. Its `language` pattern is not a valid Unicode regular expression: compiled without the `u` flag. */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();
const errorsOf = () => JSON.stringify(validate.errors?.slice(0, 5), null, 1);

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; helpUri: string }> } };
    artifacts: Array<{ location: { uri: string; uriBaseId?: string } }>;
    results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index: number } } }> }>;
    originalUriBaseIds: { SRCROOT: { uri: string } };
    invocations: Array<{ toolExecutionNotifications?: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }> }>;
  }>;
}

describe('kamervraag check --format sarif', () => {
  it('is valid SARIF 2.1.0 by the official schema: the examples, errors with related locations, an unreadable file, Dutch', () => {
    const dir = tempDir();
    fixture('duplicate-question-number.kvr', dir);
    fs.writeFileSync(path.join(dir, 'oud.kvr'), Buffer.from('Kamervraag 2024Z12345\n\nCr\xe8che\n', 'latin1'));
    for (const args of [[EXAMPLES], [dir], ['--lang', 'nl', `${CHECKS}/*.kvr`]]) {
      const r = run(['check', '--format', 'sarif', ...args]);
      const log: unknown = JSON.parse(r.out);
      assert.ok(validate(log), `${args.join(' ')}: ${errorsOf()}`);
      assert.ok((log as SarifLog).runs[0]!.results.length > 0, args.join(' '));
    }
  });

  it('the schema check can fail: a log without a message, with a line 0 or an unknown level is refused', () => {
    const log: SarifLog = JSON.parse(run(['check', '--format', 'sarif', fixture('duplicate-question-number.kvr')]).out);
    assert.ok(validate(log), errorsOf());
    const broken = [
      (l: SarifLog) => { delete (l.runs[0]!.results[0] as { message?: unknown }).message; },
      (l: SarifLog) => { (l.runs[0]!.results[0]!.locations[0]!.physicalLocation as unknown as { region: { startLine: number } }).region.startLine = 0; },
      (l: SarifLog) => { (l.runs[0]!.results[0] as unknown as { level: string }).level = 'info'; },
    ];
    for (const breakIt of broken) {
      const copy: SarifLog = structuredClone(log);
      breakIt(copy);
      assert.equal(validate(copy), false);
    }
  });

  it('every rule has what is wrong, what the rule checks and a help page section that exists', () => {
    const log: SarifLog = JSON.parse(run(['check', '--format', 'sarif', EXAMPLES]).out);
    const rules = log.runs[0]!.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), Object.keys(RULES));
    const page = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    for (const rule of rules) {
      const code = rule.id as RuleCode;
      assert.equal(rule.shortDescription.text, RULES[code].description.en);
      assert.equal(rule.fullDescription.text, RULES[code].fullDescription.en);
      assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length / 2, code);
      const url = new URL(rule.helpUri);
      assert.equal(url.hash, `#${code}`);
      assert.equal(fileURLToPath(url), path.join(ROOT, 'docs/rules.md'));
      assert.match(page, new RegExp(`^## ${code}$`, 'm'));
    }
    assert.match(rules.find((r) => r.id === 'late-answer')!.help.text, /Source: https:\/\/wetten\.overheid\.nl\//);
    const nl: SarifLog = JSON.parse(run(['check', '--format', 'sarif', '--lang', 'nl', EXAMPLES]).out);
    assert.equal(nl.runs[0]!.tool.driver.rules.find((r) => r.id === 'zaaknummer-mismatch')!.shortDescription.text, 'De zaaknummers van kopregel, Bron vraag en voettekst verschillen.');
  });

  it('docs/rules.md is the rule table as it is now (`npm run docs:rules` writes it)', () => {
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8'), rulesMarkdown(), 'docs/rules.md is out of date: run `npm run docs:rules`');
  });

  it('files under the working folder are relative to SRCROOT; others are absolute file URLs without a base', () => {
    const log: SarifLog = JSON.parse(run(['check', '--format', 'sarif', `${CHECKS}/days-wrong.kvr`, path.join(ROOT, CHECKS, 'missing-answer.kvr')]).out);
    const run0 = log.runs[0]!;
    assert.deepEqual(run0.artifacts.map((a) => a.location), [
      { uri: 'test/fixtures/checks/days-wrong.kvr', uriBaseId: 'SRCROOT' },
      { uri: 'test/fixtures/checks/missing-answer.kvr', uriBaseId: 'SRCROOT' },
    ]);
    assert.equal(run0.originalUriBaseIds.SRCROOT.uri, `${new URL(`file://${ROOT}/`).href}`);
    for (const r of run0.results) {
      const at = r.locations[0]!.physicalLocation.artifactLocation;
      assert.deepEqual({ uri: at.uri, uriBaseId: at.uriBaseId }, run0.artifacts[at.index]!.location);
    }
    const outside = fixture('days-wrong.kvr');
    const abs: SarifLog = JSON.parse(run(['check', '--format', 'sarif', outside, path.join(path.dirname(outside), 'gone.kvr')]).out);
    assert.deepEqual(abs.runs[0]!.artifacts.map((a) => a.location), [{ uri: new URL(`file://${outside}`).href }]);
    assert.equal(abs.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uriBaseId, undefined);
    const gone = abs.runs[0]!.invocations[0]!.toolExecutionNotifications![0]!.locations[0]!.physicalLocation.artifactLocation;
    assert.deepEqual(gone, { uri: new URL(`file://${path.dirname(outside)}/gone.kvr`).href });
    assert.ok(validate(abs), errorsOf());
  });
});
