// EXPECTED TO FAIL: the negative control of the web suite. It asks the real server for the outline of
// 2014Z19222.txt, which has 10 questions, and claims 11: the run must fail, or failures would not
// reach the runner and a passing web suite would prove nothing.
import * as vscode from 'vscode';
import { equal, openAsKamervraag, waitFor } from './check';

suite('negative control (expected to fail)', () => {
  test('the outline of 2014Z19222.txt lists 11 questions (it lists 10: this test must fail)', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    const symbols = await waitFor('the outline', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
    const questions = symbols.flatMap((s) => [s, ...(s.children ?? [])]).filter((s) => /^Question \d+\b/.test(s.name));
    equal(questions.length, 11, 'questions in the outline');
  });
});
