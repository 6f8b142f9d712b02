/**
 * The JSON schema of `.kamervraag.json` (core/config.ts reads the file), in English and Dutch: VS Code's
 * JSON support uses it (the manifest's `jsonValidation`) to complete keys, check codes and severities, show
 * what each means on hover, and underline a misspelt code or a bad value while the file is edited, instead
 * of the server only naming it in its log. `npm run docs:schema` writes `schemas/`; a unit test keeps the
 * files equal to what this makes and checks them against the reader.
 *
 * Made from what the reader knows: the check codes and their descriptions (`RULES`), the severities, the
 * defaults and bounds (core/config.ts); the settings' descriptions are the editor's own (package.nls*.json),
 * passed in, since a `.kamervraag.json` holds the same choices as the `kamervraag.*` settings (but for
 * `diagnostics.severity`, whose editor text speaks of overriding this file).
 */
import { RULES, type Locale, type RuleCode } from '../core';
import { DEFAULT_SETTINGS, SETTING_BOUNDS, SEVERITY_SETTINGS, severitySetting } from '../core/config';
import { ruleDescription } from './rules';

/** The settings' descriptions by their key in package.nls.json (`config.answerTermDays`, …). */
export type SettingDescriptions = Readonly<Record<string, string>>;

type Schema = Record<string, unknown>;

const TEXT = {
  en: {
    title: 'Settings of the Kamervraag checks for the documents in this folder and below it, for the editor and for `kamervraag check`. The editor\'s `kamervraag.*` settings override them.',
    default: 'default',
    severity: 'The severity of a check, by its code (`kamervraag rules` lists them): `ignore` (not shown), `hint`, `information`, `warning` or `error`. For example `{ "late-answer": "ignore" }`.',
    severities: ['not shown', 'a hint (dotted underline)', 'information', 'a warning', 'an error (`kamervraag check` fails)'],
  },
  nl: {
    title: 'Instellingen van de Kamervraag-controles voor de documenten in deze map en daaronder, voor de editor en voor `kamervraag check`. De `kamervraag.*`-instellingen van de editor gaan erboven.',
    default: 'standaard',
    severity: 'De ernst van een controle, per code (`kamervraag rules` noemt ze): `ignore` (niet getoond), `hint`, `information`, `warning` of `error`. Bijvoorbeeld `{ "late-answer": "ignore" }`.',
    severities: ['niet getoond', 'een hint (gestippelde onderstreping)', 'informatie', 'een waarschuwing', 'een fout (`kamervraag check` faalt)'],
  },
} as const;

function object(properties: Record<string, Schema>, extra: Schema = {}): Schema {
  return { type: 'object', ...extra, properties, additionalProperties: false };
}

/** What the severity setting of `code` is about, with its default: the rule's description. */
export function severityDescription(code: RuleCode, locale: Locale): string {
  return `${ruleDescription(code, locale)} (${TEXT[locale].default}: \`${severitySetting(RULES[code].severity)}\`)`;
}

/**
 * The manifest's texts of the severity settings, `config.severity.<code>` in package.nls.json and its Dutch
 * twin (`%config.severity.<code>%` in package.json), so that the editor's settings speak its language.
 */
export function severityNls(locale: Locale): Record<string, string> {
  return Object.fromEntries((Object.keys(RULES) as RuleCode[]).map((code) => [`config.severity.${code}`, severityDescription(code, locale)]));
}

/** The schema of `.kamervraag.json` with its descriptions in `locale`. */
export function configSchema(locale: Locale, describe: SettingDescriptions): Schema {
  const text = TEXT[locale];
  const d = (key: string): string => {
    const s = describe[`config.${key}`];
    if (!s) throw new Error(`no description of config.${key}`);
    return s;
  };
  const bounded = (name: keyof typeof SETTING_BOUNDS, value: number): Schema =>
    ({ type: 'integer', default: value, minimum: SETTING_BOUNDS[name].min, maximum: SETTING_BOUNDS[name].max, markdownDescription: d(name) });
  const codes: Record<string, Schema> = {};
  for (const code of Object.keys(RULES) as RuleCode[]) codes[code] = { $ref: '#/definitions/severity', markdownDescription: severityDescription(code, locale) };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'Made by `npm run docs:schema` from server/src/cli/configSchema.ts; do not edit by hand.',
    title: '.kamervraag.json',
    ...object({
      validate: object({
        enable: { type: 'boolean', default: DEFAULT_SETTINGS.validate.enable, markdownDescription: d('validate.enable') },
        workspace: { type: 'boolean', default: DEFAULT_SETTINGS.validate.workspace, markdownDescription: d('validate.workspace') },
      }),
      diagnostics: object({ severity: object(codes, { default: {}, markdownDescription: text.severity }) }),
      answerTermDays: bounded('answerTermDays', DEFAULT_SETTINGS.answerTermDays),
      inlayHints: object({
        enabled: { type: 'boolean', default: DEFAULT_SETTINGS.inlayHints.enabled, markdownDescription: d('inlayHints.enabled') },
        maxLength: bounded('inlayHints.maxLength', DEFAULT_SETTINGS.inlayHints.maxLength),
      }),
      codeLens: object({ enabled: { type: 'boolean', default: DEFAULT_SETTINGS.codeLens.enabled, markdownDescription: d('codeLens.enabled') } }),
      maxNumberOfProblems: bounded('maxNumberOfProblems', DEFAULT_SETTINGS.maxNumberOfProblems),
    }, { markdownDescription: text.title }),
    // The reader also takes a key as an editor's settings write it (`"inlayHints.maxLength": 30`,
    // `"kamervraag.answerTermDays": 14`): accepted here, not completed; the server's log names a bad one.
    patternProperties: { '^kamervraag\\.|\\.': {} },
    definitions: {
      severity: {
        enum: [...SEVERITY_SETTINGS],
        markdownEnumDescriptions: [...text.severities],
      },
    },
  };
}

/** The schema as the file holds it. */
export function configSchemaText(locale: Locale, describe: SettingDescriptions): string {
  return `${JSON.stringify(configSchema(locale, describe))}\n`;
}

/** The files of `schemas/`, by locale (the manifest's `jsonValidation` picks one through package.nls*.json). */
export const SCHEMA_FILES: Record<Locale, string> = { en: 'schemas/kamervraag.schema.json', nl: 'schemas/kamervraag.schema.nl.json' };
