#!/usr/bin/env node
// `npm test`: every test layer, in order, the stress and server layers side by side. On 2 cores
// that is where the time goes: the stress layer computes in its own process while the server layer
// mostly waits on the servers it starts. A layer run beside another keeps its output and prints it
// whole when it ends, so no two reports interleave. Stops at the first failing step; prints the
// time of each layer and the total.
import { spawn } from 'node:child_process';

const STEPS = [['typecheck'], ['test:unit'], ['test:stress', 'test:server'], ['test:e2e']];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = performance.now();
const timings = [];

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs one npm script; output goes straight through, or is kept and printed when it ends. */
function run(script, { buffered }) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(npm, ['run', script], { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      if (buffered) process.stdout.write(Buffer.concat(output));
      const ms = performance.now() - t0;
      timings.push([script, ms, code === 0]);
      resolve({ script, ok: code === 0, why: signal ? `killed by ${signal}` : `exit code ${code}` });
    });
    child.on('error', (error) => resolve({ script, ok: false, why: error.message }));
  });
}

function summary() {
  console.log('\n::: test layers');
  for (const [script, ms, ok] of timings) console.log(`    ${script.padEnd(12)} ${seconds(ms).padStart(8)}  ${ok ? 'passed' : 'FAILED'}`);
  console.log(`    ${'total'.padEnd(12)} ${seconds(performance.now() - started).padStart(8)}`);
}

for (const step of STEPS) {
  const results = await Promise.all(step.map((script) => run(script, { buffered: step.length > 1 })));
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    summary();
    for (const f of failed) console.error(`npm test: ${f.script} failed (${f.why})`);
    process.exit(1);
  }
}
summary();
