#!/usr/bin/env node
'use strict';
// The Kamervraag language server (LSP). The code is bundled into dist/server.js by `npm run build`
// (which `npm ci` runs through the `prepare` script).
const path = require('node:path');

const HELP = `Usage: kamervraag-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME] [--clientProcessId=PID]

The Kamervraag language server speaks the Language Server Protocol. With no transport
flag it talks over standard input and output (--stdio).

  --stdio              JSON-RPC over stdin/stdout (default)
  --node-ipc           Node IPC (the VS Code extension uses this)
  --socket=PORT        connect to a client listening on 127.0.0.1:PORT
  --pipe=NAME          connect to a named pipe / Unix socket
  --clientProcessId=N  exit when process N ends (also taken from initialize's processId, when this
                       process can see it: not from inside a container)
  --version            print the version and exit
  --help               print this help and exit

Files: *.kvr, *.kamervraag, and any text file whose first line is "Kamervraag <zaaknummer>".
`;

/** The transport argument (`--socket=N`, `--socket N`, `--pipe=NAME`, …) that cannot work, said in one line; or null. */
function transportProblem(argv) {
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag !== '--socket' && flag !== '--pipe' && flag !== '--node-ipc') continue;
    if (flag === '--node-ipc') return typeof process.send === 'function' ? null : '--node-ipc needs a parent process that talks Node IPC (the VS Code extension starts it so)';
    const value = inline ?? argv[i + 1];
    if (flag === '--pipe') return value ? null : '--pipe needs the name of a pipe or Unix socket: --pipe=NAME';
    const port = /^\d{1,5}$/.test(value ?? '') ? Number(value) : NaN;
    return port >= 1 && port <= 65535 ? null : `--socket needs a port from 1 to 65535: --socket=PORT, not '${value ?? ''}'`;
  }
  return null;
}

const args = process.argv.slice(2);
const problem = args.includes('--help') || args.includes('-h') || args.includes('--version') || args.includes('-v') ? null : transportProblem(args);
if (problem) {
  process.stderr.write(`kamervraag-language-server: ${problem}\n`);
  process.exit(2);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${require(path.join(__dirname, '..', 'package.json')).version}\n`);
} else {
  if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio');
  const server = path.join(__dirname, '..', 'dist', 'server.js');
  if (!require('node:fs').existsSync(server)) {
    process.stderr.write(`kamervraag-language-server: ${server} is missing; run \`npm run build\` in ${path.join(__dirname, '..')}\n`);
    process.exit(2);
  }
  // The server leaves through process.exit (an `exit` notification, or its input closed). When Node runs
  // out of work instead, the connection never came or ended without a word: a socket refused, a pipe
  // that is not there. Say so, and not with exit code 0.
  process.once('beforeExit', () => {
    process.stderr.write('kamervraag-language-server: the connection to the client closed or could not be made\n');
    process.exit(1);
  });
  require(server);
}
