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
  --clientProcessId=N  exit when process N ends (also taken from initialize's processId)
  --version            print the version and exit
  --help               print this help and exit

Files: *.kvr, *.kamervraag, and any text file whose first line is "Kamervraag <zaaknummer>".
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
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
  require(server);
}
