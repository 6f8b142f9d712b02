/**
 * Inlay hints, code lens and the answer term over the wire, with the day fixed by
 * `initializationOptions.today`; and every `kamervraag.*` setting: pulled per document
 * (`workspace/configuration`), pushed (`didChangeConfiguration`), from a workspace folder's
 * `.kamervraag.json`, changed while the server runs (diagnostics republished, hints and lenses refreshed).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Diagnostic, Hover, InlayHint, Location, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { Client, EXAMPLES, FULL_CAPABILITIES, ROOT, fixture, lineOf, positionOf } from './harness';

const codes = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.map((d) => String(d.code)).sort();
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };
const hints = (client: Client, uri: string) => client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
const lenses = (client: Client, uri: string) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
const hoverText = async (client: Client, uri: string) =>
  ((await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })).contents as MarkupContent).value;

describe('inlay hints and code lens', () => {
  let client: Client;
  const doc = fixture(EXAMPLES, '2014Z19222.txt');
  before(async () => {
    client = await Client.start({ initializationOptions: { today: '2024-11-30' } });
    await client.openAndWait(doc.uri, doc.text);
  });
  after(() => client.kill());

  it('the server announces both', () => {
    assert.equal(client.initializeResult.capabilities.inlayHintProvider, true);
    assert.deepEqual(client.initializeResult.capabilities.codeLensProvider, { resolveProvider: true });
  });

  it('a hint after each reference: the first words of the question, the whole question in the tooltip', async () => {
    const list = await hints(client, doc.uri);
    const line = lineOf(doc.text, 'Zie antwoord vraag 2.');
    const atTwo = list.find((h) => h.position.line === line)!;
    assert.deepEqual(atTwo.position, positionOf(doc.text, line, 'vraag 2', 'vraag 2'.length));
    assert.equal(atTwo.label, 'Welke mogelijkheden hebben politie en…');
    assert.equal(atTwo.paddingLeft, true);
    assert.match((atTwo.tooltip as MarkupContent).value, /Openbaar Ministerie \\\(OM\\\) om het aantal gedwongen prostituees zo goed mogelijk in beeld te krijgen\?$/);
    // One for each reference of the example: vraag 2, 9, 10 and 6.
    assert.deepEqual(list.map((h) => h.position.line), [28, 40, 51, 56].map((l) => l - 1));
  });

  it('a lens over the header and one per question; a reference count carries the references peek', async () => {
    const list = await lenses(client, doc.uri);
    assert.equal(list.length, 11);
    assert.equal(list[0]!.command!.title, '10 questions · 0 without answer');
    const six = list.find((l) => l.range.start.line === lineOf(doc.text, ' • Vraag 6'))!;
    assert.equal(six.command!.title, '1 reference');
    assert.equal(six.command!.command, 'editor.action.showReferences');
    const [uri, position, locations] = six.command!.arguments as [string, unknown, Location[]];
    assert.equal(uri, doc.uri);
    assert.deepEqual(position, positionOf(doc.text, lineOf(doc.text, ' • Vraag 6'), '6'));
    const at = positionOf(doc.text, lineOf(doc.text, 'Zie antwoord vraag 6.'), '6');
    assert.deepEqual(locations, [{ uri: doc.uri, range: { start: at, end: { line: at.line, character: at.character + 1 } } }]);
  });
});

describe('code lens of a pasted collection whose questions share numbers', () => {
  it('the heading lenses come without their command; codeLens/resolve gives it, with the references; a lens not of this server is refused', async () => {
    const block = Array.from({ length: 10 }, (_, i) => ` • Vraag ${i + 1}\n  V?\n\n  ${i === 0 ? 'A.' : 'Zie antwoord vraag 1.'}\n`).join('\n');
    const text = `Kamervraag 2024Z10000\n\nVerzameld\n\nIngediend 1 november 2024\nIndiener Jansen (D66)\n${Array.from({ length: 400 }, () => block).join('\n')}`;
    const uri = 'file:///tmp/kamervraag-pasted/verzameld.kvr';
    const client = await Client.start({ initializationOptions: { today: '2024-11-30' } });
    try {
      await client.openAndWait(uri, text);
      const list = await lenses(client, uri);
      assert.equal(list.length, 4001);
      const heading = list[1]!;
      assert.equal(heading.command, undefined);
      const resolved = await client.request<CodeLens>('codeLens/resolve', heading);
      assert.deepEqual(resolved.range, heading.range);
      assert.equal(resolved.command!.title, '3600 references');
      assert.equal((resolved.command!.arguments![2] as Location[]).length, 3600);
      await assert.rejects(client.request('codeLens/resolve', { range: heading.range, data: { uri } }), (e: { code?: number }) => e.code === -32602);
      // The document closed: the lens as it came.
      await client.close(uri);
      assert.deepEqual(await client.request<CodeLens>('codeLens/resolve', heading), heading);
    } finally {
      client.kill();
    }
  });
});

describe('a new day: the system clock passing midnight (out/test/support/shiftedClock.js)', () => {
  it('just after midnight the open document is judged again without an edit: answer-overdue, the status, the overview told', async () => {
    const late = fixture(EXAMPLES, '2024Z18439.txt'); // its term ends on 5 December 2024
    process.env.KAMERVRAAG_TEST_NOW = '2024-12-05T23:59:54';
    let client: Client;
    try {
      client = await Client.start({
        nodeArgs: ['--require', path.join(ROOT, 'out', 'test', 'support', 'shiftedClock.js')],
        initializationOptions: { overviewNotifications: true },
      });
    } finally {
      delete process.env.KAMERVRAAG_TEST_NOW;
    }
    try {
      let told = 0;
      client.conn.onNotification('kamervraag/overviewChanged', () => {
        told++;
      });
      const term = async () => {
        const { state, daysLeft } = (await client.request<{ term: { state: string; daysLeft: number | null } }>('kamervraag/status', { textDocument: { uri: late.uri } })).term;
        return [state, daysLeft];
      };
      assert.deepEqual(codes(await client.openAndWait(late.uri, late.text)), ['unanswered-document'], 'on the last day of the term');
      assert.deepEqual(await term(), ['te beantwoorden', 0]);
      const before = told;
      const next = await client.waitDiagnostics(late.uri, (p) => codes(p).includes('answer-overdue'), 15_000);
      assert.deepEqual(codes(next), ['answer-overdue', 'unanswered-document']);
      assert.equal(next.version, 1, 'the same version of the document, judged on the new day');
      assert.deepEqual(await term(), ['te laat', -1]);
      for (const until = Date.now() + 5000; told === before && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
      assert.ok(told > before, 'kamervraag/overviewChanged on the new day');
    } finally {
      client.kill();
    }
  });
});

describe('the answer term with a fixed clock (initializationOptions.today)', () => {
  const late = fixture(EXAMPLES, '2024Z18439.txt');
  const postponed = fixture(EXAMPLES, '2024Z16988.txt');

  it('before the deadline: the hover and the status say when, no answer-overdue', async () => {
    const client = await Client.start({ initializationOptions: { today: '2024-11-30' }, locale: 'nl' });
    try {
      assert.deepEqual(codes(await client.openAndWait(late.uri, late.text)), ['unanswered-document']);
      assert.match(await hoverText(client, late.uri), /Antwoord verwacht uiterlijk 5 december 2024 \\\(nog 5 dagen\\\)/);
      const status = await client.request<{ term: unknown }>('kamervraag/status', { textDocument: { uri: late.uri } });
      assert.deepEqual(status.term, { state: 'te beantwoorden', deadline: '2024-12-05', daysLeft: 5, postponedOn: null, text: 'antwoord verwacht uiterlijk 5 december 2024 (nog 5 dagen)' });
    } finally {
      client.kill();
    }
  });

  it('a client that announces the command kamervraag.startAnswering gets a lens for it over an unanswered header; others do not', async () => {
    const client = await Client.start({ initializationOptions: { today: '2024-11-30', commands: ['kamervraag.startAnswering', 42] } });
    const plain = await Client.start({ initializationOptions: { today: '2024-11-30' } });
    try {
      await client.openAndWait(late.uri, late.text);
      await plain.openAndWait(late.uri, late.text);
      const start = (await lenses(client, late.uri)).filter((l) => l.command?.command === 'kamervraag.startAnswering');
      assert.deepEqual(start.map((l) => [l.range.start.line, l.command!.title]), [[0, 'Start answering']]);
      assert.ok(!(await lenses(plain, late.uri)).some((l) => l.command?.command === 'kamervraag.startAnswering'));
      await client.openAndWait(postponed.uri, postponed.text);
      assert.equal((await lenses(client, postponed.uri)).filter((l) => l.command?.command === 'kamervraag.startAnswering').length, 1, 'postponed, still without answers');
    } finally {
      client.kill();
      plain.kill();
    }
  });

  it('after it: term expired, answer-overdue on Ingediend; after a Mededeling: postponement', async () => {
    const client = await Client.start({ initializationOptions: { today: '2024-12-17' } });
    try {
      const published = await client.openAndWait(late.uri, late.text);
      assert.deepEqual(codes(published), ['answer-overdue', 'unanswered-document']);
      const overdue = published.diagnostics.find((d) => d.code === 'answer-overdue')!;
      assert.equal(overdue.severity, 3);
      assert.deepEqual(overdue.range.start, positionOf(late.text, 4, '14 november 2024'));
      assert.match(String(overdue.message), /ended on 5 December 2024, 12 days ago/);
      assert.match(overdue.codeDescription!.href, /artikel=135/);
      assert.match(await hoverText(client, late.uri), /Term expired on 5 December 2024 \\\(12 days ago\\\)/);
      assert.deepEqual(codes(await client.openAndWait(postponed.uri, postponed.text)), ['unanswered-document']);
      assert.match(await hoverText(client, postponed.uri), /Postponement announced on 15 November 2024/);
    } finally {
      client.kill();
    }
  });

  it('answer-overdue has a quick fix: a Mededeling of today after the last question; applied, the term is postponed', async () => {
    const client = await Client.start({ initializationOptions: { today: '2024-12-17' }, locale: 'nl' });
    try {
      const { diagnostics } = await client.openAndWait(late.uri, late.text);
      const overdue = diagnostics.find((d) => d.code === 'answer-overdue')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: late.uri }, range: overdue.range, context: { diagnostics: [overdue], only: ['quickfix'] } });
      assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [['Voeg een Mededeling (uitstelbericht) van vandaag toe', 'quickfix', true]]);
      const all = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: late.uri }, range: overdue.range, context: { diagnostics: [], only: ['source.fixAll.kamervraag'], triggerKind: 2 },
      });
      assert.deepEqual(all, [], 'not part of fix-all: it writes text for the author to read');
      const edits = actions[0]!.edit!.changes![late.uri]!;
      const text = TextDocument.applyEdits(TextDocument.create(late.uri, 'kamervraag', 1, late.text), edits);
      assert.match(text, /\n • Vraag 22\n {2}Kunt u deze vragen afzonderlijk beantwoorden\?\n • Mededeling - 17 december 2024\n {2}De vragen van de leden Westerveld \(GroenLinks-PvdA\) en Bushoff \(GroenLinks-PvdA\) over het verdwijnen/);
      const republished = client.waitDiagnostics(late.uri, (p) => p.version === 2);
      await client.change(late.uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
      assert.deepEqual(codes(await republished), ['unanswered-document']);
      assert.match(await hoverText(client, late.uri), /Uitstel gemeld op 17 december 2024/);
    } finally {
      client.kill();
    }
  });
});

/** A client that answers `workspace/configuration` with `settings` per document and counts refresh requests. */
async function pullClient(settings: (uri: string) => unknown, options: { folders?: string[]; today?: string } = {}) {
  const client = new Client();
  const refreshes = { inlayHint: 0, codeLens: 0 };
  client.conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
    p.items.map((item) => (item.section === 'kamervraag' ? settings(item.scopeUri ?? '') : null)));
  client.conn.onRequest('workspace/inlayHint/refresh', () => {
    refreshes.inlayHint++;
    return null;
  });
  client.conn.onRequest('workspace/codeLens/refresh', () => {
    refreshes.codeLens++;
    return null;
  });
  await client.initialize({
    capabilities: {
      ...FULL_CAPABILITIES,
      workspace: { configuration: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
    },
    initializationOptions: { today: options.today ?? '2024-12-17' },
    workspaceFolders: options.folders?.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })) ?? null,
  });
  return { client, refreshes };
}

