/**
 * The navigation features over the wire: document symbols, references, document highlights, hover,
 * folding ranges, document links and the `kamervraag/status` request.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CompletionList,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  LocationLink,
  MarkupContent,
  Range,
  SelectionRange,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { Client, EXAMPLES, FIXTURES, fixture, FULL_CAPABILITIES, lineOf, positionOf } from './harness';
import { rangeContains } from '../../server/src/core/ranges';

const within = rangeContains;

function checkNesting(symbols: readonly DocumentSymbol[], parent: Range | null, path: string): void {
  for (const s of symbols) {
    assert.ok(s.name.length > 0, `${path}: empty name`);
    assert.ok(within(s.range, s.selectionRange), `${path}/${s.name}: selectionRange inside range`);
    if (parent) assert.ok(within(parent, s.range), `${path}/${s.name}: inside its parent`);
    checkNesting(s.children ?? [], s.range, `${path}/${s.name}`);
  }
}

const at = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('navigation features', () => {
  let client: Client;
  const docs = new Map<string, { uri: string; text: string }>();
  before(async () => {
    client = await Client.start();
    for (const [dir, name] of [
      [EXAMPLES, '2014Z19222.txt'],
      [EXAMPLES, '2024Z16988.txt'],
      [EXAMPLES, '2024Z18294.txt'],
      [FIXTURES, 'ranges.kvr'],
      [FIXTURES, 'problems.kvr'],
    ] as const) {
      const f = fixture(dir, name);
      docs.set(name, f);
      await client.openAndWait(f.uri, f.text);
    }
  });
  after(() => client.kill());
  const doc = (name: string) => docs.get(name)!;

  it('document symbols: the document, its metadata, every Vraag with question and answer, the footer', async () => {
    const { uri, text } = doc('2014Z19222.txt');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    const root = symbols[0]!;
    assert.equal(root.name, 'Kamervraag 2014Z19222');
    assert.equal(root.detail, 'Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken');
    assert.equal(root.kind, 1); // File
    assert.deepEqual(root.range.start, { line: 0, character: 0 });
    assert.equal(root.range.end.line, text.split('\n').length - 1);
    checkNesting(symbols, null, '');
    const names = root.children!.map((c) => c.name);
    assert.deepEqual(names, ['Metadata', ...Array.from({ length: 10 }, (_, i) => `Question ${i + 1}`), 'Footer']);
    const metadata = root.children![0]!;
    assert.deepEqual(
      metadata.children!.map((c) => c.name),
      ['Ingediend', 'Beantwoord', 'Indieners', 'Beantwoord door', 'Onderwerpen', 'Bron vraag', 'Bron antwoord'],
    );
    assert.equal(metadata.children![0]!.detail, '30 oktober 2014');
    assert.equal(metadata.children![0]!.kind, 7); // Property
    const vraag7 = root.children!.find((c) => c.name === 'Question 7')!;
    const heading = lineOf(text, '• Vraag 7');
    assert.deepEqual(vraag7.selectionRange, { start: positionOf(text, heading, 'Vraag 7'), end: positionOf(text, heading, 'Vraag 7', 7) });
    assert.match(vraag7.detail!, /^Zullen de bezuinigingen op de politie/);
    assert.deepEqual(vraag7.children!.map((c) => c.name), ['Question', 'Answer']);
    const answer = vraag7.children![1]!;
    assert.equal(answer.range.start.line, lineOf(text, 'Nee. In de Veiligheidsagenda'));
    assert.equal(answer.range.end.line, lineOf(text, 'Ik verwijs voor het overige naar het antwoord op vraag 10.'));
    assert.equal(vraag7.range.end.line, answer.range.end.line);
    const footer = root.children!.at(-1)!;
    assert.equal(footer.range.start.line, lineOf(text, 'Kamervraag document nummer'));
  });

  it('document symbols: a Mededeling with its date; unanswered questions have no Answer child', async () => {
    const { uri, text } = doc('2024Z16988.txt');
    const root = (await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }))[0]!;
    checkNesting([root], null, '');
    const mededeling = root.children!.find((c) => c.name === 'Mededeling');
    assert.ok(mededeling);
    assert.equal(mededeling.kind, 24); // Event
    assert.equal(mededeling.detail, '15 november 2024');
    assert.equal(mededeling.range.start.line, lineOf(text, '• Mededeling'));
    const vragen = root.children!.filter((c) => c.name.startsWith('Question '));
    assert.equal(vragen.length, 9);
    for (const v of vragen) assert.deepEqual(v.children!.map((c) => c.name), ['Question']);
  });

  it('document symbols in Dutch for locale nl, and flat SymbolInformation for a client without hierarchy', async () => {
    const nl = await Client.start({
      locale: 'nl',
      capabilities: { textDocument: { ...FULL_CAPABILITIES.textDocument, documentSymbol: {} } },
    });
    try {
      const { uri, text } = doc('2014Z19222.txt');
      await nl.openAndWait(uri, text);
      const flat = await nl.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(flat.every((s) => 'location' in s && s.location.uri === uri));
      const antwoord3 = flat.filter((s) => s.name === 'Antwoord' && s.containerName === 'Vraag 3');
      assert.equal(antwoord3.length, 1);
      assert.equal(antwoord3[0]!.location.range.start.line, lineOf(text, 'Zie antwoord vraag 2.'));
      assert.ok(flat.some((s) => s.name === 'Voettekst'));
      assert.equal(flat.filter((s) => s.containerName === 'Kamervraag 2014Z19222').length, 12);
    } finally {
      await nl.stop();
    }
  });

  it('references: from a heading or any reference, every mention of the question; the heading only with includeDeclaration', async () => {
    const { uri, text } = doc('ranges.kvr');
    const head3 = positionOf(text, lineOf(text, '• Vraag 3'), '3');
    const range1to4 = lineOf(text, 'de vragen 1 t/m 4');
    const list = lineOf(text, 'vraag 2, 3 en 4');
    const tm = { start: positionOf(text, range1to4, '1 t/m 4'), end: positionOf(text, range1to4, '1 t/m 4', 7) };
    const three = { start: positionOf(text, list, '3'), end: positionOf(text, list, '3', 1) };
    const expected = [tm, three].map(at);
    for (const pos of [head3, three.start, three.end]) {
      const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: false } });
      assert.deepEqual(refs.map((l) => at(l.range)), expected, `from ${pos.line}:${pos.character}`);
      assert.ok(refs.every((l) => l.uri === uri));
    }
    const withDecl = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: head3, context: { includeDeclaration: true } });
    assert.deepEqual(withDecl.map((l) => at(l.range)), [at({ start: head3, end: { line: head3.line, character: head3.character + 1 } }), ...expected]);
    // nothing under the cursor: no references
    const none = await client.request<Location[] | null>('textDocument/references', { textDocument: { uri }, position: { line: 2, character: 3 }, context: { includeDeclaration: true } });
    assert.ok(!none || none.length === 0);
  });

  it('definition on a range: a written end goes to its own question, `t/m` to every question in the range', async () => {
    const { uri, text } = doc('ranges.kvr');
    const line = lineOf(text, 'de vragen 1 t/m 4');
    const def = (character: number) =>
      client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: { line, character } });
    const answerLine = (n: number) => lineOf(text, '', lineOf(text, `• Vraag ${n}`) + 3);
    const one = await def(positionOf(text, line, '1 t/m 4').character);
    assert.deepEqual(one.map((l) => l.targetRange.start.line), [answerLine(1)]);
    const four = await def(positionOf(text, line, '1 t/m 4', 6).character);
    assert.deepEqual(four.map((l) => l.targetRange.start.line), [answerLine(4)]);
    const onTm = await def(positionOf(text, line, 't/m', 1).character);
    assert.deepEqual(onTm.map((l) => l.targetRange.start.line), [1, 2, 3, 4].map(answerLine));
    assert.deepEqual(onTm[0]!.originSelectionRange, { start: positionOf(text, line, '1 t/m 4'), end: positionOf(text, line, '1 t/m 4', 7) });
    // each number of "vraag 2, 3 en 4" goes to its own answer
    const list = lineOf(text, 'vraag 2, 3 en 4');
    for (const n of [2, 3, 4]) {
      const links = await client.request<LocationLink[]>('textDocument/definition', {
        textDocument: { uri },
        position: positionOf(text, list, String(n), 0, n === 2 ? 0 : 0),
      });
      assert.deepEqual(links.map((l) => l.targetRange.start.line), [answerLine(n)], `vraag ${n}`);
    }
  });

  it('on the words of a mention ("Zie antwoord"), definition and hover answer for the whole phrase', async () => {
    const { uri, text } = doc('2014Z19222.txt');
    const line = lineOf(text, 'Zie antwoord vraag 6');
    const onWords = positionOf(text, line, 'antwoord', 2);
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: onWords });
    assert.equal(links.length, 1);
    assert.equal(links[0]!.targetRange.start.line, lineOf(text, 'Nee. In iedere politie-eenheid'));
    assert.deepEqual(links[0]!.originSelectionRange, { start: positionOf(text, line, 'Zie'), end: positionOf(text, line, 'vraag 6', 7) });
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: onWords });
    assert.match((hover.contents as MarkupContent).value, /\*\*Question 6\*\*/);
    // but rename only works on the number itself
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: onWords }), null);
  });

  it('document highlights: the heading number as Write, the references as Read', async () => {
    const { uri, text } = doc('2014Z19222.txt');
    const ref = positionOf(text, lineOf(text, 'Zie antwoord vraag 6'), '6');
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: ref });
    const head = positionOf(text, lineOf(text, '• Vraag 6'), '6');
    assert.deepEqual(
      highlights.map((h) => [at(h.range), h.kind]),
      [
        [at({ start: head, end: { line: head.line, character: head.character + 1 } }), 3],
        [at({ start: ref, end: { line: ref.line, character: ref.character + 1 } }), 2],
      ],
    );
  });

  it('hover on a reference: the referenced question and the start of its answer, Markdown-escaped', async () => {
    const { uri, text } = doc('2014Z19222.txt');
    const ref = positionOf(text, lineOf(text, 'Zie antwoord vraag 2.'), '2');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: ref });
    const md = hover.contents as MarkupContent;
    assert.equal(md.kind, 'markdown');
    assert.match(md.value, /^\*\*Question 2\*\*/);
    assert.ok(md.value.includes('Welke mogelijkheden hebben politie en het Openbaar Ministerie \\(OM\\)'), md.value);
    assert.ok(md.value.includes('**Answer:** Om mensenhandel, waaronder gedwongen prostitutie'), md.value);
    // the answer is cut to about 300 characters
    const answer = md.value.slice(md.value.indexOf('**Answer:**'));
    const unescaped = answer.replace(/\\(.)/g, '$1');
    assert.ok(unescaped.length < 330 && unescaped.endsWith('…'), `answer preview: ${unescaped.length}`);
    assert.deepEqual(hover.range, { start: ref, end: { line: ref.line, character: ref.character + 1 } });
  });

  it('hover on a heading: which answers refer to it', async () => {
    const { uri, text } = doc('2024Z18294.txt');
    const head1 = positionOf(text, lineOf(text, '• Vraag 1'), '1');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: head1 });
    assert.equal((hover.contents as MarkupContent).value, 'Referred to from the answers to questions 2 and 7');
    const head8 = positionOf(text, lineOf(text, '• Vraag 8'), '8');
    const none = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: head8 });
    assert.match((none.contents as MarkupContent).value, /No other answer refers/);
    // plain text is no hover
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } }), null);
  });

  it('hover on a footnote marker: the footnote, and the publication that has its text', async () => {
    const { uri, text } = doc('2014Z19222.txt');
    const line = lineOf(text, 'aan te pakken?1');
    const marker = positionOf(text, line, '?1', 1);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: marker });
    assert.deepEqual((hover.contents as MarkupContent).value.split('\n\n'), [
      '**Footnote 1**',
      'Its text is not in the Kamervraag but in the publication of the questions on officielebekendmakingen.nl: [kv\\-tk\\-2014Z19222](https://zoek.officielebekendmakingen.nl/kv-tk-2014Z19222.html).',
    ]);
    assert.deepEqual(hover.range, { start: marker, end: { line: marker.line, character: marker.character + 1 } });
  });

  it('hover on a reference to a question that does not exist adds nothing to its diagnostic', async () => {
    const { uri, text } = doc('problems.kvr');
    const ref = positionOf(text, lineOf(text, 'Zie antwoord vraag 7'), '7');
    // Its diagnostic ("There is no question 7 …", diagnostics.test.ts) shows in the hover; a second text
    // saying it again was noise.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: ref }), null);
  });

  it('folding ranges: metadata, each question block, the footer', async () => {
    const { uri, text } = doc('2014Z19222.txt');
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const starts = new Set(folds.map((f) => f.startLine));
    assert.ok(starts.has(lineOf(text, 'Ingediend')));
    for (let n = 1; n <= 10; n++) assert.ok(starts.has(lineOf(text, `• Vraag ${n}`)), `Vraag ${n}`);
    const q2 = folds.find((f) => f.startLine === lineOf(text, '• Vraag 2'))!;
    assert.equal(q2.endLine, lineOf(text, 'In december 2014 start de pilot'));
    assert.ok(starts.has(lineOf(text, 'Kamervraag document nummer')));
    for (const f of folds) assert.ok(f.endLine > f.startLine);
  });

  it('document links: the Bron URLs and the footer document numbers', async () => {
    const { uri, text } = doc('2014Z19222.txt');
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map((l) => l.target),
      [
        'https://zoek.officielebekendmakingen.nl/kv-tk-2014Z19222.html',
        'https://zoek.officielebekendmakingen.nl/ah-tk-20142015-637.html',
        'https://zoek.officielebekendmakingen.nl/kv-tk-2014Z19222.html',
        'https://zoek.officielebekendmakingen.nl/ah-tk-20142015-637.html',
      ],
    );
    const bron = lineOf(text, 'Bron vraag');
    assert.deepEqual(links[0]!.range, { start: positionOf(text, bron, 'https'), end: { line: bron, character: text.split('\n')[bron]!.length } });
  });

  it('kamervraag/status: the summary the VS Code language status item shows', async () => {
    const status = (name: string) => client.request('kamervraag/status', { textDocument: { uri: doc(name).uri } });
    assert.deepEqual(await status('2014Z19222.txt'), {
      zaaknummer: '2014Z19222',
      title: 'Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken',
      questions: 10,
      unanswered: 0,
      answered: true,
      diagnostics: { errors: 0, warnings: 0 },
      term: { state: 'beantwoord', deadline: '2014-11-20', daysLeft: null, postponedOn: null, text: 'answered on 24 November 2014' },
      notAKamervraag: false,
    });
    assert.deepEqual(await status('2024Z16988.txt'), {
      zaaknummer: '2024Z16988',
      title: 'Het bericht «Wachttijden ggz niet goed vastgelegd, zeggen onderzoekers»',
      questions: 9,
      unanswered: 9,
      answered: false,
      diagnostics: { errors: 0, warnings: 0 },
      term: { state: 'uitgesteld', deadline: '2024-11-15', daysLeft: null, postponedOn: '2024-11-15', text: 'postponement announced on 15 November 2024' },
      notAKamervraag: false,
    });
    const problems = (await status('problems.kvr')) as { unanswered: number; diagnostics: unknown };
    assert.equal(problems.unanswered, 1);
    assert.deepEqual(problems.diagnostics, { errors: 1, warnings: 3 });
    assert.equal(await client.request('kamervraag/status', { textDocument: { uri: 'file:///nowhere.kvr' } }), null);
  });
});

