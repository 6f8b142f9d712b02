/**
 * Links across documents and the overview under fuzzing: a mutated example with sentences that name
 * other Kamervragen ("vraag 4 van … (2024Z16988)", "(2014Z19222, vraag 2)", `kv-tk-…`, glued and broken
 * forms) is opened in a workspace index that holds the four examples and itself. Document links and
 * definitions at every cross reference and at random positions never throw, every range lies inside its
 * document (the origin in this one, the target in the other), no link leads to the document itself, a
 * link to officielebekendmakingen.nl has the form of its identifiers, `cross-reference-unknown-question`
 * is reported exactly where a question named is missing from the workspace document (its related location
 * inside that document) and each of its quick fixes writes, over the digits alone, a question that
 * document has, which mends it; and the overview lists every entry once with a state of the four.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { LocationLink } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analysis';
import { crossReferences } from '../../server/src/core/crossReferences';
import { fixedClock } from '../../server/src/core/clock';
import { parse } from '../../server/src/core/parse';
import { featureContext } from '../../server/src/features/context';
import { codeActions } from '../../server/src/features/codeActions';
import { definition } from '../../server/src/features/definition';
import { diagnostics, FULL_SUPPORT } from '../../server/src/features/diagnostics';
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
  'vragen 9, 10 en 22 van de leden A (2024Z16988)', '(2024Z18439, vraag 23)', 'vraag 10 (2014Z19222)',
  'Kamerstuk 29 383, nr. 406', 'Kamerstukken II 2019/20, 35 300 VII, nr. 5', 'Kamerstuk 21 501-02, nr. 2733, vraag 3',
  'Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844', 'Aanhangsel Handelingen II 1999/00, nr. 1', 'Aanhangsel Handelingen 2022/25, nr. 8',
  'Kamerstuk 29 383, nr.', 'Kamerstuk 29383nr. 4',
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
  const context = featureContext({ workspace: index, linkSupport: true, diagnosticSupport: FULL_SUPPORT, clock: fixedClock({ year: 2024, month: 11, day: 20 }) });
  const textDocument = { uri: SELF };
  for (const link of documentLinks(analysis, { textDocument }, context)) {
    inside(lines, link.range, 'link');
    assert.ok(!link.target!.startsWith(SELF), `a link to the document itself: ${link.target}`);
    if (link.target!.startsWith('https://zoek.officielebekendmakingen.nl/') && !/Bron|nummer/.test(lines[link.range.start.line]!)) {
      assert.match(link.target!, /^https:\/\/zoek\.officielebekendmakingen\.nl\/(?:kst-\d{5}(?:-[\dA-Za-z]+)?-\d+|ah-tk-\d{8}-\d+)\.html$/, 'an official address');
    }
  }
  // cross-reference-unknown-question where, and only where, the workspace's document lacks the question.
  const own = analysis.document.header?.zaaknummer?.text.trim() ?? null;
  const expected = crossReferences(analysis.document, (l) => analysis.lineText(l)).filter((r) => {
    if (r.question === null) return false;
    const others = index.byZaaknummer(r.zaaknummer).filter((d) => d.uri !== SELF);
    return others.length > 0 && !others.some((d) => d.symbols.some((s) => s.level === 2 && s.number === r.question));
  }).map((r) => JSON.stringify(r.range));
  const found = diagnostics(analysis, { textDocument }, context).filter((d) => d.code === 'cross-reference-unknown-question');
  assert.deepEqual(found.map((d) => JSON.stringify(d.range)), expected, 'cross-reference-unknown-question where a question is missing');
  for (const d of found) {
    inside(lines, d.range, 'cross-reference-unknown-question');
    const related = d.relatedInformation?.[0]?.location;
    assert.ok(related && related.uri !== SELF && texts.has(related.uri), `related location in another workspace document: ${related?.uri}`);
    inside(texts.get(related.uri)!, related.range, 'related location');
  }
  assert.ok(own === null || !found.some((d) => String(d.message).includes(`Kamervraag ${own} `)), 'never about the document itself');
  // Its quick fixes: each replaces only the digits under it, by a question that Kamervraag has, and mends it.
  for (const d of found) {
    const reference = crossReferences(analysis.document, (l) => analysis.lineText(l)).find((r) => JSON.stringify(r.range) === JSON.stringify(d.range))!;
    const has = new Set(index.byZaaknummer(reference.zaaknummer).filter((o) => o.uri !== SELF).flatMap((o) => o.symbols.filter((s) => s.level === 2).map((s) => s.number)));
    for (const action of codeActions(analysis, { textDocument, range: d.range, context: { diagnostics: [d] } }, context).filter((a) => a.kind === 'quickfix')) {
      const edits = action.edit?.changes?.[SELF] ?? [];
      assert.equal(edits.length, 1, `${action.title}: one edit`);
      const [edit] = edits;
      assert.deepEqual(edit!.range, d.range, `${action.title}: only the digits of the question named`);
      assert.match(analysis.textOf(d.range), /^\d+$/);
      assert.ok(/^\d+$/.test(edit!.newText) && has.has(Number(edit!.newText)), `${action.title}: writes ${JSON.stringify(edit!.newText)}, a question Kamervraag ${reference.zaaknummer} has`);
      const after = analyze(TextDocument.applyEdits(TextDocument.create(SELF, 'kamervraag', 1, text), edits));
      const still = diagnostics(after, { textDocument }, context).filter((x) => x.code === 'cross-reference-unknown-question'
        && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character);
      assert.deepEqual(still, [], `${action.title}: the warning stays`);
    }
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
