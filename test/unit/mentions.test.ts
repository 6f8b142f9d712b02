/**
 * Every phrasing of FORMAT.md and its variants: `⟦…⟧` marks each referred number as it must be found.
 * A line without markers must give no question reference.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { AnchorReader } from '../../server/src/core/anchors';
import { scanLineAt } from '../../server/src/core/mentions';
import { scanExternals } from '../../server/src/core/externals';
import { QuestionTable } from '../../server/src/core/questionTable';
import { LineTable } from '../../server/src/core/lines';
import type { Reference } from '../../server/src/core';
import type { ExternalReference } from '../../server/src/core';
import { extractMarkers } from '../support/markers';

/** The question mentions of line `s` on its own, as line `line` of block `fromQuestion`, in part `inPart`. */
function referencesInLine(s: string, line: number, fromQuestion: number | null, inPart: Reference['inPart']): readonly Reference[] {
  // As the parser does: the candidates come with the line table.
  const lines = new LineTable(s);
  const anchors = new AnchorReader(s);
  anchors.through(s.length, 0);
  const table = new QuestionTable(lines);
  scanLineAt(s, line, 0, anchors.list, 0, anchors.count, fromQuestion, inPart, table);
  return table.references();
}

function scan(text: string): { references: readonly Reference[] } {
  return { references: referencesInLine(text, 0, 9, 'answer') };
}

