// The `run()` of an extensionTestsPath entry for VS Code's WEB-WORKER extension host. That host loads
// the entry with `new Function('module', 'exports', 'require', source)`: only `require('vscode')`
// exists, so mocha (its browser build) and the tests are bundled in (scripts/vscode-web-test.mjs).
// Results (and the figures of the bench) go to `../web-results.json` beside the workspace folder,
// written through the workspace file system (the VS Code server's disk); a rejected run() makes the
// workbench exit with code 1.
import 'mocha/mocha';
import * as vscode from 'vscode';

declare const mocha: BrowserMocha;

/** Figures a test measured (web_first_diagnostics_ms), written with the results. */
export const figures: Record<string, number> = {};

export function runSuite(load: () => Promise<unknown>): Promise<void> {
  mocha.setup({ ui: 'tdd', timeout: 60_000, color: false });
  mocha.reporter('spec');
  return load().then(() => new Promise<void>((resolve, reject) => {
    const results: { title: string; state: string; error?: string }[] = [];
    const runner = mocha.run(async (failures) => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      if (folder) {
        const out = vscode.Uri.joinPath(folder, '..', 'web-results.json');
        const json = JSON.stringify({ failures, results, figures }, null, 2);
        await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(json)).then(undefined, (e) => console.error(`cannot write ${out}: ${e}`));
      }
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('fail', (t, err) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.message ?? err) }));
  }));
}
