/**
 * One fixture per check (`test/fixtures/checks/<code>.kvr`): each is the valid document `valid.kvr` with
 * one fault, and `⟦…⟧` around the range where the diagnostic must stand.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { check, parse, RULES, DiagnosticSeverity, type KvDiagnostic, type Rule, type RuleCode } from '../../server/src/core';
import { DiagnosticSeverity as LspDiagnosticSeverity } from 'vscode-languageserver-types';
import type { CheckOptions } from '../../server/src/core/checks';
import { checkCrossReferences, type OtherKamervraag } from '../../server/src/core/checks/crossReferences';
import { fixAll } from '../../server/src/core/fixAll';
import { analyze } from '../../server/src/core/analysis';
import { extractMarkers } from '../support/markers';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'checks');
const EXAMPLES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'examples');

function load(name: string) {
  return extractMarkers(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** Codes that a fixture produces besides the one it is about (consequences of the same fault). */
const ALSO: Partial<Record<RuleCode, RuleCode[]>> = {
  'metadata-unknown-key': ['metadata-missing-field'],
  // The answer of the second `Vraag 2` (the former 3) refers to questions 1 and 2: a group with its own
  // number, no reference to itself alone.
  'missing-question-text': ['missing-answer', 'reference-unanswered'],
  'missing-answer': ['reference-unanswered'],
  'reference-unanswered': ['missing-answer'],
};

/** What a fixture's check is told besides the document (the checks that depend on the day). */
const OPTIONS: Partial<Record<RuleCode, CheckOptions>> = {
  'answer-overdue': { today: { year: 2024, month: 11, day: 1 } },
};

/**
 * The other Kamervragen a workspace rule's fixture is checked against: the real 2024Z16988, questions 1–9
 * (2024Z11111, which the fixture names too, is not known).
 */