const PHRASES: Array<[marked: string, numbers: number[]]> = [
  ['Zie antwoord vraag ⟦6⟧.', [6]],
  ['(zie antwoord vraag ⟦3⟧)', [3]],
  ['Ja, zie antwoord vraag ⟦3⟧', [3]],
  ['Zie het antwoord op vraag ⟦3⟧.', [3]],
  ['Zie ook het antwoord op vraag ⟦3⟧', [3]],
  ['Zie mijn antwoord op vraag ⟦4⟧', [4]],
  ['Zie ook mijn antwoord op vraag ⟦7⟧', [7]],
  ['Zie tevens het antwoord op vraag ⟦2⟧', [2]],
  ['Zie antwoord op vraag ⟦1⟧', [1]],
  ['Zie vraag ⟦5⟧', [5]],
  ['Ik verwijs voor het overige naar het antwoord op vraag ⟦10⟧.', [10]],
  ['Voor het overige verwijs ik naar vraag ⟦9⟧.', [9]],
  ['Zoals aangegeven in het antwoord op vraag ⟦2⟧', [2]],
  ['Zoals ik bij vraag ⟦2⟧ heb aangegeven', [2]],
  ['In mijn antwoord op vraag ⟦5⟧', [5]],
  ['Zie mijn antwoord op vraag ⟦3⟧, ⟦8⟧ en ⟦9⟧', [3, 8, 9]],
  ['Zie het antwoord op de vragen ⟦2⟧ en ⟦3⟧', [2, 3]],
  ['vraag ⟦2⟧ t/m ⟦5⟧', [2, 3, 4, 5]],
  ['de vragen ⟦1⟧ tot en met ⟦4⟧', [1, 2, 3, 4]],
  ['ZIE ANTWOORD VRAAG ⟦6⟧', [6]],
  ['zie antwoord vraag ⟦6⟧.1', [6]],
  ['Zie de antwoorden op de vragen ⟦1⟧, ⟦2⟧, en ⟦3⟧.', [1, 2, 3]],
  ['Zie antwoord vraag ⟦3⟧; vraag ⟦4⟧ volgt.', [3, 4]],
  ['zie de vragen ⟦4⟧-⟦5⟧.', [4, 5]],
  ['Zie het antwoord op vraag ⟦1⟧ tot en met vraag ⟦3⟧.', [1, 2, 3]],
  ['Zie de vragen ⟦2⟧ t/m vragen ⟦4⟧.', [2, 3, 4]],
  ['Zie het antwoord op de vragen ⟦2⟧, ⟦3⟧ of ⟦4⟧ en vraag ⟦5⟧ en/of ⟦6⟧.', [2, 3, 4, 5, 6]],
  ['de vragen ⟦2⟧ en ofwel 3', [2]],
  // Sub-questions: the letter glued to the number names a part of that question; only the digits are its number.
  ['Zie het antwoord op vraag ⟦2⟧a en ⟦2⟧b.', [2, 2]],
  ['Zie het antwoord op de vragen ⟦2⟧a, ⟦2⟧b en ⟦3⟧.', [2, 2, 3]],
  ['Kunt u bij vraag ⟦4⟧c ook aangeven', [4]],
  ['vraag 2ab, vraag 3x en vraag 4e2', []],
  // Not question references: other documents, footnotes, years, amounts.
  ['zoals in het antwoord (2024Z16988, vraag 2)', []],
  ['Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844, vraag 3', []],
  ['Kamerstuk 29 383, nr. 406 en Kamerstuk 21 501-02, nr. 2733', []],
  ['aanpakken?1 bij brief van 2 juli 20142. De vorige vraag', []],
  ['In de vraagstelling staat 3 keer', []],
  ['De vraag is 3 jaar oud', []],
  ['De vraag 12 jaar geleden en vraag 3 % ervan', []],
  ['De vraag 2,5 procent hoger; de vraag 1,5% lager; de vragen 3,2 miljoen', []],
  ['Zie vraag ⟦2⟧,⟦5⟧ en ⟦7⟧.', [2, 5, 7]],
  ['Zie vraag ⟦12⟧. Jaar na jaar', [12]],
  // Questions of other documents: the document or its askers named after the number, or a `)` before it.
  ['Zie antwoord op vraag 3 van het lid Omtzigt (2024Z12345).', []],
  ['Zie vraag 3 en 4 van de leden Kwint en Westerveld.', []],
  ['Zie het antwoord op vraag 2 uit de vragen van het lid Van Nispen.', []],
  ['Zie mijn antwoord op vraag 5 uit de schriftelijke vragen van de leden Kooiman en Van Nispen.', []],
  ['Zie het antwoord op vraag 6 van het Kamerlid Bikker.', []],
  ['zoals ik schreef in antwoord op vraag 5 (2024Z12345)', []],
  ['zie ook vraag 5, Kamerstuk 29 383, nr. 406', []],
  ['in de beantwoording van de vragen van het lid Omtzigt (2024Z12345), vraag 3', []],
  ['(Aanhangsel Handelingen II, vergaderjaar 2023–2024, nr. 12), vraag 4', []],
  ['(Aanhangsel Handelingen …, nr. 12), vraag 4', []],
  ['Zie antwoord vraag ⟦3⟧ van deze brief.', [3]],
  // Questions of other sets: earlier, written or factual questions, a consultation, a list, a member, the Raad van State.
  ['In antwoord op vraag 7 van eerdere schriftelijke vragen stelde u dat', []],
  ['In antwoord op vraag 3 van eerdere vragen (2024Z01234) stelde u dat', []],
  ['In uw antwoord op vraag 5 van de Kamervragen van het lid Grinwis', []],
  ['In de beantwoording van vraag 8 van mijn eerdere schriftelijke vragen', []],
  ['Herinnert u zich het antwoord op vraag 4 van de heer Van Haga en vraag 2 van mevrouw Tielen?', []],
  ['Kunt u vraag 6 van het schriftelijk overleg alsnog beantwoorden? Vraag 23 uit het verslag ook?', []],
  ['bij vraag 1 van de feitelijke vragen en vraag 14 van de vragenlijst', []],
  ['Kunt u ingaan op vraag 2 van de Raad van State? Vraag 3 van het verzoek betrof', []],
  // Of another letter, named by its date: "uw vraag 3 van 14 mei jl.".
  ['In antwoord op uw vraag 3 van 14 mei jl. en vraag 2 van 3 januari 2024 meld ik', []],
  ['Zie vraag ⟦3⟧ van deze brief en vraag ⟦4⟧ van 2024.', [3, 4]],
  // This document's, however named after the number.
  ['Zie het antwoord op vraag ⟦3⟧ van deze vragen, vraag ⟦2⟧ van de onderhavige vragen en vraag ⟦1⟧ van de minister.', [3, 2, 1]],
  // Dates after the word: "de vragen 14 juli".
  ['Herinnert u zich de vragen 14 juli 2021 gesteld? De antwoorden 1 april en de vragen van 3 mei', []],
  ['Zie vraag ⟦3⟧ en de brief over 2024Z12345.', [3]],
  // Answers numbered without the word "vraag" (in answers only: see below), and tabs.
  ['zie antwoord ⟦6⟧', [6]],
  ['Zie antwoord ⟦6⟧.', [6]],
  ['Zie het antwoord ⟦4⟧', [4]],
  ['zoals beschreven in antwoord ⟦3⟧', [3]],
  ['zoals in de antwoorden ⟦5⟧ en ⟦6⟧', [5, 6]],
  ['Zie de antwoorden ⟦5⟧ t/m ⟦7⟧.', [5, 6, 7]],
  ['Zie Antwoord ⟦2⟧', [2]],
  ['Zie antwoord vraag\t⟦1⟧', [1]],
  ['Zie\tantwoord\t⟦1⟧ en\t⟦2⟧', [1, 2]],
  ['Zie antwoord vraag ⟦2⟧ en antwoord ⟦3⟧', [2, 3]],
  ['Antwoord 3', []],
  ['  Antwoord 3: Nee, dat is niet zo.', []],
  [' - Antwoord 3', []],
  ['Antwoorden 5 en 6', []],
  ['Het antwoord 2 dagen later', []],
  ['Zij hebben het beantwoord 3 keer', []],
  ['verantwoordelijk 3 en antwoorden3', []],
];

