// The "Kamervragen" view and links across documents inside a real VS Code: the view's groups and rows
// (through the `kamervraag.overview.items` command, which reads the view's own tree data provider), that it
// follows a file written to and deleted from the workspace, its deadlines exported as a calendar, and a zaaknummer and "vraag 4 van …
// (2024Z16988)" in one document linking to another. The clock is the system's: every 2024 document
// without an answer is long overdue.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { overviewGroup as group, overviewGroups, overviewRow as row, waitFor as waitWithin, type KamervraagApi, type ShownItem } from './support';

const nl = vscode.env.language.startsWith('nl');
const GROUP = overviewGroups(nl);

const waitFor = <T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> =>
  waitWithin(what, fn, timeoutMs);

const items = () => vscode.commands.executeCommand<ShownItem[]>('kamervraag.overview.items');

function folderUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'a workspace folder must be open');
  return vscode.Uri.joinPath(folder, name);
}

const NEW_DOCUMENT = folderUri('overview-test-2099Z00001.kvr');
const CITING_DOCUMENT = folderUri('overview-test-verwijzing.kvr');
const OVERDUE_DOCUMENT = folderUri('overview-test-2023Z00001.kvr');
const MARKUP_DOCUMENT = folderUri('overview-test-opmaak.kvr');
const NOTES_DOCUMENT = folderUri('overview-test-notities.kvr');

const api = () => vscode.extensions.getExtension('kamervraag.kamervraag')!.exports as KamervraagApi;