describe('completion of question numbers', () => {
  let client: Client;
  before(async () => {
    client = await Client.start();
  });
  after(() => client.kill());

  it('after "vraag " in an answer: the other questions, each with its text; nothing elsewhere', async () => {
    const { uri, text } = fixture(EXAMPLES, '2014Z19222.txt');
    // Type in the answer of question 8: "Zie antwoord vraag 6." → replace "6." by "" and ask after "vraag ".
    const line = lineOf(text, 'Zie antwoord vraag 6');
    const at = positionOf(text, line, '6');
    await client.openAndWait(uri, text);
    await client.change(uri, 2, [{ range: { start: at, end: { line, character: at.character + 2 } }, text: '' }]);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at, context: { triggerKind: 2, triggerCharacter: ' ' } });
    assert.deepEqual(list.items.map((i) => i.label), ['1', '2', '3', '4', '5', '6', '7', '9', '10']);
    const six = list.items.find((i) => i.label === '6')!;
    assert.match(six.detail!, /^Hoeveel mensenhandelteams/);
    assert.deepEqual((six.textEdit as TextEdit).range, { start: at, end: at });
    // with the first digit typed, the edit replaces it
    await client.change(uri, 3, [{ range: { start: at, end: at }, text: '6.' }]);
    const after6 = { line, character: at.character + 1 };
    const typed = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: after6 });
    assert.deepEqual((typed.items[0]!.textEdit as TextEdit).range, { start: at, end: after6 });
    // after a list separator too
    const { uri: uri2, text: text2 } = fixture(EXAMPLES, '2024Z18294.txt');
    const l2 = lineOf(text2, 'vragen 1 en 5');
    const afterEn = positionOf(text2, l2, 'vragen 1 en ', 'vragen 1 en '.length);
    // the 5 taken out: in front of it a number would glue to it
    await client.openAndWait(uri2, text2.replace('vragen 1 en 5', 'vragen 1 en  '));
    const list2 = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri2 }, position: afterEn });
    assert.equal(list2.items.length, 7); // 8 questions, without 7 (the answer being written)
    // not in front of a number, not after other words, not past the end of a line
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position: at }), null);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position: positionOf(text, line, 'antwoord', 9) }), null);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 500 } }), null);
  });
});

