/** `kamervraag check --format sarif`: the diagnostics as a SARIF 2.1.0 log, for code-scanning tools. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type KvDiagnostic, type Locale } from '../core';
import { STDIN, type Problem } from './inputs';
import { RULE_CODES, ruleHelpUri, ruleOf } from './rules';

declare const KAMERVRAAG_VERSION: string | undefined;
export const VERSION = typeof KAMERVRAAG_VERSION === 'string' ? KAMERVRAAG_VERSION : '0.0.0-dev';

const SARIF_LEVEL: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

export interface CheckResult {
  readonly name: string;
  readonly diagnostics: readonly KvDiagnostic[];
}

function region(r: KvDiagnostic['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/**
 * Where a file is, as SARIF says it: relative to the `SRCROOT` base (the folder the tool ran in) when the
 * file lies inside it, as code-scanning tools expect; otherwise (`../x.kvr`, `/tmp/x.kvr`) an absolute
 * `file:` URL, which needs no base. Standard input has no file: `stdin`, relative to `SRCROOT`.
 */
export function artifactLocation(name: string, cwd = process.cwd()): { uri: string; uriBaseId?: 'SRCROOT' } {
  if (name === STDIN) return { uri: 'stdin', uriBaseId: 'SRCROOT' };
  const relative = path.relative(cwd, path.resolve(cwd, name));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(cwd, name)).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/** A rule for SARIF's `tool.driver.rules`: what is wrong (short), what the rule checks (full), where to read more. */
function sarifRule(code: (typeof RULE_CODES)[number], locale: Locale) {
  const rule = ruleOf(code);
  const source = rule.href ? (locale === 'nl' ? `\n\nBron: ${rule.href}` : `\n\nSource: ${rule.href}`) : '';
  return {
    id: code,
    shortDescription: { text: rule.description[locale] },
    fullDescription: { text: rule.fullDescription[locale] },
    help: { text: rule.fullDescription[locale] + source },
    helpUri: ruleHelpUri(code),
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
  };
}

/** The log of one run: the rules, the files checked, their results; files that could not be read are the invocation's notifications. */
export function sarif(results: readonly CheckResult[], problems: readonly Problem[], locale: Locale): unknown {
  const codes = RULE_CODES;
  const cwd = process.cwd();
  const location = (name: string, index?: number) => ({ ...artifactLocation(name, cwd), ...(index === undefined ? {} : { index }) });
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'kamervraag',
          version: VERSION,
          rules: codes.map((code) => sarifRule(code, locale)),
        },
      },
      invocations: [{
        executionSuccessful: problems.length === 0,
        ...(problems.length > 0 ? {
          toolExecutionNotifications: problems.map((p) => ({
            level: 'error',
            message: { text: p.problem[locale] },
            locations: [{ physicalLocation: { artifactLocation: location(p.name) } }],
          })),
        } : {}),
      }],
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
      artifacts: results.map(({ name }) => ({ location: location(name) })),
      results: results.flatMap(({ name, diagnostics }, artifactIndex) => diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: codes.indexOf(d.code),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message[locale] },
        locations: [{
          physicalLocation: { artifactLocation: location(name, artifactIndex), region: region(d.range) },
        }],
        ...(d.related.length > 0 ? {
          relatedLocations: d.related.map((r, id) => ({
            id,
            message: { text: r.message[locale] },
            physicalLocation: { artifactLocation: location(name, artifactIndex), region: region(r.range) },
          })),
        } : {}),
      }))),
    }],
  };
}
