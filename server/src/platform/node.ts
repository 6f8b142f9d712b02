/**
 * The language server as a Node process: the transport named on the command line (`--stdio` when none
 * is), the workspace files on disk (those of a virtual workspace, `vscode-vfs:` …, through the client as
 * in the browser), `process.env`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { clientWorkspace } from '../service/clientWorkspace';
import { nodeWorkspace, uriPath } from '../service/nodeWorkspace';
import type { WorkspaceFiles } from '../service/workspace';
import type { ServerPlatform } from './platform';

export const platform: ServerPlatform = {
  createConnection(options) {
    // createConnection() reads the transport from argv and throws without one: default to stdio.
    if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio');
    return createConnection(ProposedFeatures.all, options);
  },
  workspace(connection) {
    const client = clientWorkspace((method, params) => connection.sendRequest(method, params));
    const on = (uri: string): WorkspaceFiles => (uriPath(uri) !== null ? nodeWorkspace : client);
    return {
      readDirectory: (uri) => on(uri).readDirectory(uri),
      stat: (uri) => on(uri).stat(uri),
      readFile: (uri) => on(uri).readFile(uri),
    };
  },
  env: (name) => process.env[name],
};
