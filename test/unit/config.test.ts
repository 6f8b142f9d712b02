/** The settings (`core/config.ts`): layers merged key by key, bad input named and ignored, applied to the checks' diagnostics. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, DiagnosticSeverity, parse } from '../../server/src/core';
import { applySettings, DEFAULT_SETTINGS, readSettings } from '../../server/src/core/config';

const CHECKS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'checks');
const diagnosticsOf = (name: string) => check(parse(fs.readFileSync(path.join(CHECKS, name), 'utf8').replace(/[⟦⟧]/g, '')));

describe('readSettings', () => {
  it('no layers (or empty, null, undefined ones) give the defaults and no problems', () => {
    for (const layers of [[], [{}], [null, undefined, {}]]) {
      const r = readSettings(...layers);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.settings, DEFAULT_SETTINGS);
    }
    assert.equal(DEFAULT_SETTINGS.answerTermDays, 21);
    assert.equal(DEFAULT_SETTINGS.validate.enable, true);
    assert.equal(DEFAULT_SETTINGS.validate.workspace, false, 'only open documents, unless asked');
    assert.equal(DEFAULT_SETTINGS.maxNumberOfProblems, 1000);
  });

  it('reads every key, nested at the dots as in .kamervraag.json', () => {
    const { settings, problems } = readSettings({
      validate: { enable: false, workspace: true },
      diagnostics: { severity: { 'late-answer': 'ignore', 'missing-answer': 'error' } },
      answerTermDays: 42,
      inlayHints: { enabled: false, maxLength: 12 },
      codeLens: { enabled: false },
      maxNumberOfProblems: 5,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      validate: { enable: false, workspace: true },
      diagnostics: { severity: { 'late-answer': 'ignore', 'missing-answer': 'error' } },
      answerTermDays: 42,
      inlayHints: { enabled: false, maxLength: 12 },
      codeLens: { enabled: false },
      maxNumberOfProblems: 5,
    });
  });

  it('reads keys written with their dots, and with the kamervraag. prefix, as in settings.json', () => {
    const { settings, problems } = readSettings({ 'inlayHints.maxLength': 30, 'kamervraag.answerTermDays': 14, 'diagnostics.severity.stray-text': 'hint' });
    assert.deepEqual(problems, []);
    assert.equal(settings.inlayHints.maxLength, 30);
    assert.equal(settings.inlayHints.enabled, true);
    assert.equal(settings.answerTermDays, 14);
    assert.deepEqual(settings.diagnostics.severity, { 'stray-text': 'hint' });
  });

  it('a later layer overrides an earlier one key by key, and severities code by code', () => {
    const file = { answerTermDays: 30, inlayHints: { enabled: false, maxLength: 10 }, diagnostics: { severity: { 'late-answer': 'ignore', 'stray-text': 'error' } } };
    const editor = { inlayHints: { maxLength: 20 }, diagnostics: { severity: { 'stray-text': 'hint' } } };
    const { settings, problems } = readSettings(file, editor);
    assert.deepEqual(problems, []);
    assert.equal(settings.answerTermDays, 30);
    assert.deepEqual(settings.inlayHints, { enabled: false, maxLength: 20 });
    assert.deepEqual(settings.diagnostics.severity, { 'late-answer': 'ignore', 'stray-text': 'hint' });
  });

  it('unknown keys, unknown codes and bad values are named and ignored; the rest still applies', () => {
    const { settings, problems } = readSettings({
      answerTermDays: 'drie weken',
      inlayHints: { enabled: 'yes', maxLength: 0, colour: 'red' },
      codeLens: true,
      diagnostics: { severity: { 'late-answr': 'ignore', 'stray-text': 'fatal', 'missing-answer': 'hint' } },
      maxNumberOfProblems: 2.5,
      validate: { enable: false },
      extra: 1,
    }, 42, [1]);
    assert.deepEqual(problems.map((p) => p.en), [
      `'answerTermDays' must be a whole number from 1 to 366, not "drie weken"`,
      `'inlayHints.enabled' must be true or false, not "yes"`,
      `'inlayHints.maxLength' must be a whole number from 1 to 500, not 0`,
      `unknown setting 'inlayHints.colour'`,
      `'codeLens' must be an object, not true`,
      `unknown check code 'late-answr' in 'diagnostics.severity' (kamervraag rules lists them)`,
      `'diagnostics.severity.stray-text' must be one of ignore, hint, information, warning, error, not "fatal"`,
      `'maxNumberOfProblems' must be a whole number from 1 to 1000000, not 2.5`,
      `unknown setting 'extra'`,
      'the settings must be a JSON object, not 42',
      'the settings must be a JSON object, not [1]',
    ]);
    assert.deepEqual(problems.map((p) => p.nl).slice(0, 6), [
      `'answerTermDays' moet een geheel getal van 1 tot en met 366 zijn, niet "drie weken"`,
      `'inlayHints.enabled' moet true of false zijn, niet "yes"`,
      `'inlayHints.maxLength' moet een geheel getal van 1 tot en met 500 zijn, niet 0`,
      `onbekende instelling 'inlayHints.colour'`,
      `'codeLens' moet een object zijn, niet true`,
      `onbekende controlecode 'late-answr' in 'diagnostics.severity' (kamervraag rules noemt ze)`,
    ]);
    assert.deepEqual(settings, { ...DEFAULT_SETTINGS, validate: { enable: false, workspace: false }, diagnostics: { severity: { 'missing-answer': 'hint' } } });
  });

  it("a bad value in a later layer keeps the earlier layer's value; the editor extension's own keys are no problem", () => {
    const { settings, problems } = readSettings({ answerTermDays: 30 }, { answerTermDays: -1, detectPlainText: false, trace: { server: 'verbose' } });
    assert.equal(settings.answerTermDays, 30);
    assert.equal(problems.length, 1);
  });

  it('never throws on hostile input', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const r = readSettings(cyclic, { diagnostics: { severity: cyclic } }, Object.create(null), { __proto__: { x: 1 } });
    assert.ok(r.problems.length >= 2);
    assert.deepEqual(r.settings, DEFAULT_SETTINGS);
  });

  it('a value nested too deeply to write out is named {…} or […], not a stack overflow (a .kamervraag.json can hold one)', () => {
    const depth = 200_000;
    const deep = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
    const r = readSettings({ answerTermDays: deep, diagnostics: { severity: { 'late-answer': deep } } }, deep);
    assert.deepEqual(r.problems.map((p) => p.en), [
      "'answerTermDays' must be a whole number from 1 to 366, not […]",
      "'diagnostics.severity.late-answer' must be one of ignore, hint, information, warning, error, not […]",
      'the settings must be a JSON object, not […]',
    ]);
    const object = JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;
    assert.deepEqual(readSettings({ codeLens: { enabled: object } }).problems.map((p) => p.nl), ["'codeLens.enabled' moet true of false zijn, niet {…}"]);
    assert.deepEqual(readSettings({ answerTermDays: 14 }, deep).settings.answerTermDays, 14);
    // 1e400 in a JSON file is Infinity, which JSON.stringify would write as null.
    assert.deepEqual(readSettings(JSON.parse('{ "answerTermDays": 1e400 }')).problems.map((p) => p.en), ["'answerTermDays' must be a whole number from 1 to 366, not Infinity"]);
  });
});

describe('applySettings', () => {
  const diagnostics = diagnosticsOf('late-answer.kvr');

  it('without choices: the diagnostics as they are', () => {
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(applySettings(diagnostics, DEFAULT_SETTINGS), diagnostics);
  });

  it('ignore drops a code, another severity replaces the default, the input stays as it was', () => {
    assert.deepEqual(applySettings(diagnostics, readSettings({ diagnostics: { severity: { 'late-answer': 'ignore' } } }).settings), []);
    const raised = applySettings(diagnostics, readSettings({ diagnostics: { severity: { 'late-answer': 'error' } } }).settings);
    assert.equal(raised.length, 1);
    assert.equal(raised[0]!.severity, DiagnosticSeverity.Error);
    assert.deepEqual({ ...raised[0], severity: undefined }, { ...diagnostics[0], severity: undefined });
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Information);
    // A choice for another code changes nothing here.
    assert.deepEqual(applySettings(diagnostics, readSettings({ diagnostics: { severity: { 'stray-text': 'ignore' } } }).settings), diagnostics);
  });

  it('validate.enable false: no diagnostics at all', () => {
    const many = diagnosticsOf('duplicate-question-number.kvr');
    assert.ok(many.length > 0);
    assert.deepEqual(applySettings(many, readSettings({ validate: { enable: false } }).settings), []);
  });
});
