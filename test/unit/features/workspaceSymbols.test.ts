/** `workspace/symbol` over an in-memory workspace index, and the index's helpers (fuzzy match, summaries). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SymbolKind } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/core/parse';
import { workspaceSymbols } from '../../../server/src/features/workspaceSymbols';
import { fuzzyScore } from '../../../server/src/service/fuzzy';
import { summarize, summarizeText } from '../../../server/src/service/summaries';
import { WorkspaceIndex } from '../../../server/src/service/workspaceIndex';
import { context, EXAMPLES, example, ROOT } from '../../support/features';

const A = 'file:///ws/2014Z19222.txt';
const B = 'file:///ws/2024Z18294.txt';

function index(): WorkspaceIndex {
  const idx = new WorkspaceIndex();
  idx.update(A, parse(example('2014Z19222.txt')));
  idx.update(B, parse(example('2024Z18294.txt')));
  return idx;
}

describe('workspace symbols', () => {
  it('an empty query lists the documents only', () => {
    const symbols = workspaceSymbols(index(), { query: '' }, context());
    assert.deepEqual(symbols.map((s) => [s.location.uri, s.kind]).sort(), [[A, SymbolKind.File], [B, SymbolKind.File]]);
    assert.ok(symbols.every((s) => s.name.startsWith('Kamervraag ')));
  });

  it('a query matches questions fuzzily, each in its document', () => {
    const symbols = workspaceSymbols(index(), { query: 'kwaliteitskader' }, context());
    assert.ok(symbols.length > 0);
    const question = symbols.find((s) => s.kind === SymbolKind.Class);
    assert.ok(question, 'a question matches');
    assert.equal(question.location.uri, B);
    assert.match(question.name, /^Vraag \d+: /);
    assert.ok(question.containerName?.includes('2024Z18294'), question.containerName);
  });

  it('a query nothing matches, and a query that is not a string', () => {
    assert.deepEqual(workspaceSymbols(index(), { query: 'xqzxqzxqz' }, context()), []);
    const odd = workspaceSymbols(index(), { query: 42 as unknown as string }, context());
    assert.equal(odd.length, 2, 'read as the empty query');
  });
});

describe('workspace index helpers', () => {
  it('fuzzyScore: characters in order; tighter matches score lower', () => {
    assert.equal(fuzzyScore('abc', 'xaxbxc'), 3);
    assert.equal(fuzzyScore('abc', 'abc'), 0);
    assert.equal(fuzzyScore('abc', 'acb'), -1);
    assert.ok(fuzzyScore('vraag6', 'vraag 6: hoeveel') < fuzzyScore('vraag6', 'vraag 1: 6 keer'));
  });
  it('summarizeText (the light reader for files on disk) agrees with summarize(parse(text))', () => {
    const dirs = [EXAMPLES, path.join(ROOT, 'test', 'fixtures', 'protocol')];
    let n = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        const original = readFileSync(path.join(dir, name), 'utf8');
        for (const text of [original, original.replace(/\n/g, '\r\n'), original.replace(/\n\n/g, '\n'), original.slice(0, original.length >> 1), '\uFEFF  ' + original, original.replace(/\n/g, '\r'), '', 'Kamervraag', 'kamervraag  \n\n\n • Vraag\n', 'Kamervraag 2014Z19222\n\nTitel\n\n • Vraag 99999999999999999999999\n\n  \ud800 eenzame surrogaat \udc00', ' • Vraag 1\n\n\n • Vraag 2\n\n  Wat?\n • Mededeling - 1 mei 2024\n']) {
          assert.deepEqual(summarizeText('file:///a', text), summarize('file:///a', parse(text)), `${name} (${text.length} chars)`);
          n++;
        }
      }
    }
    assert.ok(n >= 30);
  });
  it('summarize: the document and each question heading', () => {
    const s = summarize('file:///a', parse(example('2024Z18294.txt')));
    assert.equal(s.zaaknummer, '2024Z18294');
    assert.equal(s.symbols.length, 9);
    assert.equal(s.symbols[0]!.name, 'Kamervraag 2024Z18294: Het landelijk kwaliteitskader in relatie tot Preventie met gezag');
    assert.match(s.symbols[1]!.name, /^Vraag 1: Hoe is het Landelijk kwaliteitskader .*…$/);
    assert.ok(s.symbols[1]!.name.length <= 'Vraag 1: '.length + 80);
  });
});