const OTHERS: Record<string, OtherKamervraag[]> = {
  '2024Z16988': [{ uri: 'file:///ws/2024Z16988.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } }, questions: [1, 2, 3, 4, 5, 6, 7, 8, 9] }],
};

/** Every diagnostic of the fixture: the document's checks, and for a workspace rule the check against OTHERS. */
function checkFixture(code: RuleCode, text: string): KvDiagnostic[] {
  const doc = parse(text);
  const own = check(doc, undefined, OPTIONS[code]);
  if (!(RULES[code] as Rule).workspace) return own;
  const lines = text.split('\n');
  return [...own, ...checkCrossReferences(doc, (l) => lines[l] ?? '', (z) => OTHERS[z] ?? [])];
}

const severe = (d: KvDiagnostic) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning;

describe('checks', () => {
  it("the severities are LSP's numbers (core/diagnostic.ts writes them without loading the types package)", () => {
    assert.deepEqual({ ...DiagnosticSeverity }, { ...LspDiagnosticSeverity });
  });

  it('the valid fixture gives no diagnostic at all', () => {
    const { text } = load('valid.kvr');
    assert.deepEqual(check(parse(text)), []);
  });

  const codes = Object.keys(RULES) as RuleCode[];
  for (const code of codes) {
    it(`${code}: the code, its default severity and the marked range`, () => {
      const file = `${code}.kvr`;
      assert.ok(fs.existsSync(path.join(FIXTURES, file)), `fixture ${file} exists`);
      const { text, ranges } = load(file);
      assert.equal(ranges.length, 1, 'one marked range');
      const diagnostics = checkFixture(code, text);
      const found = diagnostics.filter((d) => d.code === code);
      assert.ok(found.length > 0, `${code} reported; got ${diagnostics.map((d) => d.code).join(', ')}`);
      assert.ok(found.some((d) => JSON.stringify(d.range) === JSON.stringify(ranges[0])),
        `${code} at ${JSON.stringify(ranges[0])}; got ${found.map((d) => JSON.stringify(d.range)).join(' ')}`);
      for (const d of found) {
        assert.equal(d.severity, RULES[code].severity);
        assert.ok(d.message.en.length > 0 && d.message.nl.length > 0, 'messages in English and Dutch');
        assert.notEqual(d.message.en, d.message.nl);
      }
      const others = diagnostics.filter((d) => d.code !== code && severe(d)).map((d) => d.code);
      assert.deepEqual([...new Set(others)].sort(), [...(ALSO[code] ?? [])].sort(), 'no other errors or warnings');
    });
  }

  it('related locations point at the other place involved', () => {
    const dup = check(parse(load('duplicate-question-number.kvr').text)).find((d) => d.code === 'duplicate-question-number')!;
    assert.equal(dup.related.length, 1);
    assert.equal(dup.related[0]!.range.start.line, 16, 'the first Vraag 2');
    const cycle = check(parse(load('reference-cycle.kvr').text)).filter((d) => d.code === 'reference-cycle');
    assert.equal(cycle.length, 2, 'one diagnostic for each answer in the circle');
    assert.deepEqual(cycle.map((d) => d.related.map((r) => r.range.start.line)), [[19], [14]], 'each points at the answer it refers to');
    assert.match(cycle[0]!.message.en, /questions 1, 2\)/);
    const unanswered = check(parse(load('reference-unanswered.kvr').text)).find((d) => d.code === 'reference-unanswered')!;
    assert.equal(unanswered.related[0]!.range.start.line, 16, 'the heading of Vraag 2');
  });

  it('an answer that names its own number in a group or a pasted label refers to nothing: no reference-self, no reference-unanswered', () => {
    const fixture = load('reference-self.kvr').text;
    const head = fixture.slice(0, fixture.indexOf(' • Vraag 1'));
    const tail = fixture.slice(fixture.indexOf('\n\nKamervraag document nummer'));
    const block = (n: number, answer: string) => ` • Vraag ${n}\n  Vraag ${n}?\n${answer ? `\n  ${answer}\n` : ''}\n`;
    const codes = (answers: string[]) => check(parse(head + answers.map((a, i) => block(i + 1, a)).join('') + tail)).map((d) => d.code).filter((c) => c.startsWith('reference-') || c === 'missing-answer');
    assert.deepEqual(codes([
      'Antwoord op vraag 1: Ja.',
      'De vragen 2 en 3 beantwoord ik gezamenlijk. Het kabinet werkt eraan.',
      'Zie het antwoord op vraag 2.',
      'Voor de beantwoording van vraag 4 verwijs ik naar het antwoord op vraag 3.',
      'Vraag 5 en 6: Nee.',
      'Zie antwoord vraag 5.',
      'Zie hiervoor het antwoord op de vragen 6 en 7.',
    ]), []);
    // The second of a group left without its referral: the format wants one (missing-answer), nothing more.
    assert.deepEqual(codes(['Ja.', 'De vragen 2 en 3 beantwoord ik gezamenlijk. Het kabinet werkt eraan.', '']), ['missing-answer']);
    // Sent to itself alone, in the words of a referral: still one.
    assert.deepEqual(codes(['Ja.', 'Zie hiervoor het antwoord op vraag 2.']), ['reference-self']);
    assert.deepEqual(codes(['Ja.', 'Zie de beantwoording van vraag 3.', '']), ['missing-answer', 'reference-unanswered']);
  });

  it('stray text is marked unnecessary, so an editor fades it', () => {
    const [d] = check(parse(load('stray-text.kvr').text));
    assert.equal(d!.unnecessary, true);
  });

  it('days-wrong gives the right number in its message and its fix', () => {
    const d = check(parse(load('days-wrong.kvr').text)).find((x) => x.code === 'days-wrong')!;
    assert.match(d.message.en, /is 14 days, not 15/);
    assert.match(d.message.nl, /is 14 dagen, niet 15/);
    assert.equal(d.fix?.edits[0]?.newText, '14');
  });

  it('days-wrong and late-answer write one day as one day, not "1 days"', () => {
    const text = load('days-wrong.kvr').text.replace('Beantwoord 15 oktober 2024 (na 15 dagen)', 'Beantwoord 2 oktober 2024 (na 3 dagen)');
    const d = check(parse(text)).find((x) => x.code === 'days-wrong')!;
    assert.equal(d.message.en, 'From 1 October 2024 to 2 October 2024 is 1 day, not 3.');
    assert.equal(d.message.nl, 'Van 1 oktober 2024 tot 2 oktober 2024 is 1 dag, niet 3.');
    const twoDays = load('days-wrong.kvr').text.replace('Beantwoord 15 oktober 2024 (na 15 dagen)', 'Beantwoord 3 oktober 2024 (na 2 dagen)');
    const late = check(parse(twoDays), undefined, { answerTermDays: 1 }).find((x) => x.code === 'late-answer')!;
    assert.match(late.message.en, /^Answered after 2 days, later than the term of 1 day,/);
    assert.match(late.message.nl, /^Beantwoord na 2 dagen, later dan de termijn van 1 dag,/);
  });

  it('late-answer is silenced by a Mededeling and links to its source', () => {
    const { text } = load('late-answer.kvr');
    assert.ok(check(parse(text)).some((d) => d.code === 'late-answer'));
    const withNotice = text.replace('\n\n\nKamervraag document nummer', '\n • Mededeling - 20 oktober 2024\n  De vragen kunnen niet binnen de termijn worden beantwoord.\n\n\nKamervraag document nummer');
    assert.ok(!check(parse(withNotice)).some((d) => d.code === 'late-answer'));
    assert.ok(RULES['late-answer'].href.startsWith('https://'));
  });

  it('date-invalid: a month that plainly means one gets a fix with its Dutch name, over the word only', () => {
    const { text } = load('valid.kvr');
    const fixOf = (ingediend: string) => {
      const t = text.replace('Ingediend 1 oktober 2024', `Ingediend ${ingediend}`);
      const d = check(parse(t)).find((x) => x.code === 'date-invalid');
      if (!d?.fix) return d ? 'no fix' : 'no diagnostic';
      const [edit] = d.fix.edits;
      const line = t.split('\n')[edit!.range.start.line]!;
      return `${line.slice(0, edit!.range.start.character)}[${line.slice(edit!.range.start.character, edit!.range.end.character)}→${edit!.newText}]${line.slice(edit!.range.end.character)} (${d.fix.title.nl})`;
    };
    assert.equal(fixOf('1 october 2024'), "Ingediend 1 [october→oktober] 2024 (Wijzig in 'oktober')");
    assert.equal(fixOf('1 Okt 2024'), 'Ingediend 1 [Okt→oktober] 2024 (Wijzig in \'oktober\')');
    assert.equal(fixOf('1  may  2024'), "Ingediend 1  [may→mei]  2024 (Wijzig in 'mei')");
    assert.equal(fixOf('1 febuari 2024'), "Ingediend 1 [febuari→februari] 2024 (Wijzig in 'februari')");
    assert.equal(fixOf('1 okotber 2024'), "Ingediend 1 [okotber→oktober] 2024 (Wijzig in 'oktober')");
    assert.equal(fixOf('1 junii 2024'), "Ingediend 1 [junii→juni] 2024 (Wijzig in 'juni')");
    assert.equal(fixOf('1 mars 2024'), 'no fix', 'two letters from maart in a short word: not plain');
    assert.equal(fixOf('1 jusi 2024'), 'no fix', 'as near to juni as to juli');
    assert.equal(fixOf('30 febuari 2024'), 'no fix', '30 februari does not exist either');
    assert.equal(fixOf('1 oktober 2024'), 'no diagnostic');
    assert.equal(fixOf(`1 ${'oktober'.repeat(100_000)} 2024`), 'no fix', 'a word longer than any month is none of them');
    // In Beantwoord and a Mededeling too.
    const t = text.replace('Beantwoord 15 oktober 2024', 'Beantwoord 15 oktobre 2024');
    assert.equal(check(parse(t)).find((x) => x.code === 'date-invalid')?.fix?.edits[0]?.newText, 'oktober');
  });

  it('date-order: a Mededeling before Ingediend or after Beantwoord (a wrong year), not one between them', () => {
    const { text } = load('valid.kvr');
    const withNotice = (date: string) => text.replace('\n\n\nKamervraag document nummer', `\n • Mededeling - ${date}\n  De vragen kunnen niet binnen de termijn worden beantwoord.\n\n\nKamervraag document nummer`);
    const order = (date: string) => check(parse(withNotice(date))).filter((d) => d.code === 'date-order');
    assert.deepEqual(order('10 oktober 2024'), [], 'between Ingediend (1 oktober) and Beantwoord (15 oktober)');
    assert.deepEqual(order('1 oktober 2024'), [], 'on the day itself');
    const [before] = order('10 oktober 2023');
    assert.equal(before!.message.nl, 'De Mededeling (10 oktober 2023) ligt vóór Ingediend (1 oktober 2024).');
    const lines = withNotice('10 oktober 2023').split('\n');
    assert.equal(lines[before!.range.start.line]!.slice(before!.range.start.character, before!.range.end.character), '10 oktober 2023');
    assert.equal(before!.related[0]!.range.start.line, 4, 'Ingediend');
    const [after] = order('20 oktober 2024');
    assert.equal(after!.message.en, 'The Mededeling (20 October 2024) lies after Beantwoord (15 October 2024).');
    assert.equal(after!.related[0]!.range.start.line, 5, 'Beantwoord');
    // Not yet answered: only Ingediend bounds it.
    const unanswered = withNotice('20 november 2024').replace(/Beantwoord 15 oktober 2024 \(na 14 dagen\)\n/, '');
    assert.deepEqual(check(parse(unanswered)).filter((d) => d.code === 'date-order'), []);
  });

  it('a cycle with a real answer reachable is no cycle', () => {
    const { text } = load('valid.kvr');
    // 2 → 3 and 3 → 1, 2: question 1 has a real answer, so the referrals resolve.
    const t = text.replace('Zie antwoord vraag 1.', 'Zie antwoord vraag 3.');
    assert.deepEqual(check(parse(t)).map((d) => d.code), []);
  });

  it('an answer that says "Ja" or "Nee" before it refers on is an answer: two answers pointing at each other then make no circle', () => {
    const circle = (first: string) => [
      'Kamervraag 2024Z12345', '', 'T', '', 'Ingediend 1 oktober 2024', 'Beantwoord 15 oktober 2024 (na 14 dagen)',
      ' • Vraag 1', '  Klopt het?', '', `  ${first}`, '', ' • Vraag 2', '  En dat?', '', '  Zie antwoord vraag 1.', '',
    ].join('\n');
    const cycles = (first: string) => check(parse(circle(first))).filter((d) => d.code === 'reference-cycle').length;
    assert.equal(cycles('Ja. Zie ook het antwoord op vraag 2.'), 0);
    assert.equal(cycles('Nee, zie antwoord vraag 2.'), 0);
    assert.equal(cycles('NEE. Zie vraag 2.'), 0);
    assert.equal(cycles('Jawel, zie antwoord vraag 2.'), 0);
    assert.equal(cycles('Neen; zie antwoord vraag 2.'), 0);
    // Still a circle: only a referral, or a word that merely starts like "ja" or "nee".
    assert.equal(cycles('Zie antwoord vraag 2.'), 2);
    assert.equal(cycles('Jaren, zie antwoord vraag 2.'), 2);
    assert.equal(cycles('Neer. Zie antwoord vraag 2.'), 2);
  });

  it('a long circle of referrals gives one diagnostic per answer, each with one related location', () => {
    const n = 2000;
    const blocks = Array.from({ length: n }, (_, i) => ` • Vraag ${i + 1}\n  Vraag?\n\n  Zie antwoord vraag ${((i + 1) % n) + 1}.\n`);
    const { text } = load('valid.kvr');
    const t = text.replace(/ • Vraag 1[\s\S]*?(?=\n\n\nKamervraag document)/, blocks.join('\n').trimEnd());
    const cycle = check(parse(t)).filter((d) => d.code === 'reference-cycle');
    assert.equal(cycle.length, n);
    assert.ok(cycle.every((d) => d.related.length === 1 && d.message.en.length < 200));
  });

  it('header: trailing spaces are tolerated; a header of another shape gets a fix', () => {
    const { text } = load('valid.kvr');
    for (const tail of ['   ', '\t', ' \u00a0']) {
      assert.deepEqual(check(parse(text.replace('Kamervraag 2024Z12345\n', `Kamervraag 2024Z12345${tail}\n`))).map((d) => d.code), [], JSON.stringify(tail));
    }
    for (const head of ['kamervraag  2024Z12345 ', '  Kamervraag\t2024Z12345', '\ufeff KAMERVRAAG 2024Z12345']) {
      const t = text.replace('Kamervraag 2024Z12345\n', `${head}\n`);
      const [d, ...rest] = check(parse(t));
      assert.equal(d?.code, 'header-malformed', head);
      assert.deepEqual(rest, []);
      const fix = d.fix!;
      assert.equal(fix.edits[0]!.newText, 'Kamervraag 2024Z12345');
      assert.equal(fix.edits[0]!.range.start.line, 0);
      assert.equal(fix.edits[0]!.range.end.line, 0);
      const fixed = head.slice(0, fix.edits[0]!.range.start.character) + fix.edits[0]!.newText + t.slice(fix.edits[0]!.range.end.character);
      assert.deepEqual(check(parse(fixed)).map((x) => x.code), [], 'the fix mends it');
      assert.equal(fixed.startsWith('\ufeff'), head.startsWith('\ufeff'), 'the BOM stays');
    }
  });

  it('a question that names its own number is no reference-self: the rule is about answers', () => {
    const { text } = load('valid.kvr');
    const t = text.replace('  Wat gaat u doen?', '  Wat is uw reactie op vraag 2 en 3?');
    assert.notEqual(t, text);
    assert.deepEqual(check(parse(t)).map((d) => d.code), []);
    const answer = t.replace('Ik verwijs naar het antwoord op de vragen 1 en 2.', 'Zie antwoord vraag 3.');
    assert.deepEqual(check(parse(answer)).map((d) => d.code), ['reference-self'], 'an answer that refers to itself still does');
  });

  it('a range that names questions that do not exist', () => {
    const { text } = load('valid.kvr');
    const t = text.replace('Zie antwoord vraag 1.', 'Zie de antwoorden op de vragen 1 t/m 5.');
    const d = check(parse(t)).filter((x) => x.code === 'reference-unknown-question');
    assert.deepEqual(d.map((x) => x.message.en), [
      'There is no question 5 (this document has questions 1–3).',
      'The range includes question 4, which does not exist.',
    ]);
    const wider = check(parse(text.replace('Zie antwoord vraag 1.', 'Zie de antwoorden op de vragen 1 t/m 6.'))).filter((x) => x.code === 'reference-unknown-question');
    assert.deepEqual(wider.map((x) => x.message.nl), [
      'Er is geen vraag 6 (dit document heeft vragen 1–3).',
      'Het bereik bevat vragen die niet bestaan: 4–5.',
    ]);
  });

  it('a document of one question: "only question 1", not "questions 1"', () => {
    const text = load('unanswered-document.kvr').text.replace(/ • Vraag 2\n.*\n/, '').replace('Hoeveel agenten zijn er?', 'Hoeveel agenten zijn er, zie vraag 2?');
    const [d] = check(parse(text)).filter((x) => x.code === 'reference-unknown-question');
    assert.equal(d!.message.en, 'There is no question 2 (this document has only question 1).');
    assert.equal(d!.message.nl, 'Er is geen vraag 2 (dit document heeft alleen vraag 1).');
  });

  it('the shared examples give no error or warning', () => {
    const expected: Record<string, string[]> = {
      '2014Z19222.txt': ['late-answer'],
      '2024Z16988.txt': ['unanswered-document'],
      '2024Z18294.txt': [],
      '2024Z18439.txt': ['unanswered-document'],
    };
    for (const [file, codes] of Object.entries(expected)) {
      const diagnostics = check(parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')));
      assert.deepEqual(diagnostics.map((d) => d.code), codes, file);
      assert.ok(diagnostics.every((d) => d.severity === DiagnosticSeverity.Information), file);
    }
  });

  it('an unanswered document gets one information diagnostic on the header, not one per question', () => {
    const { text, ranges } = load('unanswered-document.kvr');
    const diagnostics = check(parse(text));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['unanswered-document', ranges[0]]]);
    assert.equal(diagnostics[0]!.message.en, 'Not answered yet: none of the 2 questions have an answer.');
    assert.equal(diagnostics[0]!.message.nl, 'Nog niet beantwoord: geen van de 2 vragen heeft een antwoord.');
  });

  it('an unanswered document of one question says that question has no answer', () => {
    const text = load('unanswered-document.kvr').text.replace(/ • Vraag 2\n.*\n/, '');
    const [d, ...rest] = check(parse(text));
    assert.equal(rest.length, 0);
    assert.equal(d!.message.en, 'Not answered yet: the question has no answer.');
    assert.equal(d!.message.nl, 'Nog niet beantwoord: de vraag heeft geen antwoord.');
  });
});

