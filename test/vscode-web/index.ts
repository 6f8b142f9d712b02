// The web suite's entry (extensionTestsPath): suite.ts in the web-worker extension host.
import { runSuite } from './run';

export function run(): Promise<void> {
  return runSuite(() => import('./suite'));
}
