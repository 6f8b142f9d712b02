/**
 * What the language server takes from the platform it runs on: the connection to the client, the
 * workspace files its index reads, and the environment. `node.ts` (a process: stdio, IPC, sockets; the
 * disk; `process.env`) and `browser.ts` (a Web Worker: postMessage; the files through the client; no
 * environment). `server.ts` imports `./platform/node`; the browser build of scripts/build.mjs resolves
 * that import to `./platform/browser`, so that nothing of Node reaches the Web Worker bundle.
 */
import type { ConnectionOptions, ConnectionStrategy, ProposedFeatures } from 'vscode-languageserver';
import type { WorkspaceFiles } from '../service/workspace';

export interface ServerPlatform {
  /** The connection to the client over this platform's transport, with every proposed feature. */
  createConnection(options: ConnectionStrategy | ConnectionOptions): ProposedFeatures.Connection;
  /** The workspace files the index lists and reads. */
  workspace(connection: ProposedFeatures.Connection): WorkspaceFiles;
  /** An environment variable (`KAMERVRAAG_TODAY`); there is none in a browser. */
  env(name: string): string | undefined;
}