describe('footer-title-mismatch: no fix that writes a line read in the title\'s place over the footer', () => {
  const BASE = [
    'Kamervraag 2024Z30000', '', 'Een titel over politie', '', 'Ingediend 1 oktober 2024', 'Beantwoord 8 oktober 2024 (na 7 dagen)',
    'Indiener Jansen (D66)', 'Beantwoord door De Vries', 'Onderwerpen onderwijs',
    'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html', 'Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20242025-1.html',
    ' • Vraag 1', '  Kunt u dit toelichten?', '', '  Ja.', '', '',
    'Kamervraag document nummer: kv-tk-2024Z30000', 'Volledige titel: Een titel over politie',
    'Kamerantwoord document nummer: ah-tk-20242025-1', 'Volledige titel: Antwoord op vragen van het lid Jansen over een titel',
  ];
  const variant = (edit: (lines: string[]) => void) => { const l = [...BASE]; edit(l); return l.join('\n'); };
  const titleFixOf = (text: string) => check(parse(text)).find((d) => d.code === 'footer-title-mismatch');
  const applyFixAll = (text: string) => fixAll(analyze(text)).text;

  it('a stray line where the blank line belongs, a header written twice, a reference or a footnote marker before the title: the mismatch is told, with no fix', () => {
    const cases = {
      'x after the header': variant((l) => l.splice(1, 1, 'x')),
      'the header twice': variant((l) => l.splice(1, 1, 'Kamervraag 2024Z30000')),
      'a reference before the title': variant((l) => l.splice(2, 0, '  Zie antwoord vraag 2 t/m 4.', '')),
      'a footnote marker before the title': variant((l) => l.splice(2, 0, '?1', '')),
    };
    for (const [name, text] of Object.entries(cases)) {
      const d = titleFixOf(text);
      assert.ok(d, `${name}: the mismatch is still told`);
      assert.equal(d.fix, undefined, name);
      assert.ok(applyFixAll(text).includes('Volledige titel: Een titel over politie'), `${name}: fix all keeps the footer's title`);
    }
  });

  it('a title in its place that differs from the footer keeps its fix', () => {
    const text = variant((l) => l.splice(2, 1, 'Een nieuwe titel over politie'));
    assert.ok(titleFixOf(text)?.fix);
    assert.ok(applyFixAll(text).includes('\nVolledige titel: Een nieuwe titel over politie\n'));
  });
});

