/**
 * A file that starts with a byte order mark (Notepad writes one) and is not open: the server reads it as
 * the editor opens it, without the mark. Its problems (`kamervraag.validate.workspace`) stand where the
 * editor shows them, the same as when it is opened, and a headerless text whose first line is metadata
 * has that line as metadata, not as its title, in the problems and in the overview. Fixed clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { Client, EXAMPLES, FULL_CAPABILITIES } from './harness';

const BOM = '\uFEFF';
const uriOf = (file: string): string => pathToFileURL(file).href;
const shape = (list: readonly Diagnostic[]) => list.map((d) => ({ code: d.code, range: d.range, message: d.message }));

describe('a closed file with a byte order mark is read as the editor opens it', () => {
  let dir: string;
  let client: Client;
  // A header the check rewrites (lower case `kamervraag`: a problem on the first line, where the mark was)
  // and a reference to a question that does not exist.
  const withHeader = readFileSync(path.join(EXAMPLES, '2014Z19222.txt'), 'utf8')
    .replace(/^Kamervraag/, 'kamervraag')
    .replace('  Zie antwoord vraag 6.', '  Zie antwoord vraag 16.');
  // No header: the first line is metadata (the header and the title are missing).
  const headerless = 'Ingediend 1 november 2024\nIndiener Jan Jansen (VVD)\n • Vraag 1\n  Klopt dit?\n';
  const files = { withHeader: '', headerless: '' };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kamervraag-bom-'));
    writeFileSync(path.join(dir, '.kamervraag.json'), JSON.stringify({ validate: { workspace: true } }));
    files.withHeader = path.join(dir, '2014Z19222.kvr');
    files.headerless = path.join(dir, 'concept.kvr');
    writeFileSync(files.withHeader, BOM + withHeader);
    writeFileSync(files.headerless, BOM + headerless);
    client = await Client.start({
      capabilities: FULL_CAPABILITIES,
      workspaceFolders: [{ uri: uriOf(dir), name: 'bom' }],
      initializationOptions: { today: '2024-11-20' },
    });
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, text] of [['withHeader', withHeader], ['headerless', headerless]] as const) {
    it(`${name}: the problems of the file are those of the document opened (the same places)`, async () => {
      const uri = uriOf(files[name]);
      const closed = await client.waitDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length > 0, 30_000);
      const opening = client.nextDiagnostics(uri, (p) => p.version === 1, 30_000);
      // The editor opens it without the mark.
      await client.open(uri, text);
      const opened = await opening;
      assert.deepEqual(shape(closed.diagnostics), shape(opened.diagnostics));
      await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
  }

  it('the first line of the headerless file is metadata: the title is missing, the date is read', async () => {
    const uri = uriOf(files.headerless);
    const closed = await client.waitDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length > 0, 30_000);
    const codes = closed.diagnostics.map((d) => String(d.code));
    assert.ok(codes.includes('title-missing'), codes.join(', '));
    assert.ok(!closed.diagnostics.some((d) => /Ingediend/.test(String(d.message))), 'the Ingediend line is there');
    const overview = await client.request<{ documents: { uri: string; title: string | null; ingediend: string | null }[] }>('kamervraag/overview', {});
    const row = overview.documents.find((d) => d.uri === uri);
    assert.ok(row, 'the file is in the overview');
    assert.equal(row.ingediend, '2024-11-01');
    assert.ok(!row.title, `no title, not the metadata line: ${JSON.stringify(row.title)}`);
  });
});
