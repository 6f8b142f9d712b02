/**
 * What the client bundles hold in place of four feature modules of vscode-languageclient that this
 * extension's server never uses (scripts/build-web.mjs `unusedClientFeatures`, both client bundles, as
 * noGlobs.ts for minimatch): notebook document sync (`./notebook`), pull diagnostics (`./diagnostic`: the
 * server publishes its diagnostics), file operations (`./fileOperations`: willRename and the like) and
 * semantic tokens (`./semanticTokens`: the TextMate grammar colours the text). They were some 10 KB of
 * each client bundle in the .vsix, with its budget of 400 KB.
 *
 * The library registers every feature it knows (`registerBuiltinFeatures`); each of these stands in as a
 * feature that announces nothing to the server and does nothing, so the client sends no notebooks, asks
 * for no diagnostics, reports no file operations and asks for no tokens. The server offers none of them:
 * test/protocol/lifecycle.test.ts holds its capabilities and registrations so, and
 * test/vscode/unit/unusedFeatures.test.ts holds these names to the ones the library's modules export and
 * the library's use of them to the two places known here. A server that takes one up needs its module back.
 */

/** A client feature that announces nothing and does nothing (the library's `StaticFeature`). */
class Unused {
  fillClientCapabilities(): void {}
  initialize(): void {}
  getState(): { kind: 'static' } {
    return { kind: 'static' };
  }
  clear(): void {}
}

// ./notebook: the client asks for the cell scheme to keep cells of open notebooks among the open documents.
export class NotebookDocumentSyncFeature extends Unused {
  static readonly CellScheme = 'vscode-notebook-cell';
}

// ./diagnostic: `vsdiag` and `DiagnosticPullMode` are part of the library's API (common/api.ts); kept as they are.
export class DiagnosticFeature extends Unused {}
export const vsdiag = { DocumentDiagnosticReportKind: { full: 'full', unChanged: 'unChanged' } } as const;
export const DiagnosticPullMode = { onType: 'onType', onSave: 'onSave', onFocus: 'onFocus' } as const;

// ./fileOperations
export class DidCreateFilesFeature extends Unused {}
export class DidRenameFilesFeature extends Unused {}
export class DidDeleteFilesFeature extends Unused {}
export class WillCreateFilesFeature extends Unused {}
export class WillRenameFilesFeature extends Unused {}
export class WillDeleteFilesFeature extends Unused {}

// ./semanticTokens
export class SemanticTokensFeature extends Unused {}

/**
 * The library's modules (relative to `vscode-languageclient/lib/common/`) that this file stands in for: the
 * build's `UNUSED_CLIENT_MODULES` (scripts/build-web.mjs, plain JavaScript), which test/unit/webBundle.test.ts
 * holds to this list.
 */
export const UNUSED_MODULES = ['notebook', 'diagnostic', 'fileOperations', 'semanticTokens'] as const;
