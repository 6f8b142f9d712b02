#!/usr/bin/env node
'use strict';
// The `kamervraag` command: see `kamervraag --help`. The code is bundled into dist/ by `npm run build`
// (which `npm ci` runs through the `prepare` script). The commands that read documents tune V8's
// optimizing compiler for their short runs (server/src/cli/compilerFlags.ts).
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