describe('footer-title-mismatch: white space does not count', () => {
  const valid = load('valid.kvr').text;
  const withFooterTitle = (title: string) => valid.replace('Volledige titel: Capaciteit bij de politie', `Volledige titel: ${title}`);
  const mismatch = (title: string) => check(parse(withFooterTitle(title))).some((d) => d.code === 'footer-title-mismatch');

  it('the same words with other white space (several spaces, a tab, a no-break space) are the same title', () => {
    for (const t of ['Capaciteit  bij de politie', 'Capaciteit\tbij de politie', 'Capaciteit bij\u00a0de politie', 'Capaciteit bij de politie\u2003', 'Capaciteit\u3000bij de\u2009politie']) {
      assert.equal(mismatch(t), false, JSON.stringify(t));
    }
  });

  it('other words, words run together or split, another letter: a mismatch', () => {
    for (const t of ['Capaciteit bijde politie', 'Capaciteit bij de politi', 'Capaciteit bij de politie!', 'Capa citeit bij de politie', 'capaciteit bij de politie', 'Capaciteit bij de politie en de brandweer']) {
      assert.equal(mismatch(t), true, JSON.stringify(t));
    }
  });

  it('agrees with comparing the texts with their white space runs made one space and trimmed', () => {
    const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
    const pieces = ['Capaciteit', 'bij', 'de', 'politie', 'c', ' ', '  ', '\t', '\u00a0', '\u2028', '\ufeff', 'é', '\u200b'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 9 }), (parts) => {
      const title = parts.join('');
      // A footer value is read up to its line's end and trimmed; a title of only white space is none.
      if (/[\n\r\u2028\u2029]/.test(title) || normal(title) === '') return;
      assert.equal(mismatch(title), normal(title) !== 'Capaciteit bij de politie', JSON.stringify(title));
    }), { numRuns: 400, seed: 20261202 });
  });
});
