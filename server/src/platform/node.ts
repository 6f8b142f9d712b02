/**
 * The language server as a Node process: the transport named on the command line (`--stdio` when none
 * is), the workspace files on disk (those of a virtual workspace, `vscode-vfs:` …, through the client as
 * in the browser), `process.env`.
 */
import { createConnection, ProposedFeatures, type ConnectionOptions, type Message } from 'vscode-languageserver/node';
import { clientWorkspace } from '../service/clientWorkspace';
import { nodeWorkspace, uriPath } from '../service/nodeWorkspace';
import type { WorkspaceFiles } from '../service/workspace';
import type { ServerPlatform } from './platform';

export const platform: ServerPlatform = {
  createConnection(options) {
    // createConnection() reads the transport from argv and throws without one: default to stdio.
    if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio');
    const strategy = (options as ConnectionOptions).messageStrategy;
    return createConnection(ProposedFeatures.all, {
      ...options,
      messageStrategy: {
        handleMessage(message, next) {
          watchOnlyVisibleClient(message);
          return strategy ? strategy.handleMessage(message, next) : next(message);
        },
      },
    });
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

/**
 * The client's process named in `initialize` (`processId`) is watched: the server ends when it does. A
 * process this one cannot see at all (the server run in a container, the editor outside it) would end it
 * within 3 s of starting: such a `processId` is not watched (`--clientProcessId` still is).
 */
function watchOnlyVisibleClient(message: Message): void {
  const params = (message as { method?: unknown; params?: { processId?: unknown } | null }).params;
  if ((message as { method?: unknown }).method !== 'initialize' || typeof params?.processId !== 'number') return;
  try {
    process.kill(params.processId, 0);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ESRCH') params.processId = null;
  }
}
