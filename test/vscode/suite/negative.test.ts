// The negative control: this suite must fail, and the harness checks that the run then fails.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('negative control (must fail)', () => {
  test('a deliberately wrong expectation', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length ?? 0, 42);
  });
});
