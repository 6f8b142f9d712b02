/**
 * The protocol tests' LSP client (test/support/lspClient.ts) must never keep a test's process alive once
 * its server has gone. vscode-jsonrpc warns of a half-read message on a 10 s timer that sets itself again
 * for as long as the rest does not come: a server that ended in the middle of a message kept a test file's
 * process running for ever after all its tests had passed (CI hung in the protocol tests).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../support/cli';

describe('the protocol tests\' LSP client', () => {
  it('lets its process end when the server ends in the middle of a message', async () => {
    // In a process of its own: the client starts a "server" that writes a header and half a body, then ends.
    const script = path.join(tempDir('kamervraag-lsp-client-'), 'half-a-message.js');
    const halfAMessage = 'process.stdout.write("Content-Length: 100\\r\\n\\r\\n{\\"jsonrpc\\":"); setTimeout(() => process.exit(0), 200);';
    fs.writeFileSync(
      script,
      `const { LspClient } = require(${JSON.stringify(path.join(__dirname, '..', 'support', 'lspClient.js'))});
const client = new LspClient({ nodeArgs: ['-e', ${JSON.stringify(halfAMessage)}] });
client.exited.then(() => { client.conn.dispose(); process.stdout.write('server gone\\n'); });
`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    // A hang guard, not a measure of speed: without the fix the process never ends (the warning's timer
    // sets itself again every 10 s); 30 s is far beyond the second it takes.
    const ended = await new Promise<number | string>((resolve) => {
      const guard = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('still running after 30 s');
      }, 30_000);
      child.on('exit', (code) => {
        clearTimeout(guard);
        resolve(code ?? 'killed');
      });
    });
    assert.equal(out, 'server gone\n');
    assert.equal(ended, 0);
  });
});
