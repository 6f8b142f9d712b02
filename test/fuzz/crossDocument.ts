/**
 * Links across documents and the overview under fuzzing: a mutated example with sentences that name
 * other Kamervragen ("vraag 4 van … (2024Z16988)", "(2014Z19222, vraag 2)", `kv-tk-…`, glued and broken
 * forms) is opened in a workspace index that holds the four examples and itself. Document links and
 * definitions at every cross reference and at random positions never throw, every range lies inside its
 * document (the origin in this one, the target in the other), no link leads to the document itself, and
 * the overview lists every entry once with a state of the four. Proposes no edits.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { LocationLink } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/analysis';
import { crossReferences } from '../../server/src/core/crossReferences';
import { fixedClock } from '../../server/src/core/clock';
import { parse } from '../../server/src/core/parse';
import { featureContext } from '../../server/src/features/context';
import { definition } from '../../server/src/features/definition';
import { documentLinks } from '../../server/src/features/documentLinks';
import { overview } from '../../server/src/features/overview';
import { WorkspaceIndex } from '../../server/src/service/workspaceIndex';
import { mutatedExample, probes } from './arbitraries';
import { examples } from './harness';
import type { NamedProperty } from './properties';

const SELF = 'file:///ws/self.kvr';
const bases = examples();

/** Sentences that name other documents, and broken ones that must not crash anything. */
const MENTION = fc.constantFrom(
  'Zie vraag 4 van de leden Van den Hil en Bikker (2024Z16988).',
  'Zie (2014Z19222, vraag 2) en (2014Z19222, vragen 3 en 99).',
  'Zie kv-tk-2024Z18294 en kv-tk-2024Z99999.',
  'vraag 1 van het lid Mutluer (2024Z18294)',
  'vraag 0 (2024Z18439)', 'vraag 99999 (2024Z18439)', '(2024Z18439, vraag', 'vraag 3 van het lid X (2024Z1643',
  '2024Z16988Z', 'x2024Z16988', 'kv-tk-', 'kv-tk-2024Z1698', '(2024Z16988,vraag 2)', 'vragen 1, 2 en 3 van de leden A (2024Z16988)',
);

const documentWithMentions = fc
  .record({ base: mutatedExample(bases), mentions: fc.array(fc.record({ at: fc.nat(), text: MENTION }), { maxLength: 6 }) })
  .map(({ base, mentions }) => {
    const lines = base.text.split('\n');
    for (const m of mentions) {
      const i = lines.length ? m.at % lines.length : 0;
      lines[i] = `${lines[i] ?? ''} ${m.text}`;
    }
    return { text: lines.join('\n'), how: `${base.how}; ${mentions.length} mentions` };
  });

function inside(lines: readonly string[], r: { start: { line: number; character: number }; end: { line: number; character: number } }, what: string): void {
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length, `${what}: ${JSON.stringify(r)} outside the document`);
  }
}

/** One case: see the header. */
export function checkCrossDocument(text: string, at: readonly { line: number; character: number }[]): void {
  const index = new WorkspaceIndex();
  const texts = new Map<string, string[]>();
  for (const { name, text: t } of bases) {
    const uri = `file:///ws/${name}`;
    index.update(uri, parse(t));
    texts.set(uri, t.split(/\r\n|\r|\n/));
  }
  const analysis = analyze(text);
  index.update(SELF, analysis.document);
  const lines = text.split(/\r\n|\r|\n/);
  texts.set(SELF, lines);
  const context = featureContext({ workspace: index, linkSupport: true, clock: fixedClock({ year: 2024, month: 11, day: 20 }) });
  const textDocument = { uri: SELF };
  for (const link of documentLinks(analysis, { textDocument }, context)) {
    inside(lines, link.range, 'link');
    assert.ok(!link.target!.startsWith(SELF), `a link to the document itself: ${link.target}`);
  }
  const positions = [...crossReferences(analysis.document, (l) => analysis.lineText(l)).map((r) => r.range.start), ...at.map((p) => ({
    line: lines.length ? p.line % lines.length : 0,
    character: lines.length ? p.character % (lines[p.line % lines.length]!.length + 1) : 0,
  }))];
  for (const position of positions) {
    for (const target of definition(analysis, { textDocument, position }, context) as LocationLink[]) {
      const targetLines = texts.get(target.targetUri);
      assert.ok(targetLines, `a definition outside the workspace: ${target.targetUri}`);
      inside(targetLines, target.targetRange, 'definition target');
      if (target.originSelectionRange) inside(lines, target.originSelectionRange, 'definition origin');
    }
  }
  const o = overview(index, {}, context);
  assert.equal(o.documents.length, bases.length + 1);
  assert.ok(o.documents.every((d) => ['te laat', 'te beantwoorden', 'uitgesteld', 'beantwoord'].includes(d.state) && d.unanswered <= d.questions));
}

export const crossDocumentProperties: NamedProperty[] = [
  {
    name: 'cross-document',
    description: 'links, definitions and the overview with mutated examples naming other Kamervragen: no throw, ranges inside, never to itself',
    property: fc.property(documentWithMentions, probes, ({ text, how }, at) => {
      try {
        checkCrossDocument(text, at);
      } catch (err) {
        if (err instanceof Error) err.message = `${how}\n${err.message}`;
        throw err;
      }
    }),
  },
];

/** The same list under the name bench/fuzz.mjs --properties takes: `node bench/fuzz.mjs --properties out/test/fuzz/crossDocument.js`. */
export const properties = crossDocumentProperties;
