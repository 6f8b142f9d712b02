/** `kamervraag check --format sarif`: the diagnostics as a SARIF 2.1.0 log, for code-scanning tools. */
import * as path from 'node:path';
import { DiagnosticSeverity, RULES, type KvDiagnostic, type Locale, type RuleCode } from '../core';
import { STDIN, type Problem } from './inputs';

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

function toUri(name: string): string {
  if (name === STDIN) return 'stdin';
  return name.split(path.sep).map(encodeURIComponent).join('/');
}

function pathToFileUrl(p: string): string {
  return 'file://' + p.split(path.sep).map(encodeURIComponent).join('/');
}

/** The log of one run: the rules, the files checked, their results; files that could not be read are the invocation's notifications. */
export function sarif(results: readonly CheckResult[], problems: readonly Problem[], locale: Locale): unknown {
  const codes = Object.keys(RULES) as RuleCode[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'kamervraag',
          version: VERSION,
          rules: codes.map((code) => {
            const rule = RULES[code];
            return {
              id: code,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              ...('href' in rule ? { helpUri: rule.href } : {}),
            };
          }),
        },
      },
      invocations: [{
        executionSuccessful: problems.length === 0,
        ...(problems.length > 0 ? {
          toolExecutionNotifications: problems.map((p) => ({
            level: 'error',
            message: { text: p.problem[locale] },
            locations: [{ physicalLocation: { artifactLocation: { uri: toUri(p.name), uriBaseId: 'SRCROOT' } } }],
          })),
        } : {}),
      }],
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { SRCROOT: { uri: `${pathToFileUrl(process.cwd())}/` } },
      artifacts: results.map(({ name }) => ({ location: { uri: toUri(name), uriBaseId: 'SRCROOT' } })),
      results: results.flatMap(({ name, diagnostics }, artifactIndex) => diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: codes.indexOf(d.code),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message[locale] },
        locations: [{
          physicalLocation: { artifactLocation: { uri: toUri(name), uriBaseId: 'SRCROOT', index: artifactIndex }, region: region(d.range) },
        }],
        ...(d.related.length > 0 ? {
          relatedLocations: d.related.map((r, id) => ({
            id,
            message: { text: r.message[locale] },
            physicalLocation: { artifactLocation: { uri: toUri(name), uriBaseId: 'SRCROOT', index: artifactIndex }, region: region(r.range) },
          })),
        } : {}),
      }))),
    }],
  };
}
