/** The document model of the four shared examples, and the parser's tolerance of bad input. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { check, parse, type KamervraagDocument, type Range } from '../../server/src/core';
import { splitLines } from '../../server/src/core/lines';
import { readHeading } from '../../server/src/core/headings';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'examples');
const CHECKS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'checks');
const example = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

/** The text a range covers. */
function textAt(text: string, r: Range): string {
  const lines = splitLines(text);
  if (r.start.line === r.end.line) return lines[r.start.line]!.slice(r.start.character, r.end.character);
  return [lines[r.start.line]!.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line]!.slice(0, r.end.character)].join('\n');
}

/** `from → [numbers]` for every reference, with the text of each number. */
function refs(doc: KamervraagDocument) {
  return doc.references.map((r) => ({ from: r.fromQuestion, part: r.inPart, to: r.targets.map((t) => t.number) }));
}

/** Every range in the model lies inside the document. */
function assertRangesInside(text: string, doc: KamervraagDocument) {
  const lines = splitLines(text);
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(visit);
    // The model's objects make their ranges when asked (core/nodes.ts); toJSON gives them all.
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return visit((v as { toJSON(): unknown }).toJSON());
    const o = v as Record<string, unknown>;
    if (o.start && o.end && typeof (o.start as { line?: unknown }).line === 'number') {
      const r = o as unknown as Range;
      for (const p of [r.start, r.end]) {
        assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} inside`);
        assert.ok(p.character >= 0 && p.character <= lines[p.line]!.length, `character ${p.character} inside line ${p.line}`);
      }
      assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), 'start ≤ end');
      return;
    }
    Object.values(o).forEach(visit);
  };
  visit(doc);
}

describe('the shared examples', () => {
  it('2014Z19222: answered, 10 questions, references 3→2, 5→9, 7→10, 8→6', () => {
    const text = example('2014Z19222.txt');
    const doc = parse(text);
    assert.equal(doc.header?.zaaknummer?.text, '2014Z19222');
    assert.equal(doc.title?.text, 'Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken');
    assert.deepEqual(doc.questions.map((q) => q.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.ok(doc.questions.every((q) => q.answer.length > 0 && q.question.length === 1));
    assert.deepEqual(doc.questions.map((q) => q.answer.length), [1, 4, 1, 3, 1, 1, 2, 1, 1, 1]);
    assert.deepEqual(refs(doc), [
      { from: 3, part: 'answer', to: [2] },
      { from: 5, part: 'answer', to: [9] },
      { from: 7, part: 'answer', to: [10] },
      { from: 8, part: 'answer', to: [6] },
    ]);
    assert.deepEqual(doc.references.map((r) => textAt(text, r.range)), [
      'Zie antwoord vraag 2', 'naar vraag 9', 'naar het antwoord op vraag 10', 'Zie antwoord vraag 6',
    ]);
    assert.ok(doc.references.every((r) => r.delegates));
    for (const r of doc.references) assert.equal(textAt(text, r.targets[0]!.range), String(r.targets[0]!.number));
    const md = doc.metadata;
    assert.deepEqual(md.ingediend?.date, { year: 2014, month: 10, day: 30 });
    assert.deepEqual(md.beantwoord?.date, { year: 2014, month: 11, day: 24 });
    assert.equal(md.beantwoord?.days, 25);
    assert.equal(textAt(text, md.beantwoord!.daysRange!), '25');
    assert.deepEqual(md.indieners?.members.map((m) => [m.name.text, m.party?.text]), [['Michiel van Nispen', 'SP'], ['Nine Kooiman', 'SP']]);
    assert.equal(md.indieners?.plural, true);
    assert.equal(md.beantwoordDoor?.name.text, 'Opstelten');
    assert.deepEqual(md.onderwerpen?.topics.map((t) => t.text),
      ['criminaliteit', 'openbare orde en veiligheid', 'politie, brandweer en hulpdiensten', 'recht', 'rechtspraak']);
    assert.equal(md.bronVraag?.documentId?.text, 'kv-tk-2014Z19222');
    assert.equal(md.bronAntwoord?.documentId?.text, 'ah-tk-20142015-637');
    assert.equal(doc.footer?.kamervraagNummer?.value.text, 'kv-tk-2014Z19222');
    assert.equal(doc.footer?.kamerantwoordNummer?.value.text, 'ah-tk-20142015-637');
    assert.match(doc.footer!.kamerantwoordTitel!.value.text, /^Antwoord op vragen van de leden Kooiman/);
    assert.deepEqual(doc.strayLines, []);
    // "2 juli 20142" (footnote 2 after a year) and "aanpakken?1" are no references.
    assert.equal(doc.questions[4]!.references.length, 1);
    assert.equal(doc.questions[0]!.references.length, 0);
    assertRangesInside(text, doc);
  });

  it('2024Z18294: answered, 8 questions, references 2→1, 4→3, 7→1 and 5', () => {
    const text = example('2024Z18294.txt');
    const doc = parse(text);
    assert.deepEqual(doc.questions.map((q) => q.number), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.ok(doc.questions.every((q) => q.answer.length > 0));
    assert.deepEqual(refs(doc), [
      { from: 2, part: 'answer', to: [1] },
      { from: 4, part: 'answer', to: [3] },
      { from: 7, part: 'answer', to: [1, 5] },
    ]);
    assert.deepEqual(doc.references.map((r) => textAt(text, r.range)),
      ['bij het antwoord op vraag 1', 'Zie antwoord vraag 3', 'mijn beantwoording op vragen 1 en 5']);
    assert.deepEqual(doc.references[2]!.targets.map((t) => textAt(text, t.range)), ['1', '5']);
    assert.deepEqual(doc.references.map((r) => r.delegates), [false, true, false]);
    assert.equal(doc.metadata.indieners?.plural, false);
    assert.deepEqual(doc.metadata.indieners?.members.map((m) => [m.name.text, m.party?.text]), [['Mutluer', 'GroenLinks-PvdA']]);
    assert.deepEqual(doc.metadata.onderwerpen?.topics, []);
    assert.equal(doc.metadata.beantwoord?.days, 7);
    assertRangesInside(text, doc);
  });

  it('2024Z16988: not answered, 9 questions, a Mededeling, a zaaknummer in its text', () => {
    const text = example('2024Z16988.txt');
    const doc = parse(text);
    assert.deepEqual(doc.questions.map((q) => q.number), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.ok(doc.questions.every((q) => q.answer.length === 0 && q.question.length === 1));
    assert.equal(doc.metadata.beantwoord, null);
    assert.equal(doc.mededelingen.length, 1);
    assert.deepEqual(doc.mededelingen[0]!.date, { year: 2024, month: 11, day: 15 });
    assert.equal(doc.mededelingen[0]!.paragraphs.length, 1);
    assert.deepEqual(doc.references, []);
    assert.deepEqual(doc.externalReferences.map((e) => [e.kind, e.text]), [['zaaknummer', '2024Z16988']]);
    assert.equal(doc.footer?.kamerantwoordNummer, null);
    assert.equal(doc.footer?.kamervraagTitel?.value.text, doc.title?.text);
    assertRangesInside(text, doc);
  });

  it('2024Z18439: not answered, 22 questions without blank lines between blocks', () => {
    const text = example('2024Z18439.txt');
    const doc = parse(text);
    assert.deepEqual(doc.questions.map((q) => q.number), Array.from({ length: 22 }, (_, i) => i + 1));
    assert.ok(doc.questions.every((q) => q.answer.length === 0 && q.question.length === 1));
    assert.deepEqual(doc.references, []);
    assert.equal(doc.questions[21]!.question[0]!.text, 'Kunt u deze vragen afzonderlijk beantwoorden?');
    // The heading, its number and the block, exactly.
    const q10 = doc.questions[9]!;
    assert.equal(textAt(text, q10.heading.range), 'Vraag 10');
    assert.equal(textAt(text, q10.numberRange!), '10');
    assert.equal(q10.range.start.line, q10.heading.range.start.line);
    assert.equal(q10.range.end.line, q10.heading.range.start.line + 1);
    assertRangesInside(text, doc);
  });
});

describe('a question written on its heading line', () => {
  const HEAD = ['Kamervraag 2024Z12345', '', 'T', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (SP)'];
  const texts = (doc: KamervraagDocument) => doc.questions.map((q) => [q.question.map((p) => p.text), q.answer.map((p) => p.text)]);

  it('"• Vraag 1: Wat …?" is the question, the paragraph after the blank line its answer, as format reads it', () => {
    const text = [...HEAD, 'Beantwoord 10 oktober 2024 (na 9 dagen)', ' • Vraag 1: Vraag een?', '', '  Antwoord een.', '', ' • Vraag 2. Vraag twee?', '', '  Zie antwoord vraag 1.', ''].join('\n');
    const doc = parse(text);
    assert.deepEqual(texts(doc), [[['Vraag een?'], ['Antwoord een.']], [['Vraag twee?'], ['Zie antwoord vraag 1.']]]);
    assert.deepEqual(doc.references.map((r) => [r.inPart, r.targets.map((t) => t.number)]), [['answer', [1]]]);
    const codes = check(doc).map((d) => d.code);
    // (The metadata of this short document is not complete; the headings are to be written `• Vraag N`.)
    assert.deepEqual(codes.filter((c) => !c.startsWith('metadata-') && c !== 'malformed-heading'), [], codes.join(', '));
    assert.equal(codes.filter((c) => c === 'malformed-heading').length, 2);
    assert.equal(textAt(text, doc.questions[0]!.question[0]!.range), 'Vraag een?');
    assertRangesInside(text, doc);
  });

  it('not answered yet: each question has its text (no "has no question text" that quotes it)', () => {
    const doc = parse([...HEAD, ' • Vraag 1: Bent u bekend met het bericht?', ' • Vraag 2: Wat gaat u doen?', ''].join('\n'));
    assert.deepEqual(texts(doc), [[['Bent u bekend met het bericht?'], []], [['Wat gaat u doen?'], []]]);
    assert.ok(!check(doc).some((d) => d.code === 'missing-question-text'));
  });

  it('text after the number without a colon or full stop ("Vraag 2 (vervolg)") is no question text: the question is below', () => {
    const doc = parse([...HEAD, 'Beantwoord 10 oktober 2024 (na 9 dagen)', ' • Vraag 1 (vervolg)', '', '  Wat?', '', '  Dit.', ''].join('\n'));
    assert.deepEqual(texts(doc), [[['Wat?'], ['Dit.']]]);
  });
});

describe('Indieners', () => {
  const members = (value: string, key = 'Indieners') => {
    const doc = parse(`Kamervraag 2024Z12345\n\nT\n\nIngediend 1 oktober 2024\n${key} ${value}\n • Vraag 1\n  Waarom?\n`);
    return {
      members: doc.metadata.indieners!.members.map((m) => [m.name.text, m.party?.text ?? null]),
      counted: check(doc).filter((d) => d.code === 'indieners-count').length,
    };
  };

  it('members joined with "en" or "&" are each a member with their own party; "en" inside a party is no separator', () => {
    assert.deepEqual(members('Van den Hil (VVD) en Bikker (ChristenUnie)'), { members: [['Van den Hil', 'VVD'], ['Bikker', 'ChristenUnie']], counted: 0 });
    assert.deepEqual(members('Agema (PVV), Bikker (ChristenUnie) en Dijk (SP)').members, [['Agema', 'PVV'], ['Bikker', 'ChristenUnie'], ['Dijk', 'SP']]);
    assert.deepEqual(members('Jansen (SP) & Pietersen (VVD)').members, [['Jansen', 'SP'], ['Pietersen', 'VVD']]);
    assert.deepEqual(members('Jansen (SP); Pietersen (VVD)').members, [['Jansen', 'SP'], ['Pietersen', 'VVD']]);
    assert.deepEqual(members('Van der Staaij (Partij en Volk)', 'Indiener'), { members: [['Van der Staaij', 'Partij en Volk']], counted: 0 });
    assert.deepEqual(members('Enneus (SP)', 'Indiener').members, [['Enneus', 'SP']]);
  });

  it('initials after a comma belong to the name before them', () => {
    assert.deepEqual(members('Omtzigt, P.H. (NSC)', 'Indiener'), { members: [['Omtzigt, P.H.', 'NSC']], counted: 0 });
    assert.deepEqual(members('Omtzigt, P. H. (NSC), Kooiman, N. (SP)').members, [['Omtzigt, P. H.', 'NSC'], ['Kooiman, N.', 'SP']]);
  });

  it('one member written as many, or many as one, is still counted', () => {
    assert.equal(members('Van den Hil (VVD) en Bikker (ChristenUnie)', 'Indiener').counted, 1);
    assert.equal(members('Bikker (ChristenUnie)').counted, 1);
  });
});

describe('tolerance', () => {
  const cases: Record<string, string> = {
    empty: '',
    'only newlines': '\n\n\n',
    binary: '\u0000\u0001\u00ff\ufffd\u0007'.repeat(200),
    'lone surrogates': '\ud800 • Vraag 1\n\udc00 zie vraag 1\n',
    'astral characters': 'Kamervraag 2024Z12345\n\n😀 titel\n • Vraag 1\n  😀? zie antwoord vraag 1 😀\n',
    'only a heading': ' • Vraag',
    'huge numbers': ' • Vraag 99999999999999999999\n  zie vraag 123456789012 en vraag 1 t/m 999999999\n',
    'unbalanced parentheses': 'Kamervraag 2024Z12345\n\nT\n\nIndieners A (SP, B ((VVD)\nBeantwoord door X (minister (VVD\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: no throw, ranges inside, deterministic`, () => {
      const doc = parse(text);
      assertRangesInside(text, doc);
      check(doc);
      assert.deepEqual(JSON.stringify(parse(text)), JSON.stringify(doc));
    });
  }

  it('CRLF, a lone CR, a BOM and tabs give the same model as plain LF', () => {
    const lf = example('2014Z19222.txt');
    const base = JSON.stringify(parse(lf));
    assert.equal(JSON.stringify(parse(lf.replace(/\n/g, '\r\n'))), base);
    assert.equal(JSON.stringify(parse(lf.replace(/\n/g, '\r'))), base);
    const bom = parse('\ufeff' + lf);
    assert.equal(bom.header?.zaaknummer?.text, '2014Z19222');
    assert.equal(bom.header?.range.start.character, 1, 'the BOM is a character of the first line');
    assert.deepEqual(check(bom).map((d) => d.code), ['late-answer']);
    const tabs = parse(lf.replace(/^ {2}/gm, '\t'));
    assert.equal(tabs.questions.length, 10);
    assert.equal(tabs.references.length, 4);
  });

  it('a 5 MB single line and a 5 MB document of headings', () => {
    const line = 'zie antwoord vraag 3 en '.repeat(220_000);
    const doc = parse(line);
    check(doc);
    assert.equal(doc.lineCount, 1);
    const headings = Array.from({ length: 500_000 }, (_, i) => ` • Vraag ${i + 1}`).join('\n');
    const h = parse(headings);
    assert.equal(h.questions.length, 500_000);
    check(h);
  });

  it('a first line "Kamervraag document nummer: …" is the footer, not a header: the lines after it make no blocks', () => {
    // Found by the fuzzing campaign: deleting the only block above such a footer line turned the
    // footer's line into a header ("Kamervraag" and the zaaknummer "document nummer:"), and the
    // questions pasted in the footer below it into nine new question blocks.
    const text = 'Kamervraag document nummer: kv-tk-2024Z16988\n • Vraag 1\n  Waarom?\n\n  Daarom.\nVolledige titel: Iets';
    const doc = parse(text);
    assert.equal(doc.header, null);
    assert.equal(doc.questions.length, 0);
    assert.equal(doc.footer?.range.start.line, 0);
    assert.equal(doc.footer?.kamervraagNummer?.value.text, 'kv-tk-2024Z16988');
    assert.ok(check(doc).some((d) => d.code === 'header-missing'));
    // Also with a BOM and spaces before it; a header proper still reads as one.
    assert.equal(parse('\ufeff  Kamervraag document nummer: x').header, null);
    assert.equal(parse('Kamervraag 2024Z16988\n').header?.zaaknummer?.text, '2024Z16988');
    assert.equal(parse('Kamervraag documentnummer').header?.zaaknummer?.text, 'documentnummer');
  });

  it('text that belongs to no block', () => {
    const text = example('2014Z19222.txt').replace('Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20142015-637.html\n',
      'Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20142015-637.html\n\nLosse tekst\n') + '\nNa de voettekst\n';
    const doc = parse(text);
    assert.deepEqual(doc.strayLines.map((s) => s.text), ['Losse tekst', 'Na de voettekst']);
  });
});

