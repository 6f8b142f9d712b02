/** Turns the core's diagnostics into LSP diagnostics for one document and one client. */
import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { RULES, type KvDiagnostic, type Locale } from '../core/diagnostic';

export const SOURCE = 'kamervraag';

/** What the client can show, from its `textDocument.publishDiagnostics` (or `.diagnostic`) capabilities. */
export interface DiagnosticSupport {
  readonly relatedInformation: boolean;
  readonly codeDescription: boolean;
  readonly unnecessaryTag: boolean;
}

export const FULL_SUPPORT: DiagnosticSupport = { relatedInformation: true, codeDescription: true, unnecessaryTag: true };

export function toLspDiagnostic(d: KvDiagnostic, uri: string, locale: Locale, support: DiagnosticSupport = FULL_SUPPORT): Diagnostic {
  const out: Diagnostic = {
    range: d.range,
    severity: d.severity,
    code: d.code,
    source: SOURCE,
    message: d.message[locale],
  };
  const rule = RULES[d.code] as { href?: string } | undefined;
  if (rule?.href && support.codeDescription) out.codeDescription = { href: rule.href };
  if (d.unnecessary && support.unnecessaryTag) out.tags = [DiagnosticTag.Unnecessary];
  if (d.related.length > 0 && support.relatedInformation) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message[locale] }));
  }
  return out;
}

export function toLspDiagnostics(
  diagnostics: readonly KvDiagnostic[],
  uri: string,
  locale: Locale,
  support: DiagnosticSupport = FULL_SUPPORT,
): Diagnostic[] {
  return diagnostics.map((d) => toLspDiagnostic(d, uri, locale, support));
}
