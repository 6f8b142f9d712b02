/**
 * The rules as a reader meets them: `kamervraag rules` (one line each, what is wrong) and docs/rules.md
 * (one section each, the page SARIF's `helpUri` points at), both made from the core's `RULES`.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, RULES, type Locale, type Rule, type RuleCode } from '../core';

export const SEVERITY_NAME: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

/** A rule of the table, with its optional source link visible to the type checker. */
export function ruleOf(code: RuleCode): Rule {
  return RULES[code];
}

/** What the rule reports, in one sentence; a rule that needs the workspace says so. */
export function ruleDescription(code: RuleCode, locale: Locale): string {
  const r = ruleOf(code);
  if (!r.workspace) return r.description[locale];
  const editorOnly = locale === 'nl' ? ' (alleen in de editor: heeft de werkruimte nodig)' : ' (in the editor only: needs the workspace)';
  return `${r.description[locale].replace(/\.$/, '')}${editorOnly}.`;
}

/** `kamervraag rules`: code, default severity and what is wrong, one rule a line. */
export function rulesText(locale: Locale): string {
  const width = Math.max(...RULE_CODES.map((code) => code.length)) + 1;
  return RULE_CODES.map((code) => `${code.padEnd(width)} ${SEVERITY_NAME[RULES[code].severity].padEnd(8)} ${ruleDescription(code, locale)}\n`).join('');
}

/**
 * docs/rules.md of the installed tool as a `file:` URL, with the rule's section as fragment (the project
 * has no public home yet to point at). The bundle runs from dist/, the page is ../docs/rules.md.
 */
export function ruleHelpUri(code: RuleCode): string {
  return `${pathToFileURL(path.join(__dirname, '..', 'docs', 'rules.md')).href}#${code}`;
}

/** The text of docs/rules.md; `npm run docs:rules` writes it, a unit test keeps the file equal to it. */
export function rulesMarkdown(): string {
  const parts = [
    '# The rules of `kamervraag check`',
    '',
    '<!-- Made from RULES in server/src/core/diagnostic.ts by `npm run docs:rules`; do not edit by hand. -->',
    '',
    'Every diagnostic of the language server and of `kamervraag check` has one of these codes. `kamervraag rules`',
    'lists them; SARIF output links each rule here (`helpUri`). Severities are the defaults: `error` fails',
    '`kamervraag check` (exit code 1), `warning` and `info` do not. A rule that needs the other Kamervragen of',
    'the workspace is reported by the language server only (*editor only* below).',
    '',
    '| code | severity | what is wrong |',
    '|---|---|---|',
    ...RULE_CODES.map((code) => `| [\`${code}\`](#${code}) | ${SEVERITY_NAME[ruleOf(code).severity]} | ${ruleOf(code).description.en.replace(/\|/g, '\\|')} |`),
  ];
  for (const code of RULE_CODES) {
    const r = ruleOf(code);
    parts.push('', `## ${code}`, '', `**${SEVERITY_NAME[r.severity]}**${r.workspace ? ', *editor only*' : ''} — ${r.description.en}`, '', r.fullDescription.en);
    if (r.href) parts.push('', `Source: <${r.href}>`);
    parts.push('', `*${r.description.nl}* ${r.fullDescription.nl}`);
  }
  return parts.join('\n') + '\n';
}