suite('Kamervragen view and links across documents', () => {
  suiteTeardown(async () => {
    for (const uri of [NEW_DOCUMENT, CITING_DOCUMENT, OVERDUE_DOCUMENT, MARKUP_DOCUMENT, NOTES_DOCUMENT]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('the view groups the workspace\'s Kamervragen by state, with counts, days late (none for a postponed one) and questions without answer', async () => {
    const tree = await waitFor('the overview with the folder\'s documents', async () => {
      const t = await items();
      return row(group(t, GROUP.postponed), '2024Z16988') && row(group(t, GROUP.answered), '2014Z19222') ? t : undefined;
    });
    const order = [GROUP.late, GROUP.due, GROUP.postponed, GROUP.answered];
    const indexes = tree.map((g) => order.findIndex((re) => re.test(g.label)));
    assert.ok(indexes.every((i) => i >= 0), JSON.stringify(tree.map((g) => g.label)));
    assert.deepEqual(indexes, [...indexes].sort(), 'te laat, te beantwoorden, uitgesteld, beantwoord');
    for (const g of tree) assert.equal(Number(order.map((re) => re.exec(g.label)).find(Boolean)![1]), g.children!.length, `the count of ${g.label}`);
    const late = row(group(tree, GROUP.late), '2024Z18439');
    assert.ok(late, 'the unanswered 2024Z18439 is overdue');
    assert.match(late.label, /^2024Z18439 Het verdwijnen van de restitutiepolis/);
    assert.match(late.description ?? '', nl ? /^\d+ dagen te laat · 22\/22 zonder antwoord$/ : /^\d+ days late · 22\/22 without answer$/);
    assert.ok(late.uri?.endsWith('/2024Z18439.kvr'));
    // A Mededeling sets no new day: a postponed row counts no days, only its open questions.
    assert.equal(row(group(tree, GROUP.postponed), '2024Z16988')!.description, nl ? '9/9 zonder antwoord' : '9/9 without answer');
    assert.ok(row(group(tree, GROUP.answered), '2024Z18294'));
    // archief/2024Z20002.txt, never opened, is there too; notes.txt is not.
    assert.ok(tree.some((g) => row(g, '2024Z20002')));
    assert.ok(!tree.some((g) => g.children!.some((r) => r.uri?.endsWith('/notes.txt'))));
  });

  test('Export Deadlines as Calendar: an .ics with one all-day event per Kamervraag of the view still to be answered', async () => {
    const tree = await waitFor('the overview with an overdue group', async () => {
      const t = await items();
      return group(t, GROUP.late) ? t : undefined;
    });
    const open = [...(group(tree, GROUP.late)?.children ?? []), ...(group(tree, GROUP.due)?.children ?? [])];
    const target = folderUri('overview-test-termijnen.ics');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('kamervraag.overview.exportCalendar', target);
      assert.equal(written?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
      assert.ok(text.endsWith('END:VCALENDAR\r\n'));
      const unfolded = text.replace(/\r\n /g, '');
      // The rows of te laat and te beantwoorden with a zaaknummer (one without a readable Ingediend has no deadline, and no event).
      const uids = [...unfolded.matchAll(/^UID:(\d{4}Z\d{5})-termijn@kamervraag\r$/gm)].map((m) => m[1]);
      assert.deepEqual(uids.sort(), open.map((r) => r.label.split(' ')[0]).filter((z) => /^\d{4}Z\d{5}$/.test(z!)).sort());
      assert.match(unfolded, /\r\nUID:2024Z18439-termijn@kamervraag\r\nDTSTAMP:\d{8}T\d{6}Z\r\nDTSTART;VALUE=DATE:20241205\r\nDTEND;VALUE=DATE:20241206\r\n/);
      assert.match(unfolded, nl ? /\r\nSUMMARY:Termijn Kamervraag 2024Z18439: Het verdwijnen van de restitutiepolis/ : /\r\nSUMMARY:Deadline Kamervraag 2024Z18439: Het verdwijnen van de restitutiepolis/);
      // The file, relative to the workspace.
      assert.match(unfolded, nl ? /\\nBestand: 2024Z18439\.kvr\r\n/ : /\\nFile: 2024Z18439\.kvr\r\n/);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  test('the view follows the files: a Kamervraag written to the folder appears, and goes when deleted', async () => {
    const text = 'Kamervraag 2099Z00001\n\nVragen uit de toekomst\n\nIngediend 1 januari 2099\nIndiener Jansen (D66)\n • Vraag 1\n  Waarom?\n • Vraag 2\n  Hoe?\n';
    await vscode.workspace.fs.writeFile(NEW_DOCUMENT, new TextEncoder().encode(text));
    const tree = await waitFor('2099Z00001 in the view', async () => {
      const t = await items();
      return row(group(t, GROUP.due), '2099Z00001') ? t : undefined;
    });
    assert.match(group(tree, GROUP.due)!.label, GROUP.due);
    assert.match(row(group(tree, GROUP.due), '2099Z00001')!.description ?? '', nl ? / · 2\/2 zonder antwoord$/ : / · 2\/2 without answer$/);
    await vscode.workspace.fs.delete(NEW_DOCUMENT);
    await waitFor('2099Z00001 gone from the view', async () => (!(await items()).some((g) => row(g, '2099Z00001')) ? true : undefined));
  });

  test('a .kvr whose text is no Kamervraag is a row named by its file, its tooltip saying why, not a "?"', async () => {
    await vscode.workspace.fs.writeFile(NOTES_DOCUMENT, new TextEncoder().encode('Boodschappen\nmelk\n'));
    const shown = await waitFor('the notes file in the view', async () =>
      (await items()).flatMap((g) => g.children ?? []).find((r) => r.uri?.endsWith('/overview-test-notities.kvr')));
    // (Its first line, which no header comes before, is read as its title.)
    assert.equal(shown.label, 'overview-test-notities.kvr Boodschappen');
    // (The tooltip's Markdown, its text escaped: `\-`, `&nbsp;`.)
    const tooltip = (shown.tooltip ?? '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(tooltip, nl ? /^\*\*overview-test-notities\.kvr: geen Kamervraag-kop met een zaaknummer\*\*/ : /^\*\*overview-test-notities\.kvr: no Kamervraag header with a zaaknummer\*\*/);
    await vscode.workspace.fs.delete(NOTES_DOCUMENT);
    await waitFor('the notes file gone from the view', async () => (!(await items()).some((g) => g.children?.some((r) => r.uri?.endsWith('/overview-test-notities.kvr'))) ? true : undefined));
  });

  test('a folder of Kamervragen moved, then deleted: the rows move with it, then go (the editor reports the folder alone)', async () => {
    const before = folderUri('overview-test-map');
    const after = folderUri('overview-test-map-verplaatst');
    const text = (z: string) => `Kamervraag ${z}\n\nVragen in een map\n\nIngediend 1 januari 2099\nIndiener Jansen (D66)\n • Vraag 1\n  Waarom?\n`;
    try {
      for (const z of ['2099Z00011', '2099Z00012']) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(before, `${z}.kvr`), new TextEncoder().encode(text(z)));
      const rowsUnder = async (folder: vscode.Uri) => (await items()).flatMap((g) => g.children ?? []).filter((r) => r.uri?.startsWith(`${folder.toString()}/`)).length;
      await waitFor('the two rows of the folder', async () => ((await rowsUnder(before)) === 2 ? true : undefined));
      await vscode.workspace.fs.rename(before, after);
      await waitFor('the rows under the new name, none under the old', async () => ((await rowsUnder(after)) === 2 && (await rowsUnder(before)) === 0 ? true : undefined));
      await vscode.workspace.fs.delete(after, { recursive: true });
      await waitFor('the rows gone with the folder', async () => ((await rowsUnder(after)) === 0 ? true : undefined));
    } finally {
      for (const folder of [before, after]) await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
    }
  });

  test('the badge on the view (and its activity bar icon) counts the overdue Kamervragen and follows the files', async () => {
    const tree = await waitFor('the overview with an overdue group', async () => {
      const t = await items();
      return group(t, GROUP.late) ? t : undefined;
    });
    const late = group(tree, GROUP.late)!.children!.length;
    const badge = await waitFor(`a badge of ${late}`, () => api().overviewBadge()?.value === late ? api().overviewBadge() : undefined);
    const words = nl ? ['Kamervraag te laat', 'Kamervragen te laat'] : ['Kamervraag overdue', 'Kamervragen overdue'];
    assert.equal(badge.tooltip, `${late} ${late === 1 ? words[0] : words[1]}`);
    // A Kamervraag past its term written to the folder: the badge counts it without the view asking for
    // its tree (the view is not shown in this window), and stops counting it when it is deleted.
    const text = 'Kamervraag 2023Z00001\n\nVragen uit het verleden\n\nIngediend 1 januari 2023\nIndiener Jansen (D66)\n • Vraag 1\n  Waarom?\n';
    await vscode.workspace.fs.writeFile(OVERDUE_DOCUMENT, new TextEncoder().encode(text));
    await waitFor(`a badge of ${late + 1}`, () => (api().overviewBadge()?.value === late + 1 ? true : undefined));
    assert.equal(api().overviewBadge()!.tooltip, `${late + 1} ${words[1]}`);
    await vscode.workspace.fs.delete(OVERDUE_DOCUMENT);
    await waitFor(`a badge of ${late} again`, () => (api().overviewBadge()?.value === late ? true : undefined));
  });

  test('a row opens to the side, in its preview, and copies its zaaknummer; the view copies as a table to paste', async () => {
    const tree = await waitFor('the overview with an overdue group', async () => {
      const t = await items();
      return row(group(t, GROUP.late), '2024Z18439') ? t : undefined;
    });
    const late = row(group(tree, GROUP.late), '2024Z18439')!;
    // What VS Code gives a command of a row's menu or inline button: the row's element of the tree.
    const element = { kind: 'document', document: { uri: late.uri, zaaknummer: '2024Z18439' } };
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('kamervraag.overview.openToSide', element);
    const beside = await waitFor('the document open to the side', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === late.uri && e.viewColumn === vscode.ViewColumn.Two));
    assert.equal(beside.document.languageId, 'kamervraag');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Its preview, from the row: the document read, not opened in an editor.
    await vscode.commands.executeCommand('kamervraag.overview.openPreview', element);
    const body = await waitFor('the row\'s preview', () => api().previewBody(vscode.Uri.parse(late.uri!)));
    assert.match(body, /<h1 data-line="2">Het verdwijnen van de restitutiepolis/);
    assert.equal(vscode.window.visibleTextEditors.length, 0, 'no editor opened for it');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('kamervraag.overview.copyZaaknummer', element);
    assert.equal(await vscode.env.clipboard.readText(), '2024Z18439');

    await vscode.commands.executeCommand('kamervraag.overview.copyTable');
    const lines = (await vscode.env.clipboard.readText()).split('\n');
    assert.equal(lines.pop(), '', 'every line ends with a line end');
    assert.equal(lines[0], nl
      ? 'Zaaknummer\tTitel\tIndieners\tIngediend\tStatus\tUiterste datum\tDagen over\tVragen\tZonder antwoord\tBeantwoord op\tUitgesteld op'
      : 'Zaaknummer\tTitle\tSubmitted by\tSubmitted\tState\tDeadline\tDays left\tQuestions\tWithout answer\tAnswered on\tPostponed on');
    const rows = lines.slice(1).map((l) => l.split('\t'));
    // The rows of the view, in its order: its groups one after the other (a row without a zaaknummer is
    // named by its file in the view, geen-kamervraag.kvr; its cell is empty).
    const zaaknummerOf = (c: ShownItem) => (c.label.split(' ')[0] === c.uri?.split('/').pop() ? '' : c.label.split(' ')[0]);
    const shown = (await items()).flatMap((g) => g.children!.map(zaaknummerOf));
    assert.ok(shown.includes(''), 'a row without a zaaknummer');
    assert.deepEqual(rows.map((r) => r[0]), shown);
    const overdue = rows.find((r) => r[0] === '2024Z18439')!;
    assert.equal(overdue[4], nl ? 'Te laat' : 'Overdue');
    assert.ok(Number(overdue[6]) < 0, `days left ${overdue[6]}`);
    assert.deepEqual(overdue.slice(7, 9), ['22', '22']);
  });

  test('a header and title written as Markdown show as written in the row\'s tooltip and the language status: no link, image or icon', async () => {
    // The row's tooltip is Markdown; VS Code reads links and $(icons) in a language status detail, and shows it as
    // trusted Markdown once pinned: a command link there would run.
    const text = [
      'Kamervraag [2024Z30000](command:workbench.action.quit) ![t](https://example.org/p.png) $(alert)', '',
      '**Vet** [bron](https://example.org) <img src=x>', '', 'Ingediend 1 januari 2099', 'Indiener Jansen (D66)', ' • Vraag 1', '  Waarom?', '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(MARKUP_DOCUMENT, new TextEncoder().encode(text));
    const shown = await waitFor('the document in the view', async () =>
      (await items()).flatMap((g) => g.children ?? []).find((r) => r.uri?.endsWith('/overview-test-opmaak.kvr')));
    const tooltip = shown.tooltip ?? '';
    assert.ok(tooltip.includes('2024Z30000') && tooltip.includes('Vet'), tooltip);
    // The brackets and parentheses of the document's text escaped: no link or image can form.
    assert.ok(tooltip.includes('\\[2024Z30000\\]\\(command:') && tooltip.includes('\\*\\*Vet\\*\\*'), tooltip);
    assert.doesNotMatch(tooltip, /(^|[^\\])\]\(/, tooltip);
    const doc = await vscode.workspace.openTextDocument(MARKUP_DOCUMENT);
    await vscode.window.showTextDocument(doc);
    const status = await waitFor('the language status of the document', () => {
      const s = api().languageStatus();
      return /1 (question|vraag)/.test(s.text) && s.detail ? s : undefined;
    });
    assert.doesNotMatch(status.detail!, /command:|\[|\$\(/, status.detail);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a zaaknummer and "vraag 4 van … (2024Z16988)" link to that workspace document and its question 4', async () => {
    const text = [
      'Kamervraag 2024Z17000', '', 'Vervolgvragen', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (D66)',
      ' • Vraag 1', '  Wat is uw reactie op vraag 4 van de leden Van den Hil en Bikker (2024Z16988)?', '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(CITING_DOCUMENT, new TextEncoder().encode(text));
    const doc = await vscode.workspace.openTextDocument(CITING_DOCUMENT);
    await vscode.window.showTextDocument(doc);
    const other = folderUri('2024Z16988.txt');
    const links = await waitFor('links to 2024Z16988', async () => {
      const l = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
      return l.filter((x) => x.target?.path === other.path).length === 2 ? l : undefined;
    });
    const shown = links.filter((l) => l.target?.scheme === 'file').map((l) => `${doc.getText(l.range)} → ${l.target!.path.split('/').pop()}#${l.target!.fragment}`);
    assert.deepEqual(shown, ['4 → 2024Z16988.txt#L15,4', '2024Z16988 → 2024Z16988.txt#']);
    const line = 7;
    const at = doc.lineAt(line).text.indexOf('vraag 4') + 6;
    const targets = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(line, at));
    assert.equal(targets.length, 1);
    const target = targets[0]!;
    const [uri, range] = 'targetUri' in target ? [target.targetUri, target.targetRange] : [target.uri, target.range];
    assert.equal(uri.path, other.path);
    assert.equal(range.start.line, 14, 'the heading of Vraag 4');
  });
});