describe('references', () => {
  for (const [marked, numbers] of PHRASES) {
    it(marked.replace(/[⟦⟧]/g, ''), () => {
      const { text, ranges } = extractMarkers(marked);
      const found = scan(text).references;
      const targets = found.flatMap((r) => r.targets);
      assert.deepEqual(targets.map((t) => t.number), numbers);
      const written = targets.filter((t) => !t.implied);
      assert.deepEqual(written.map((t) => t.range), ranges.slice(0, written.length));
    });
  }

  it('a range gives the numbers in between as implied targets covering the whole range', () => {
    const { text, ranges } = extractMarkers('zie vraag ⟦2 t/m 5⟧');
    const [ref] = scan(text).references;
    const implied = ref!.targets.filter((t) => t.implied);
    assert.deepEqual(implied.map((t) => t.number), [3, 4]);
    assert.ok(implied.every((t) => JSON.stringify(t.range) === JSON.stringify(ranges[0])));
  });

  it('a huge range gives only its ends', () => {
    const [ref] = scan('zie vraag 1 t/m 100000').references;
    assert.deepEqual(ref!.targets.map((t) => t.number), [1, 100000]);
  });

  it('the phrase range runs from "Zie" to the last number', () => {
    const { text, ranges } = extractMarkers('Ja, ⟦zie ook mijn antwoord op vraag 3, 8 en 9⟧.');
    assert.deepEqual(scan(text).references.map((r) => r.range), ranges);
  });

  it('other documents are recognised as such', () => {
    const text = 'Zie (2024Z16988), (kenmerk 2021Z07817), (2023D39037), Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844, Kamerstuk 29 383, nr. 406 en Kamerstuk 21 501-02, nr. 2733.';
    const externals: ExternalReference[] = [];
    scanExternals(text, 0, 0, externals);
    const found = scan(text);
    assert.deepEqual(externals.map((e) => [e.kind, e.text]), [
      ['zaaknummer', '2024Z16988'],
      ['zaaknummer', '2021Z07817'],
      ['documentnummer', '2023D39037'],
      ['aanhangsel', 'Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844'],
      ['kamerstuk', 'Kamerstuk 29 383, nr. 406'],
      ['kamerstuk', 'Kamerstuk 21 501-02, nr. 2733'],
    ]);
    assert.deepEqual(found.references, []);
  });

  it('"antwoord 6" is a reference in an answer; in a question it names the answer of another document', () => {
    const text = 'Wat bedoelde u met antwoord 6, en hoe verhoudt zich dat tot vraag 2?';
    assert.deepEqual(referencesInLine(text, 0, 9, 'question').map((r) => r.numbers), [[2]]);
    assert.deepEqual(referencesInLine(text, 0, 9, 'answer').map((r) => r.numbers), [[6], [2]]);
    const { text: t, ranges } = extractMarkers('Ja, ⟦zie antwoord 6⟧ en ⟦de antwoorden 7 en 8⟧. Dat staat in ⟦antwoord 9⟧.');
    const found = scan(t).references;
    assert.deepEqual(found.map((r) => r.range), ranges);
    assert.deepEqual(found.map((r) => r.delegates), [true, true, false], '"zie" sends on to the end of its sentence');
    for (const r of found) assert.deepEqual(r.targets.map((x) => x.number), r.numbers, 'targets read again from the text');
  });

  it('other documents need their number in the usual form: no Kamerstuk 215, bare Kamerstukken or Aanhangsel', () => {
    const externals: ExternalReference[] = [];
    scanExternals('zie Kamerstuk 215 en de Kamerstukken; het Aanhangsel van de Handelingen. Kamerstukken 2 en AanhangselHandelingen nr. 3', 0, 0, externals);
    assert.deepEqual(externals.map((e) => e.text), []);
    scanExternals('Kamerstukken II 2019/20, 35 300 VII, nr. 12 en Aanhangsel Handelingen II 2022/23, nr. 844 en Kamerstuk 29 383', 0, 0, externals);
    assert.deepEqual(externals.map((e) => [e.kind, e.text]), [
      ['kamerstuk', 'Kamerstukken II 2019/20, 35 300 VII, nr. 12'],
      ['aanhangsel', 'Aanhangsel Handelingen II 2022/23, nr. 844'],
      ['kamerstuk', 'Kamerstuk 29 383'],
    ]);
  });

  it('delegation: "zie" and "verwijs … naar" send the reader on; a mention in passing does not', () => {
    assert.equal(scan('Zie antwoord vraag 2.').references[0]!.delegates, true);
    assert.equal(scan('Ik verwijs voor het overige naar het antwoord op vraag 10.').references[0]!.delegates, true);
    assert.equal(scan('Zoals ik bij vraag 2 heb aangegeven, is dat zo.').references[0]!.delegates, false);
    // "Zie" earlier in the sentence sends on too; not across a sentence's end.
    for (const sentence of ['Zie hiervoor het antwoord op vraag 2.', 'Zie de beantwoording van vraag 1.', 'Zie voor het overige het antwoord op vraag 2.']) {
      assert.equal(scan(sentence).references[0]!.delegates, true, sentence);
    }
    assert.equal(scan('Zie de bijlage. Vraag 2 gaat daar niet over.').references[0]!.delegates, false);
    assert.deepEqual(scan('Ik zie dat vraag 2 daar niet over gaat; vraag 3 wel.').references.map((r) => r.delegates), [false, false]);
    assert.deepEqual(scan('Ja, zie hiervoor vraag 2 (zie de beantwoording van vraag 3).').references.map((r) => r.delegates), [true, true]);
  });

  it('a mention keeps its numbers; its targets, read again from the text when asked, give the same numbers', () => {
    const text = 'Zie vraag 1, de vragen 2 t/m 5 en 7, en vraag 8–9; vraag 12 jaar geleden; VRAGEN 10 en 11.';
    const found = scan(text).references;
    assert.deepEqual(found.map((r) => r.numbers), [[1], [2, 3, 4, 5, 7], [8, 9], [10, 11]]);
    for (const r of found) {
      assert.deepEqual(r.targets.map((t) => t.number), r.numbers);
      assert.equal(r.targets, r.targets, 'the targets are read once and kept (features compare them by identity)');
      for (const t of r.targets.filter((x) => !x.implied)) {
        assert.equal(text.slice(t.range.start.character, t.range.end.character), String(t.number));
      }
    }
  });
});
