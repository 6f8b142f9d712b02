// The benchmark's LSP client: the one the protocol and stress tests use (test/support/lspClient.ts,
// built to out/test/support/ by `npm run build`), announcing the capabilities of an editor with a workspace.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `LspClient`, `rssMb`, `atLeastVersion` … of test/support/lspClient.ts, as built. */
export function loadLspClient() {
  return require(path.join(repoRoot, 'out', 'test', 'support', 'lspClient.js'));
}

/** What the benchmark's client announces: diagnostics with versions, symbols, and a watched workspace. */
export const BENCH_CAPABILITIES = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
  },
  workspace: {
    workspaceFolders: true,
    symbol: {},
    didChangeWatchedFiles: { dynamicRegistration: true },
    configuration: true,
  },
  window: { workDoneProgress: false },
};
