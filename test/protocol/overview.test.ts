/**
 * The workspace overview (`kamervraag/overview`) and links across documents over the wire, on a folder of
 * the four examples and a document that cites two of them, with a fixed clock (`initializationOptions.today`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentLink, Hover, LocationLink, MarkupContent } from 'vscode-languageserver-protocol';
import { Client, EXAMPLES, FULL_CAPABILITIES, ROOT, positionOf } from './harness';

const WORKSPACE_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'workspace');
const uriOf = (file: string): string => pathToFileURL(file).href;

interface OverviewDocument {
  uri: string; zaaknummer: string | null; title: string | null; indieners: string[]; ingediend: string | null;
  state: string; deadline: string | null; answerTermDays: number; days: number | null; questions: number; unanswered: number;
  beantwoord: string | null; postponedOn: string | null;
}
interface Overview { today: string; answerTermDays: number | null; documents: OverviewDocument[] }

/** Asks until `until` holds (a hang guard for the indexing in the background, not a speed claim). */
async function poll(client: Client, until: (o: Overview) => boolean): Promise<Overview> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const o = await client.request<Overview>('kamervraag/overview', {});
    if (until(o)) return o;
    if (Date.now() > deadline) assert.fail(`the overview never matched; last: ${JSON.stringify(o.documents.map((d) => [d.zaaknummer, d.state]))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const rows = (o: Overview) => o.documents.map((d) => `${d.state} ${d.zaaknummer} ${d.deadline} ${d.days} ${d.questions}/${d.unanswered}`);

describe('kamervraag/overview and links across documents', () => {
  let dir: string;
  let client: Client;
  let changes = 0;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kamervraag-overview-'));
    for (const name of ['2014Z19222.txt', '2024Z16988.txt', '2024Z18294.txt', '2024Z18439.txt']) copyFileSync(path.join(EXAMPLES, name), path.join(dir, name));
    copyFileSync(path.join(WORKSPACE_FIXTURES, '2024Z17000.kvr'), path.join(dir, '2024Z17000.kvr'));
    writeFileSync(path.join(dir, 'notes.txt'), 'Niet een Kamervraag. Zie 2024Z16988.\n');
    client = await Client.start({
      capabilities: { ...FULL_CAPABILITIES, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: uriOf(dir), name: 'ws' }],
      initializationOptions: { today: '2024-11-20', overviewNotifications: true },
    });
    client.conn.onNotification('kamervraag/overviewChanged', () => {
      changes++;
    });
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every Kamervraag of the folder by state: te laat, te beantwoorden (by deadline), uitgesteld, beantwoord', async () => {
    const o = await poll(client, (x) => x.documents.length >= 5);
    assert.equal(o.today, '2024-11-20');
    assert.equal(o.answerTermDays, 21);
    assert.deepEqual(rows(o), [
      'te laat 2024Z17000 2024-10-22 -29 3/2',
      'te beantwoorden 2024Z18439 2024-12-05 15 22/22',
      'uitgesteld 2024Z16988 2024-11-15 null 9/9',
      'beantwoord 2024Z18294 2024-12-04 null 8/0',
      'beantwoord 2014Z19222 2014-11-20 null 10/0',
    ]);
    const d = o.documents.find((x) => x.zaaknummer === '2024Z16988')!;
    assert.deepEqual(d, {
      uri: uriOf(path.join(dir, '2024Z16988.txt')),
      zaaknummer: '2024Z16988',
      title: 'Het bericht «Wachttijden ggz niet goed vastgelegd, zeggen onderzoekers»',
      indieners: ['Van den Hil (VVD)', 'Bikker (ChristenUnie)'],
      ingediend: '2024-10-25',
      state: 'uitgesteld',
      deadline: '2024-11-15',
      answerTermDays: 21,
      days: null,
      questions: 9,
      unanswered: 9,
      beantwoord: null,
      postponedOn: '2024-11-15',
    });
    assert.equal(o.documents.find((x) => x.zaaknummer === '2014Z19222')!.beantwoord, '2014-11-24');
    const shorter = await client.request<Overview>('kamervraag/overview', { answerTermDays: 5 });
    assert.equal(shorter.answerTermDays, 5);
    assert.deepEqual(rows(shorter).slice(0, 2), ['te laat 2024Z17000 2024-10-06 -45 3/2', 'te laat 2024Z18439 2024-11-19 -1 22/22'], 'with a term of 5 days 2024Z18439 is late too');
  });

  it("an open document's current text wins over the file, and the client hears of the change", async () => {
    const file = path.join(dir, '2024Z18439.txt');
    const uri = uriOf(file);
    const text = readFileSync(file, 'utf8').replace('Ingediend 14 november 2024\n', 'Ingediend 14 november 2024\nBeantwoord 19 november 2024 (na 5 dagen)\n');
    const before = changes;
    await client.openAndWait(uri, text);
    const o = await poll(client, (x) => x.documents.find((d) => d.uri === uri)?.state === 'beantwoord');
    assert.equal(o.documents.length, 5, 'the open document replaces its file');
    await waitFor(() => changes > before, 'kamervraag/overviewChanged after the edit');
    await client.close(uri);
    await poll(client, (x) => x.documents.find((d) => d.uri === uri)?.state === 'te beantwoorden');
  });

  it('follows the files: a new Kamervraag on disk appears after its file event', async () => {
    const file = path.join(dir, 'nieuw.kvr');
    writeFileSync(file, 'Kamervraag 2024Z19000\n\nNieuwe vragen\n\nIngediend 19 november 2024\nIndiener Jansen (D66)\n • Vraag 1\n  Waarom?\n');
    const before = changes;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 1 }] });
    const o = await poll(client, (x) => x.documents.some((d) => d.zaaknummer === '2024Z19000'));
    assert.deepEqual(rows(o).slice(1, 3), ['te beantwoorden 2024Z18439 2024-12-05 15 22/22', 'te beantwoorden 2024Z19000 2024-12-10 20 1/1'], 'the first due first');
    await waitFor(() => changes > before, 'kamervraag/overviewChanged after the file event');
  });

  it('a zaaknummer, a kv-tk id and "vraag 4 van … (2024Z16988)" link to the workspace documents; the own zaaknummer and one not in the workspace do not', async () => {
    const file = path.join(dir, '2024Z17000.kvr');
    const uri = uriOf(file);
    const text = readFileSync(file, 'utf8');
    await client.openAndWait(uri, text);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    const lines = text.split('\n');
    const shown = links.map((l) => `${lines[l.range.start.line]!.slice(l.range.start.character, l.range.end.character)} → ${l.target!.replace(uriOf(dir), '')}`);
    assert.deepEqual(shown, [
      'https://zoek.officielebekendmakingen.nl/kv-tk-2024Z17000.html → https://zoek.officielebekendmakingen.nl/kv-tk-2024Z17000.html',
      '2024Z16988 → /2024Z16988.txt',
      'kv-tk-2014Z19222 → /2014Z19222.txt',
      '4 → /2024Z16988.txt#L15,4',
      '2024Z16988 → /2024Z16988.txt',
      '2024Z16988 → /2024Z16988.txt',
      '2 → /2024Z16988.txt#L11,4',
    ]);
    assert.equal(links[3]!.tooltip, 'Open question 4 of Kamervraag 2024Z16988');
  });

  it('go to definition from "vraag 4 van … (2024Z16988)" lands on question 4 of that document; from its own zaaknummer nowhere', async () => {
    const uri = uriOf(path.join(dir, '2024Z17000.kvr'));
    const text = readFileSync(path.join(dir, '2024Z17000.kvr'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('op vraag 4'));
    const other = uriOf(path.join(dir, '2024Z16988.txt'));
    const four = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, line, 'vraag 4', 6) });
    assert.deepEqual(four, [{
      originSelectionRange: { start: { line, character: 29 }, end: { line, character: 30 } },
      targetUri: other,
      targetRange: { start: { line: 14, character: 3 }, end: { line: 14, character: 10 } },
      targetSelectionRange: { start: { line: 14, character: 3 }, end: { line: 14, character: 10 } },
    }]);
    const zaak = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, line, '2024Z16988', 3) });
    assert.equal(zaak[0]!.targetUri, other);
    assert.deepEqual(zaak[0]!.targetRange.start, { line: 0, character: 0 });
    const ownLine = text.split('\n').findIndex((l) => l.includes('Deze vraag 2024Z17000'));
    assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position: positionOf(text, ownLine, '2024Z17000', 2) }), []);
    // The hover says what the reference names: the other document's title, its state on the server's day, the question.
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, line, 'vraag 4', 6) });
    assert.deepEqual((hover.contents as MarkupContent).value.split('\n\n').map((p) => p.slice(0, 30)), [
      '**Kamervraag 2024Z16988**: Het', 'Postponement announced on 15 N', '> Vraag 4: Klopt het dat de in',
    ]);
    assert.deepEqual(hover.range, four[0]!.originSelectionRange);
  });

  it('"vraag 12 van … (2024Z16988)" is a warning while that Kamervraag has no question 12, and is published again when it gains or loses it', async () => {
    const cite = uriOf(path.join(dir, 'verwijzing.kvr'));
    const other = path.join(dir, '2024Z16988.txt');
    const otherUri = uriOf(other);
    const citing = 'Kamervraag 2024Z19100\n\nVervolgvragen\n\nIngediend 19 november 2024\nIndiener Jansen (D66)\n • Vraag 1\n  Wat is de stand van zaken bij vraag 12 van de leden Van den Hil en Bikker (2024Z16988)?\n';
    const cross = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.filter((d) => d.code === 'cross-reference-unknown-question');
    const warned = client.nextDiagnostics(cite, (p) => cross(p).length === 1);
    await client.open(cite, citing);
    const [d] = cross(await warned);
    assert.equal(d!.message, 'Kamervraag 2024Z16988 has no question 12 (that document has questions 1–9).');
    assert.deepEqual(d!.range, { start: positionOf(citing, 7, 'vraag 12', 6), end: positionOf(citing, 7, 'vraag 12', 8) });
    assert.deepEqual(d!.relatedInformation, [{ location: { uri: otherUri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } } }, message: 'Kamervraag 2024Z16988' }]);
    // 2024Z16988 opened with a question 12 added: the citing document, not edited, is published again, clean.
    const withTwelve = readFileSync(other, 'utf8').replace('\n • Mededeling', '\n • Vraag 10\n  Tien?\n • Vraag 11\n  Elf?\n • Vraag 12\n  Twaalf?\n • Mededeling');
    const cleared = client.nextDiagnostics(cite, (p) => cross(p).length === 0);
    await client.open(otherUri, withTwelve);
    await cleared;
    // Closed, its file on disk (questions 1–9) counts again.
    const again = client.nextDiagnostics(cite, (p) => cross(p).length === 1);
    await client.close(otherUri);
    await again;
    // And then it settles: its own publishing changes the index but not its findings, so no more comes.
    await assert.rejects(client.nextDiagnostics(cite, () => true, 600), /no matching diagnostics/);
    await client.close(cite);
  });
});

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`no ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
