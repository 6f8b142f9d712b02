/**
 * `kamervraag check --format json`: the diagnostics of each file as data. `range` is the LSP range
 * (0-based lines, UTF-16 characters, as the language server sends it); `line` and `column` are where it
 * starts, 1-based, as the text output and an editor's status bar count.
 */
import type { Locale } from '../core';
import { placeOf } from '../core/json';
import { SEVERITY_NAME } from './rules';
import type { CheckResult } from './sarif';

export function checkJson(results: readonly CheckResult[], locale: Locale): unknown {
  return results.map((r) => ({
    file: r.name,
    diagnostics: r.diagnostics.map((d) => ({
      code: d.code, severity: SEVERITY_NAME[d.severity], message: d.message[locale], ...placeOf(d.range), range: d.range,
      related: d.related.map((x) => ({ message: x.message[locale], ...placeOf(x.range), range: x.range })),
    })),
  }));
}
