// Issue 13 "in the document", inside a real VS Code: inlay hints after references, code lens (the
// references lens runs VS Code's peek with the converted arguments), the term on the header hover, a
// severity setting that changes the Problems without a restart, and the problems of a file never opened
// (kamervraag.validate.workspace). Runs after extension.test.js in the
// same extension host, on the copy of test/vscode/workspace/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './support';

/** 2014Z19222.txt, switched to the kamervraag language by the extension's first-line detection. */
async function openExample(): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'a workspace folder must be open');
  const uri = vscode.Uri.joinPath(folder, '2014Z19222.txt');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const doc = await waitFor('2014Z19222.txt to become kamervraag', () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'kamervraag'));
  await vscode.window.showTextDocument(doc);
  return doc;
}

const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const lateAnswer = (doc: vscode.TextDocument) => vscode.languages.getDiagnostics(doc.uri).find((d) => code(d) === 'late-answer');

suite('Insight: inlay hints, code lens, term, settings', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension('kamervraag.kamervraag');
    assert.ok(ext);
    await ext.activate();
    doc = await openExample();
  });

  test('inlay hints: the first words of the referenced question after each reference', async () => {
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor('inlay hints', async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range);
      return h.length > 0 ? h : undefined;
    });
    assert.deepEqual(hints.map((h) => h.position.line), [27, 39, 50, 55]);
    const first = hints[0]!;
    const label = typeof first.label === 'string' ? first.label : first.label.map((p) => p.value).join('');
    assert.equal(label, 'Welke mogelijkheden hebben politie en…');
    assert.equal(first.position.character, doc.lineAt(27).text.indexOf('vraag 2') + 'vraag 2'.length);
    assert.equal(first.paddingLeft, true);
  });

  test('code lens: counts over the header and the questions; a reference count opens the references peek', async () => {
    const lenses = await waitFor('code lenses', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return l.length > 0 ? l : undefined;
    });
    assert.equal(lenses.length, 11);
    assert.match(lenses[0]!.command!.title, /^10 (questions|vragen) · 0 (without answer|zonder antwoord)$/);
    const six = lenses.find((l) => doc.lineAt(l.range.start.line).text.startsWith(' • Vraag 6'))!;
    assert.match(six.command!.title, /^1 (reference|verwijzing)$/);
    assert.equal(six.command!.command, 'editor.action.showReferences');
    const [uri, position, locations] = six.command!.arguments as [vscode.Uri, vscode.Position, vscode.Location[]];
    assert.equal(uri.toString(), doc.uri.toString());
    assert.equal(position.line, six.range.start.line);
    assert.equal(locations.length, 1);
    assert.equal(locations[0]!.range.start.line, 55);
    // VS Code's command refuses anything but a Uri, a Position and Locations: it runs only with the client's conversion.
    await vscode.commands.executeCommand(six.command!.command, ...six.command!.arguments!);
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  test('code lens of a pasted collection (too many references to send with every lens): resolved when shown, and it opens the peek', async () => {
    const block = Array.from({ length: 10 }, (_, i) => ` • Vraag ${i + 1}\n  V?\n\n  ${i === 0 ? 'A.' : 'Zie antwoord vraag 1.'}\n`).join('\n');
    const pasted = await vscode.workspace.openTextDocument({
      language: 'kamervraag',
      content: `Kamervraag 2024Z10000\n\nVerzameld\n\nIngediend 1 november 2024\nIndiener Jansen (D66)\n${Array.from({ length: 400 }, () => block).join('\n')}`,
    });
    await vscode.window.showTextDocument(pasted);
    try {
      // VS Code resolves the first lenses (as it does those in view); the command gives those with a command:
      // the header's, and the three it resolved.
      const lenses = await waitFor('code lenses', async () => {
        const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', pasted.uri, 3);
        return l.length === 4 ? l : undefined;
      });
      const first = lenses.find((l) => l.range.start.line === 6)!;
      assert.match(first.command!.title, /^3600 (references|verwijzingen)$/);
      const [uri, position, locations] = first.command!.arguments as [vscode.Uri, vscode.Position, vscode.Location[]];
      assert.ok(uri instanceof vscode.Uri && position instanceof vscode.Position && locations[0] instanceof vscode.Location);
      assert.equal(locations.length, 3600);
      await vscode.commands.executeCommand(first.command!.command, ...first.command!.arguments!);
      await vscode.commands.executeCommand('closeReferenceSearch');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('the header hover shows the answer term', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Kamervraag 2014Z19222/);
    assert.match(text, /24 [Nn]ovember 2014/);
  });

  test('kamervraag.diagnostics.severity changes the Problems without a restart', async () => {
    const config = vscode.workspace.getConfiguration('kamervraag');
    const initial = await waitFor('late-answer', () => lateAnswer(doc));
    assert.equal(initial.severity, vscode.DiagnosticSeverity.Information);
    try {
      await config.update('diagnostics.severity', { 'late-answer': 'error' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('late-answer as an error', () => (lateAnswer(doc)?.severity === vscode.DiagnosticSeverity.Error ? true : undefined));
      await config.update('diagnostics.severity', { 'late-answer': 'ignore' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('late-answer gone', () => (lateAnswer(doc) ? undefined : true));
      assert.ok(vscode.languages.getDiagnostics(doc.uri).every((d) => code(d) !== 'late-answer'));
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // Back to the default: information again.
    await waitFor('late-answer as information again', () => (lateAnswer(doc)?.severity === vscode.DiagnosticSeverity.Information ? true : undefined));
  });

  test('kamervraag.validate.workspace: the problems of a Kamervraag never opened are in the Problems, and go when it is switched off', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const archived = vscode.Uri.joinPath(folder, 'archief', '2024Z20002.txt');
    const codesOf = () => vscode.languages.getDiagnostics(archived).map(code).sort();
    const opened = () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === archived.toString());
    assert.deepEqual(codesOf(), [], 'off by default: a file that is not open has none');
    const config = vscode.workspace.getConfiguration('kamervraag');
    try {
      await config.update('validate.workspace', true, vscode.ConfigurationTarget.Workspace);
      // Ingediend 3 september 2024, no answers: past its term on any day this suite runs.
      const found = await waitFor('the problems of archief/2024Z20002.txt', () => (codesOf().length > 0 ? codesOf() : undefined), 30_000);
      assert.deepEqual(found, ['answer-overdue', 'unanswered-document']);
      assert.ok(!opened(), 'checked without being opened');
    } finally {
      await config.update('validate.workspace', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('its problems gone with the setting', () => (codesOf().length === 0 ? true : undefined), 30_000);
  });

  test('a question another Kamervraag of the workspace does not have is a warning that follows that document as it is edited', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const otherUri = vscode.Uri.joinPath(folder, '2024Z16988.txt');
    const citing = await vscode.workspace.openTextDocument({
      language: 'kamervraag',
      content: 'Kamervraag 2024Z19100\n\nVervolgvragen\n\nIngediend 19 november 2024\nIndiener Jansen (D66)\nOnderwerpen zorg\n • Vraag 1\n  Wat is de stand van zaken bij vraag 12 van de leden Van den Hil en Bikker (2024Z16988)?\n',
    });
    const cross = () => vscode.languages.getDiagnostics(citing.uri).find((d) => code(d) === 'cross-reference-unknown-question');
    const d = await waitFor('cross-reference-unknown-question on "vraag 12"', cross);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(citing.getText(d.range), '12');
    assert.match(d.message, /^Kamervraag 2024Z16988 (has no question 12 \(that document has questions 1–9\)|heeft geen vraag 12 \(dat document heeft vragen 1–9\))\.$/);
    // The Problems view's link goes to the other document's header.
    assert.equal(d.relatedInformation?.[0]?.location.uri.toString(), otherUri.toString());
    assert.equal(d.relatedInformation?.[0]?.location.range.start.line, 0);
    // The light bulb offers the questions of 2024Z16988 it probably meant (a digit too many).
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', citing.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(fixes.map((a) => a.title.replace(/: «.*$/, '')), ['Refer to question 1 of 2024Z16988', 'Refer to question 2 of 2024Z16988']);
    // Questions 10–12 typed into 2024Z16988 (not saved): the citing document, untouched, is clean.
    const other = await vscode.workspace.openTextDocument(otherUri);
    const at = other.getText().indexOf('\n • Mededeling');
    assert.ok(at > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(otherUri, other.positionAt(at), '\n • Vraag 10\n  Tien?\n • Vraag 11\n  Elf?\n • Vraag 12\n  Twaalf?');
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('the warning gone once 2024Z16988 has a question 12', () => (cross() ? undefined : true));
    } finally {
      await vscode.window.showTextDocument(other);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(other.isDirty, false);
    await waitFor('the warning back with 2024Z16988 as it is on disk', cross);
    await vscode.window.showTextDocument(citing);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

