#!/usr/bin/env node
'use strict';
// The `kamervraag` command: see `kamervraag --help`. The code is bundled into dist/ by `npm run build`
// (which `npm ci` runs through the `prepare` script).
//
// A run is short and reads many small documents: V8's optimizing compiler, on the second core, is what
// the first few thousand wait for (bench/README.md, "Many small documents"). With less inlining it
// compiles the parser in a third less processor time, and the code it makes is hardly slower; checking
// 10,000 files takes some 6 % less time. Without loop peeling (the first turn of each loop compiled
// apart) it compiles less again: 2-3 % less processor time and time. (The language server, which runs for
// hours, keeps V8's defaults.)
require('node:v8').setFlagsFromString('--max-inlined-bytecode-size-cumulative=200 --no-turbo-loop-peeling');
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
