/**
 * What the feature tests share: a fixture text with `⟦|⟧` cursors and `⟦…⟧` expected ranges
 * (markers.ts), analysed in memory as the server analyses an open document, the request parameters the
 * features read, and a session context. A feature test reads:
 *
 *   const f = fixture(doc('  Zie antwoord vraag ⟦|⟧⟦2⟧.'));
 *   assert.deepEqual(definition(f.analysis, f.at(), context()), …);
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { analyze, type Analysis } from '../../server/src/core/analysis';
import { featureContext, type FeatureContext } from '../../server/src/features/context';
import { extractCursors } from './markers';

export const URI = 'file:///test/doc.kvr';

export interface Fixture {
  readonly text: string;
  readonly analysis: Analysis;
  /** The `⟦|⟧` positions, in text order. */
  readonly cursors: readonly Position[];
  /** The `⟦…⟧` ranges, in text order. */
  readonly ranges: readonly Range[];
  /** The parameters of a request at cursor `i` (default the first) of this document. */
  at(i?: number): { textDocument: { uri: string }; position: Position };
  /** The parameters of a request at `position` of this document. */
  atPosition(position: Position): { textDocument: { uri: string }; position: Position };
  /** The parameters of a request on this document (no position). */
  readonly document: { textDocument: { uri: string } };
}

export function fixture(marked: string): Fixture {
  const { text, cursors, ranges } = extractCursors(marked);
  const textDocument = { uri: URI };
  return {
    text,
    analysis: analyze(text),
    cursors,
    ranges,
    at(i = 0) {
      const position = cursors[i];
      if (!position) throw new Error(`no cursor ${i} in the fixture (it has ${cursors.length})`);
      return { textDocument, position };
    },
    atPosition: (position) => ({ textDocument, position }),
    document: { textDocument },
  };
}

/** A session context: English and a client that announced nothing, unless told otherwise. */
export function context(overrides: Partial<FeatureContext> = {}): FeatureContext {
  return featureContext(overrides);
}

/** A valid Kamervraag around `body` (question blocks): header, title, metadata, then the body and a footer. */
export function doc(body: string): string {
  return [
    'Kamervraag 2024Z30000',
    '',
    'Een titel',
    '',
    'Ingediend 1 oktober 2024',
    'Beantwoord 8 oktober 2024 (na 7 dagen)',
    'Indiener Jansen (D66)',
    'Beantwoord door De Vries',
    'Onderwerpen onderwijs',
    'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html',
    'Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20242025-1.html',
    body,
    '',
    '',
    'Kamervraag document nummer: kv-tk-2024Z30000',
    'Volledige titel: Een titel',
    'Kamerantwoord document nummer: ah-tk-20242025-1',
    'Volledige titel: Antwoord op vragen van het lid Jansen over een titel',
  ].join('\n');
}

/** The real examples. */
export { EXAMPLES, example, exampleNames, ROOT } from './examples';
