#!/usr/bin/env node
// `align --version` answers without loading the program: it is what scripts call most.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { existsSync } = await import('node:fs');
  // The bundle (npm run build) starts faster; the plain tsc output serves development.
  const bundle = new URL('../dist/bundle/align.js', import.meta.url);
  await import(existsSync(bundle) ? bundle.href : '../dist/cli/main.js');
}