describe('headings', () => {
  it('a heading is a line of its own shape: after the number nothing, or something new, not the rest of a sentence', () => {
    for (const line of [' • Vraag 3', '  • Vraag 12', '- vraag 3', '•Vraag 3', 'Vraag 3:', ' • Vraag 3.', ' * Vraag 3 : ', ' • Vraag', 'Vraag 3',
      ' • Vraag 3: wat vindt u?', 'Vraag 2: Kunt u dit toelichten?', ' • Vraag 2 (vervolg)', '• Vraag 2 😀', ' - Vraag 2 Kunt u dit toelichten?']) {
      assert.ok(readHeading(line), `${JSON.stringify(line)} is a heading`);
    }
    for (const line of ['  - vraag en aanbod van interventies', '  - Vraag 3 en 4 beantwoord ik hieronder samen.', 'Vraag 3 en 4', '• Vraag 2 en 3',
      '  - Vraag 3, 4 en 5 hangen samen.', '  - Vraag 3 t/m 5 gaan over hetzelfde.', '  - Vraag 3 - 5 gaan over hetzelfde.', '  - vraag 3: wat vindt u?', '  - Vraag 12345678901 Kunt u']) {
      assert.equal(readHeading(line), null, `${JSON.stringify(line)} is no heading`);
    }
  });

  it('bulleted answer lines that start with "vraag" are answer text: no phantom question, no duplicate', () => {
    const valid = fs.readFileSync(path.join(CHECKS, 'valid.kvr'), 'utf8');
    const text = valid.replace('  Er zijn 48.000 agenten in dienst.\n',
      '  Er zijn 48.000 agenten in dienst.\n  - vraag en aanbod van interventies sluiten niet op elkaar aan;\n  - Vraag 2 en 3 beantwoord ik hieronder samen.\n');
    assert.notEqual(text, valid);
    const doc = parse(text);
    assert.deepEqual(doc.questions.map((q) => q.number), [1, 2, 3]);
    assert.deepEqual(doc.questions[0]!.answer.map((p) => p.text.trim()).slice(1), [
      '- vraag en aanbod van interventies sluiten niet op elkaar aan;', '- Vraag 2 en 3 beantwoord ik hieronder samen.',
    ]);
    assert.deepEqual(check(doc).map((d) => d.code), []);
  });
});

