/** Turns the core's diagnostics into LSP diagnostics for one document and one client. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocumentIdentifier } from 'vscode-languageserver';
import { analyze, type Analysis } from '../core/analysis';
import { RULES, type KvDiagnostic, type Locale } from '../core/diagnostic';
import type { DiagnosticSupport, FeatureContext } from './context';
import { citedZaaknummers } from './crossReferences';
import { findings } from './findings';
import { fileName } from '../service/uris';

export const SOURCE = 'kamervraag';

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
    out.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message[locale] }));
  } else if (d.related.length > 0) {
    // A client that shows no related locations (eglot, Kate): where they are, in the message.
    out.message += ` (${d.related.map((r) => relatedPlace(r.message[locale], r.range.start.line, r.uri === undefined || r.uri === uri ? null : r.uri, locale)).join('; ')})`;
  }
  return out;
}

/** `First Vraag 3, line 25`, `Vraag 4, 2024Z16988.txt line 15`: a related location as words. */
function relatedPlace(message: string, line: number, otherUri: string | null, locale: Locale): string {
  return `${message}, ${otherUri === null ? '' : `${fileName(otherUri)} `}${locale === 'nl' ? 'regel' : 'line'} ${line + 1}`;
}

/**
 * The LSP diagnostics of one document: at most `max` of them, the most severe first, and then one note
 * that says how many more there are. A pasted collection of hundreds of thousands of headings would
 * otherwise send an editor more diagnostics than it can show.
 */
export function toLspDiagnostics(
  diagnostics: readonly KvDiagnostic[],
  uri: string,
  locale: Locale,
  support: DiagnosticSupport = FULL_SUPPORT,
  max = Number.POSITIVE_INFINITY,
): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics.map((d) => toLspDiagnostic(d, uri, locale, support));
  const shown = [...diagnostics].sort((a, b) => a.severity - b.severity).slice(0, Math.max(0, max));
  const more = diagnostics.length - shown.length;
  const out = shown.map((d) => toLspDiagnostic(d, uri, locale, support));
  out.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    source: SOURCE,
    message: locale === 'nl'
      ? `Nog ${more} ${more === 1 ? 'probleem' : 'problemen'} niet getoond (instelling kamervraag.maxNumberOfProblems: ${max}).`
      : `${more} more ${more === 1 ? 'problem' : 'problems'} not shown (setting kamervraag.maxNumberOfProblems: ${max}).`,
  });
  return out;
}

/** The diagnostics of a document as published to this client (its support, locale and limit). */
export function diagnostics(
  analysis: Analysis,
  params: { readonly textDocument: TextDocumentIdentifier },
  context: FeatureContext,
): Diagnostic[] {
  return toLspDiagnostics(findings(analysis, params.textDocument.uri, context), params.textDocument.uri, context.locale, context.diagnosticSupport, context.maxNumberOfProblems);
}

/**
 * The diagnostics of a Kamervraag that is not open (`kamervraag.validate.workspace`), from the text of its
 * file and with its settings, and the zaaknummers of the other Kamervragen it names (its check across
 * documents is done again when one of them changes: service/closedFileChecks.ts).
 */
export function closedFileDiagnostics(uri: string, text: string, context: FeatureContext): { diagnostics: Diagnostic[]; cites: string[] } {
  const analysis = analyze(text);
  return { diagnostics: diagnostics(analysis, { textDocument: { uri } }, context), cites: citedZaaknummers(analysis) };
}

/**
 * The one diagnostic of a document whose text the server lost (service/documentSync.ts), on its first
 * line: what happened and how to get the checks back.
 */
export function outOfSyncDiagnostic(locale: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: 'out-of-sync',
    source: SOURCE,
    message: locale === 'nl'
      ? 'De taalserver kent de tekst van dit document niet meer (de editor stuurde een wijziging die niet toe te passen was). Sluit het document en open het opnieuw om het weer te laten controleren.'
      : 'The language server no longer knows the text of this document (the editor sent a change it could not apply). Close and reopen the document to have it checked again.',
  };
}
