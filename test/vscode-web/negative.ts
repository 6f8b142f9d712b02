// The web suite's negative control (extensionTestsPath): negativeSuite.ts, whose test fails on purpose.
// scripts/vscode-web-test.mjs checks that this run fails; when it passes, the harness is broken.
import { runSuite } from './run';

export function run(): Promise<void> {
  return runSuite(() => import('./negativeSuite'));
}