describe('parse: the documents it makes', () => {
  it('have fast properties and one hidden class in V8, and outlive no young-generation collection', () => {
    // Getters written in an object literal left every document in dictionary mode, and the documents of a
    // run of many files outlived the young-generation collections (parse.ts, DOCUMENT_GETTERS). V8 itself
    // is asked (`%HasFastProperties`, `%HaveSameMap`, a minor `gc`), in a process started to allow it.
    const core = path.join(__dirname, '..', '..', 'server', 'src', 'core', 'index.js');
    const script = `
      const { parse } = require(${JSON.stringify(core)});
      const fs = require('node:fs');
      const texts = fs.readdirSync(${JSON.stringify(EXAMPLES)}).map((n) => fs.readFileSync(${JSON.stringify(EXAMPLES)} + '/' + n, 'utf8'));
      const docs = [...texts, 'Kamervraag 2024Z12345\\n', ''].map(parse);
      const shape = docs.map((d) => %HasFastProperties(d) && %HaveSameMap(d, docs[0]));
      // Many documents made and dropped: what two young-generation collections leave of them.
      gc(); const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < 2000; i++) parse(texts[i % texts.length]);
      gc({ type: 'minor' }); gc({ type: 'minor' });
      const left = process.memoryUsage().heapUsed - before;
      process.stdout.write(JSON.stringify({ shape, left }));
    `;
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--expose-gc', '-e', script], { encoding: 'utf8' });
    const { shape, left } = JSON.parse(out) as { shape: boolean[]; left: number };
    assert.ok(shape.length >= 4);
    assert.deepEqual(shape, shape.map(() => true));
    // 2,000 parses of the examples: about 1 MB is left (V8's own
    // feedback, the last documents), where the documents in dictionary mode left 5 MB.
    assert.ok(left < 2_500_000, `${left} bytes left after two young-generation collections`);
  });
});
