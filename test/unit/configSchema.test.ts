/**
 * The JSON schema of `.kamervraag.json` (cli/configSchema.ts): the files in schemas/ are what it makes, the
 * manifest hands them to VS Code per display language, and VS Code's own JSON language service
 * (vscode-json-languageservice) reading a file with it agrees with the server's reader (core/config.ts):
 * what the schema lets pass, the reader takes without a problem, and what the reader names, the schema
 * underlines. Completion offers every check code, described in the schema's language.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClientCapabilities, getLanguageService, type JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { configSchemaText, SCHEMA_FILES } from '../../server/src/cli/configSchema';
import { readSettings, SEVERITY_SETTINGS } from '../../server/src/core/config';
import { RULES } from '../../server/src/core/diagnostic';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (name: string): string => fs.readFileSync(path.join(ROOT, name), 'utf8');
const NLS = { en: JSON.parse(read('package.nls.json')), nl: JSON.parse(read('package.nls.nl.json')) };

/** VS Code's JSON language service with the schema of `locale` for `.kamervraag.json`. */
function service(locale: 'en' | 'nl') {
  // As VS Code asks: Markdown in completion and hover.
  const ls = getLanguageService({ clientCapabilities: ClientCapabilities.LATEST });
  ls.configure({
    validate: true,
    schemas: [{ uri: `file:///schemas/${locale}.json`, fileMatch: ['.kamervraag.json'], schema: JSON.parse(read(SCHEMA_FILES[locale])) as JSONSchema }],
  });
  return ls;
}

const en = service('en');

/** `text` as a `.kamervraag.json` opened in the editor. */
const settingsFile = (text: string) => TextDocument.create('file:///work/.kamervraag.json', 'json', 1, text);

async function schemaProblems(text: string, ls = en): Promise<string[]> {
  const doc = settingsFile(text);
  return (await ls.doValidation(doc, ls.parseJSONDocument(doc))).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('the schema of .kamervraag.json', () => {
  it('schemas/ holds what configSchema makes, in English and Dutch (npm run docs:schema)', () => {
    for (const locale of ['en', 'nl'] as const) {
      assert.equal(read(SCHEMA_FILES[locale]), configSchemaText(locale, NLS[locale]), `${SCHEMA_FILES[locale]} is out of date: npm run docs:schema`);
    }
  });

  it('the manifest gives VS Code the schema of its display language', () => {
    const [entry, ...rest] = JSON.parse(read('package.json')).contributes.jsonValidation;
    assert.equal(rest.length, 0);
    assert.equal(entry.fileMatch, '.kamervraag.json');
    const key = /^%(.+)%$/.exec(entry.url)![1]!;
    assert.equal(NLS.en[key], `./${SCHEMA_FILES.en}`);
    assert.equal(NLS.nl[key], `./${SCHEMA_FILES.nl}`);
  });

  it('agrees with the reader: what it lets pass is read without a problem, what the reader names it underlines', async () => {
    const codes = Object.keys(RULES);
    const cases: unknown[] = [
      {},
      { answerTermDays: 21 },
      { answerTermDays: 0 },
      { answerTermDays: 367 },
      { answerTermDays: 14.5 },
      { answerTermDays: '21' },
      { validate: { enable: false } },
      { validate: { enable: 'no' } },
      { validate: true },
      { validate: { enabled: false } },
      { inlayHints: { enabled: false, maxLength: 12 } },
      { inlayHints: { maxLength: 501 } },
      { codeLens: { enabled: true } },
      { codeLens: false },
      { maxNumberOfProblems: 1 },
      { maxNumberOfProblems: 0 },
      { answerTermDay: 21 },
      { diagnostics: { severity: {} } },
      { diagnostics: { severity: 'ignore' } },
      { diagnostics: { severities: {} } },
      { diagnostics: { severity: { 'late-anwser': 'ignore' } } },
      { diagnostics: { severity: { 'late-answer': 'warn' } } },
      { diagnostics: { severity: { 'late-answer': 'off' } } },
      ...codes.map((code, i) => ({ diagnostics: { severity: { [code]: SEVERITY_SETTINGS[i % SEVERITY_SETTINGS.length] } } })),
      // As an editor's settings write them: taken by the reader, let pass by the schema.
      { 'inlayHints.maxLength': 30 },
      { 'kamervraag.answerTermDays': 14 },
      { 'diagnostics.severity.late-answer': 'ignore' },
    ];
    for (const value of cases) {
      const text = JSON.stringify(value, null, 2);
      const schema = await schemaProblems(text);
      const reader = readSettings(value).problems;
      assert.equal(schema.length === 0, reader.length === 0, `${text}\nschema: ${schema.join('; ')}\nreader: ${reader.join('; ')}`);
    }
  });

  it('underlines a misspelt check code where it stands, and a file that is no JSON object', async () => {
    const text = '{\n  "diagnostics": { "severity": { "late-anwser": "ignore" } }\n}\n';
    const doc = settingsFile(text);
    const found = await en.doValidation(doc, en.parseJSONDocument(doc));
    assert.equal(found.length, 1);
    assert.equal(text.slice(doc.offsetAt(found[0]!.range.start), doc.offsetAt(found[0]!.range.end)), '"late-anwser"');
    assert.notEqual((await schemaProblems('[]')).length, 0);
  });

  it('completes every check code with what it reports, in English and in Dutch, and the five severities', async () => {
    for (const locale of ['en', 'nl'] as const) {
      const ls = locale === 'en' ? en : service(locale);
      const text = '{ "diagnostics": { "severity": {  } } }';
      const doc = settingsFile(text);
      const list = await ls.doComplete(doc, doc.positionAt(text.indexOf('{  }') + 2), ls.parseJSONDocument(doc));
      const byCode = new Map(list!.items.map((item) => [JSON.parse(item.label.startsWith('"') ? item.label : `"${item.label}"`), item]));
      assert.deepEqual([...byCode.keys()].sort(), Object.keys(RULES).sort());
      const lateAnswer = byCode.get('late-answer')!;
      const docText = typeof lateAnswer.documentation === 'string' ? lateAnswer.documentation : lateAnswer.documentation?.value ?? '';
      assert.ok(docText.includes(RULES['late-answer'].description[locale]), `${locale}: ${docText}`);
      const value = '{ "diagnostics": { "severity": { "late-answer":  } } }';
      const valueDoc = settingsFile(value);
      const values = await ls.doComplete(valueDoc, valueDoc.positionAt(value.indexOf(':  ') + 2), ls.parseJSONDocument(valueDoc));
      assert.deepEqual(values!.items.map((i) => JSON.parse(i.label)).sort(), ['error', 'hint', 'ignore', 'information', 'warning']);
    }
  });
});