const waitFor = async (what: string, check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(check(), what);
};

describe('settings', () => {
  const answered = fixture(EXAMPLES, '2014Z19222.txt'); // late-answer (25 days)
  const late = fixture(EXAMPLES, '2024Z18439.txt'); // answer-overdue on 2024-12-17

  it('every setting, pulled per document, and changed live: republished and refreshed without a restart', async () => {
    let current: Record<string, unknown> = { diagnostics: { severity: { 'late-answer': 'error' } } };
    const { client, refreshes } = await pullClient(() => current);
    try {
      const first = await client.openAndWait(answered.uri, answered.text);
      assert.deepEqual(first.diagnostics.map((d) => [d.code, d.severity]), [['late-answer', 1]]);
      await client.openAndWait(late.uri, late.text);
      const change = async (next: Record<string, unknown>, uri: string, accept: (p: PublishDiagnosticsParams) => boolean) => {
        current = next;
        const published = client.nextDiagnostics(uri, accept);
        await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
        return published;
      };
      // diagnostics.severity: ignore
      assert.deepEqual(codes(await change({ diagnostics: { severity: { 'late-answer': 'ignore' } } }, answered.uri, (p) => p.diagnostics.length === 0)), []);
      await waitFor('an inlay hint and a code lens refresh', () => refreshes.inlayHint > 0 && refreshes.codeLens > 0);
      // answerTermDays: 35 days, so 2014Z19222 (25 days) is in time and 2024Z18439 not yet overdue on 17 december
      const answeredAgain = client.nextDiagnostics(answered.uri);
      await change({ answerTermDays: 35 }, late.uri, (p) => !codes(p).includes('answer-overdue'));
      // Republished (its settings changed: late-answer no longer ignored) and still empty: in time under 35 days.
      assert.deepEqual((await answeredAgain).diagnostics, []);
      assert.match(await hoverText(client, late.uri), /Answer due by 19 December 2024 \\\(2 days left\\\)/);
      // validate.enable: false
      await change({ validate: { enable: false } }, late.uri, (p) => p.diagnostics.length === 0);
      // maxNumberOfProblems: 1 (two diagnostics: one shown and the note)
      const limited = await change({ maxNumberOfProblems: 1 }, late.uri, (p) => p.diagnostics.some((d) => d.code === 'too-many-problems'));
      assert.equal(limited.diagnostics.length, 2);
      // inlayHints.enabled / maxLength, codeLens.enabled
      // (No diagnostic changes here: the refresh request says the settings were read.)
      const refreshed = refreshes.inlayHint;
      current = { inlayHints: { maxLength: 8 } };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await waitFor('a refresh after maxLength', () => refreshes.inlayHint > refreshed);
      const short = await hints(client, answered.uri);
      assert.ok(short.length === 4 && short.every((h) => (h.label as string).length <= 8), JSON.stringify(short.map((h) => h.label)));
      current = { inlayHints: { enabled: false }, codeLens: { enabled: false } };
      const before = refreshes.inlayHint;
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await waitFor('a refresh', () => refreshes.inlayHint > before);
      assert.deepEqual(await hints(client, answered.uri), []);
      assert.deepEqual(await lenses(client, answered.uri), []);
    } finally {
      client.kill();
    }
  });

  it('pushed settings (a client without workspace/configuration) apply too', async () => {
    const client = await Client.start({ initializationOptions: { today: '2024-12-17' } });
    try {
      assert.deepEqual(codes(await client.openAndWait(late.uri, late.text)), ['answer-overdue', 'unanswered-document']);
      const next = client.nextDiagnostics(late.uri, (p) => codes(p).length === 1);
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { kamervraag: { diagnostics: { severity: { 'answer-overdue': 'ignore' } } } } });
      assert.deepEqual(codes(await next), ['unanswered-document']);
    } finally {
      client.kill();
    }
  });

  it(".kamervraag.json of the workspace folder applies, the editor's settings override it, and a change to the file is read again", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-settings-'));
    const config = path.join(dir, '.kamervraag.json');
    fs.writeFileSync(config, JSON.stringify({ diagnostics: { severity: { 'late-answer': 'warning', 'answer-overdue': 'ignore' } }, inlayHints: { maxLength: 10 } }));
    fs.mkdirSync(path.join(dir, 'sub'));
    const files = { answered: path.join(dir, 'sub', '2014Z19222.kvr'), late: path.join(dir, '2024Z18439.kvr') };
    fs.copyFileSync(path.join(EXAMPLES, '2014Z19222.txt'), files.answered);
    fs.copyFileSync(path.join(EXAMPLES, '2024Z18439.txt'), files.late);
    let editor: Record<string, unknown> = {};
    const { client } = await pullClient(() => editor, { folders: [dir] });
    try {
      const uri = pathToFileURL(files.answered).href;
      const lateUri = pathToFileURL(files.late).href;
      const published = await client.openAndWait(uri, answered.text);
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['late-answer', 2]]);
      assert.deepEqual(codes(await client.openAndWait(lateUri, late.text)), ['unanswered-document']);
      assert.ok((await hints(client, uri)).every((h) => (h.label as string).length <= 10));
      // The editor's choice wins over the file's, code by code.
      editor = { diagnostics: { severity: { 'late-answer': 'hint' } } };
      const next = client.nextDiagnostics(uri, (p) => p.diagnostics[0]?.severity === 4);
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await next;
      assert.deepEqual(codes(client.diagnostics.get(lateUri)!.at(-1)!), ['unanswered-document'], 'the file still ignores answer-overdue');
      // The file changes on disk: the watcher's event makes the server read it again.
      assert.ok(JSON.stringify(client.registrations).includes('.kamervraag.json'), 'the server watches .kamervraag.json');
      fs.writeFileSync(config, JSON.stringify({ validate: { enable: false } }));
      const cleared = client.nextDiagnostics(lateUri, (p) => p.diagnostics.length === 0);
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      await cleared;
    } finally {
      client.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
