/**
 * What the client bundles hold in place of `minimatch` (scripts/build.mjs, build-web.mjs). vscode-languageclient
 * matches globs itself only for what a server registers with glob patterns: file operation filters
 * (`workspace.fileOperations`), and document filters with a `pattern` for pull diagnostics and notebooks.
 * The Kamervraag server registers none of them (test/protocol/lifecycle.test.ts holds it so: it publishes its
 * diagnostics, and its one document filter is the language), and VS Code matches the file watchers' globs
 * itself. minimatch and brace-expansion were some 27 KB of each client bundle, 7 KB of the .vsix each.
 */
export class Minimatch {
  constructor(pattern: string) {
    throw new Error(`kamervraag: the client has no glob matching (minimatch is left out of its bundle), asked for ${JSON.stringify(pattern)}`);
  }
}