describe('selection ranges', () => {
  let client: Client;
  before(async () => {
    client = await Client.start();
  });
  after(() => client.kill());

  it('expand from a referenced number to the mention, the answer line, the answer, the block, the document', async () => {
    const { uri, text } = fixture(EXAMPLES, '2014Z19222.txt');
    await client.openAndWait(uri, text);
    const line = lineOf(text, 'Ik verwijs voor het overige naar het antwoord op vraag 10.');
    const onTen = positionOf(text, line, '10', 1);
    const metaLine = lineOf(text, 'Indieners');
    const onMember = positionOf(text, metaLine, 'Kooiman', 2);
    const [fromRef, fromMeta] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [onTen, onMember] });
    const flatten = (s: SelectionRange | undefined): string[] => (s ? [at(s.range), ...flatten(s.parent)] : []);
    const len = (l: number) => text.split('\n')[l]!.length;
    const heading7 = lineOf(text, '• Vraag 7');
    const last = text.split('\n').length - 1;
    assert.deepEqual(flatten(fromRef), [
      `${line}:${onTen.character - 1}-${line}:${onTen.character + 1}`, // "10"
      `${line}:${positionOf(text, line, 'naar het antwoord').character}-${line}:${onTen.character + 1}`, // the mention ("naar het antwoord op vraag 10")
      `${line}:2-${line}:${len(line)}`, // the paragraph
      `${lineOf(text, 'Nee. In de Veiligheidsagenda')}:2-${line}:${len(line)}`, // the answer
      `${heading7}:3-${line}:${len(line)}`, // the block
      `0:0-${last}:${len(last)}`, // the document
    ]);
    const member = positionOf(text, metaLine, 'Nine Kooiman (SP)');
    assert.deepEqual(flatten(fromMeta).slice(0, 4), [
      `${metaLine}:${member.character}-${metaLine}:${member.character + 'Nine Kooiman'.length}`,
      `${metaLine}:${member.character}-${metaLine}:${member.character + 'Nine Kooiman (SP)'.length}`,
      `${metaLine}:${positionOf(text, metaLine, 'Michiel').character}-${metaLine}:${len(metaLine)}`, // the value
      `${metaLine}:0-${metaLine}:${len(metaLine)}`, // the line
    ]);
    await assert.rejects(client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: -1, character: 0 }] }));
    // Past the end of a line or of the document: the answer stays inside the document.
    const [pastLine, pastEnd] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri }, positions: [{ line: metaLine, character: 5000 }, { line: 100000, character: 7 }],
    });
    const [atLineEnd, atLastLineEnd] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri }, positions: [{ line: metaLine, character: len(metaLine) }, { line: last, character: Math.min(7, len(last)) }],
    });
    assert.deepEqual(flatten(pastLine), flatten(atLineEnd), 'taken to the end of its line');
    assert.deepEqual(flatten(pastEnd), flatten(atLastLineEnd), 'taken to the last line');
    for (const s of [...flatten(pastLine), ...flatten(pastEnd)]) {
      const [, l1, c1, l2, c2] = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(s)!.map(Number);
      assert.ok(l1! <= last && l2! <= last && c1! <= len(l1!) && c2! <= len(l2!), `${s} inside the document`);
    }
  });
});
