// What a new user reads first, in VS Code's display language: the language status item, the outline,
// a hover, diagnostics, a quick fix, and a text that is no Kamervraag. The main run is VS Code in English; the run
// `suite-nl` of scripts/vscode-test.mjs (KAMERVRAAG_VSCODE_SUITE=nl, VS Code started with --locale=nl)
// runs this same file with VS Code in Dutch, and KAMERVRAAG_VSCODE_LANGUAGE=nl makes it expect Dutch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, type KamervraagApi } from './support';

const LANGUAGE = process.env.KAMERVRAAG_VSCODE_LANGUAGE === 'nl' ? 'nl' : 'en';

/** What a user must read, per display language. */
const EXPECTED = {
  en: {
    status2014: '10 questions · 0 without answer',
    detail2014: '2014Z19222 · no problems',
    status2024: '22 questions · not answered yet',
    statusNone: 'not a Kamervraag',
    detailNone: '1 error',
    outline: ['Metadata', ...Array.from({ length: 10 }, (_, i) => `Question ${i + 1}`), 'Footer'],
    parts: ['Question', 'Answer'],
    hover: /^\*\*Question 6\*\*\n[^]*\*\*Answer:\*\* Nee\\\. In iedere/,
    lateAnswer: /^Answered after 25 days, later than the three weeks/,
    none: /^Not a Kamervraag: the first line is `# Notities`, where `Kamervraag <zaaknummer>`/,
    days: 'From 1 October 2024 to 15 October 2024 is 14 days, not 15.',
    fix: 'Change to 14 days',
    termExpired: /· term expired on 5 December 2024 \(\d+ days ago\)$/,
  },
  nl: {
    status2014: '10 vragen · 0 zonder antwoord',
    detail2014: '2014Z19222 · geen problemen',
    status2024: '22 vragen · nog niet beantwoord',
    statusNone: 'geen Kamervraag',
    detailNone: '1 fout',
    outline: ['Metadata', ...Array.from({ length: 10 }, (_, i) => `Vraag ${i + 1}`), 'Voettekst'],
    parts: ['Vraag', 'Antwoord'],
    hover: /^\*\*Vraag 6\*\*\n[^]*\*\*Antwoord:\*\* Nee\\\. In iedere/,
    lateAnswer: /^Beantwoord na 25 dagen, later dan de drie weken/,
    none: /^Geen Kamervraag: de eerste regel is `# Notities`, waar `Kamervraag <zaaknummer>`/,
    days: 'Van 1 oktober 2024 tot 15 oktober 2024 is 14 dagen, niet 15.',
    fix: 'Wijzig in 14 dagen',
    termExpired: /· termijn verstreken op 5 december 2024 \(\d+ dagen geleden\)$/,
  },
}[LANGUAGE];

/** Opens a file of the workspace in an editor and waits until it is a Kamervraag (a .txt is switched). */
async function openKamervraag(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'a workspace folder must be open');
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const doc = await waitFor(`${name} to be kamervraag`, () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'kamervraag'));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The status item's text once it is `text` (the item follows the active editor by itself). */
async function statusOnce(api: KamervraagApi, text: string): Promise<{ text: string; detail: string | undefined; severity: number }> {
  return waitFor(`the status item to read "${text}" (it reads "${api.languageStatus().text}")`, () => {
    const s = api.languageStatus();
    return s.text === text ? s : undefined;
  });
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}

let api: KamervraagApi;

suite(`First look, VS Code in ${LANGUAGE === 'nl' ? 'Dutch' : 'English'}`, () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag');
    assert.ok(ext);
    await openKamervraag('2024Z18439.kvr');
    api = await ext.activate();
    assert.ok((await api.whenStarted())?.isRunning(), 'the language server runs');
  });

  test(`VS Code's display language is ${LANGUAGE}`, () => {
    // In the Dutch run a wrong language here means the harness did not set it, not that the extension is wrong.
    assert.equal(vscode.env.language.slice(0, 2), LANGUAGE, `vscode.env.language is ${vscode.env.language}`);
  });

  test('the language status item: counts as its text, zaaknummer and problems as its detail', async () => {
    await openKamervraag('2014Z19222.txt');
    const answered = await statusOnce(api, EXPECTED.status2014);
    assert.equal(answered.detail, EXPECTED.detail2014);
    assert.equal(answered.severity, vscode.LanguageStatusSeverity.Information);
    await openKamervraag('2024Z18439.kvr');
    const open = await statusOnce(api, EXPECTED.status2024);
    // The detail: zaaknummer, problems, and the answer term against today (a document of 2024 is past it).
    assert.ok(open.detail?.startsWith('2024Z18439 · ' + EXPECTED.detail2014.split(' · ')[1] + ' · '), open.detail);
    assert.match(open.detail!, EXPECTED.termExpired);
    assert.equal(open.severity, vscode.LanguageStatusSeverity.Information);
  });

  test('the outline: the questions with their question and answer', async () => {
    const doc = await openKamervraag('2014Z19222.txt');
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
    assert.deepEqual(symbols.map((s) => s.name), ['Kamervraag 2014Z19222']);
    const children = symbols[0]!.children;
    assert.deepEqual(children.map((s) => s.name), EXPECTED.outline);
    for (const q of children.slice(1, -1)) assert.deepEqual(q.children.map((c) => c.name), EXPECTED.parts, q.name);
  });

  test('a hover and a diagnostic speak the same language', async () => {
    const doc = await openKamervraag('2014Z19222.txt');
    assert.equal(doc.lineAt(55).text, '  Zie antwoord vraag 6.');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(55, 21));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(text, EXPECTED.hover);
    const late = await waitFor('the late-answer diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'late-answer'));
    assert.match(late.message, EXPECTED.lateAnswer);
  });

  test('a quick fix: its title and its diagnostic in the same language', async () => {
    const doc = await openKamervraag('dagen-fout.kvr');
    const days = await waitFor('the days-wrong diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'days-wrong'));
    assert.equal(days.message, EXPECTED.days);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, days.range);
    const fixes = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(fixes.map((a) => a.title), [EXPECTED.fix]);
  });

  test('a .kvr file that is no Kamervraag: one diagnostic, and the status says so', async () => {
    const doc = await openKamervraag('geen-kamervraag.kvr');
    const diagnostics = await waitFor('the not-a-kamervraag diagnostic', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length > 0 ? d : undefined;
    });
    assert.deepEqual(diagnostics.map(codeOf), ['not-a-kamervraag']);
    assert.match(diagnostics[0]!.message, EXPECTED.none);
    assert.equal(diagnostics[0]!.range.start.line, 0);
    const none = await statusOnce(api, EXPECTED.statusNone);
    assert.equal(none.detail, EXPECTED.detailNone);
    assert.equal(none.severity, vscode.LanguageStatusSeverity.Error);
  });
});
