/**
 * The language server in a Web Worker (VS Code in the browser): messages through the worker's
 * `postMessage`, the workspace files read by the client (`service/clientWorkspace.ts`; the client side
 * is client/src/workspaceFiles.ts), no environment. The browser build (scripts/build.mjs) puts this
 * module where `server.ts` imports `./platform/node`.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { clientWorkspace } from '../service/clientWorkspace';
import type { ServerPlatform } from './platform';

/** The worker's global scope (`self`), which receives and posts the messages. */
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

export const platform: ServerPlatform = {
  createConnection: (options) =>
    createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope), options),
  workspace: (connection) => clientWorkspace((method, params) => connection.sendRequest(method, params)),
  env: () => undefined,
};
