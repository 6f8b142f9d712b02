/**
 * Document links: the `Bron vraag`/`Bron antwoord` URLs and the document numbers of the footer; a Kamerstuk
 * or an Aanhangsel named in the text (`Kamerstuk 29 383, nr. 406`), to its publication on
 * officielebekendmakingen.nl; and a zaaknummer or "vraag 4 van … (2024Z12345)" naming another Kamervraag of
 * the workspace (crossReferences.ts).
 */
import type { DocumentLinkParams } from 'vscode-languageserver';
import type { DocumentLink } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { officialDocumentUrl, officialPublicationUrl } from '../core/externals';
import type { FeatureContext } from './context';
import { resolvedCrossReferences } from './crossReferences';
import { t } from './i18n';

export function documentLinks(analysis: Analysis, params: DocumentLinkParams, context: FeatureContext): DocumentLink[] {
  const doc = analysis.document;
  const locale = context.locale;
  const links: DocumentLink[] = [];
  for (const source of [doc.metadata.bronVraag, doc.metadata.bronAntwoord]) {
    if (!source) continue;
    const url = source.url.text.trim();
    if (/^https?:\/\/\S+$/i.test(url)) links.push({ range: source.url.range, target: url, tooltip: t(locale, 'openSource') });
  }
  const footer = doc.footer;
  for (const field of [footer?.kamervraagNummer, footer?.kamerantwoordNummer]) {
    if (!field) continue;
    const url = officialDocumentUrl(field.value.text.trim());
    if (url) links.push({ range: field.value.range, target: url, tooltip: t(locale, 'openSource') });
  }
  for (const ext of doc.externalReferences) {
    const url = officialPublicationUrl(ext);
    if (url) links.push({ range: ext.range, target: url, tooltip: t(locale, 'openSource') });
  }
  for (const { reference, uri, targetRange } of resolvedCrossReferences(analysis, params.textDocument.uri, context)) {
    const z = reference.zaaknummer;
    // A file URI's fragment `#L5,3` is where VS Code opens it (1-based line and column).
    links.push(reference.question === null
      ? { range: reference.range, target: uri, tooltip: t(locale, 'openKamervraag', { z }) }
      : {
        range: reference.range,
        target: `${uri}#L${targetRange.start.line + 1},${targetRange.start.character + 1}`,
        tooltip: t(locale, 'openQuestion', { n: reference.question, z }),
      });
  }
  return links;
}
