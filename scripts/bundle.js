// Bundles the CLI into dist/bundle/ so that starting align reads a few files instead of
// hundreds: Node 20 has no compile cache, and resolving and compiling each module of
// commander, zod and yaml separately costs more than the work of `--help` itself.
// Each command stays in its own chunk, loaded only when it runs.
//
// The bundle holds every library align uses, so the published package needs none of them
// installed: a library goes in devDependencies, and the bundle takes it in. Only what
// package.json lists under "dependencies" is left out of the bundle and loaded from
// node_modules at run time; that list is for the rare library that cannot be bundled
// (one that reads files beside its own code, or a native addon).
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist/bundle';

/**
 * Two libraries load Node modules at start-up that align does not use there, about 30 ms of
 * every command (measured with --cpu-prof):
 * - chalk detects the terminal's colours when it loads (node:tty, node:os, node:process), but
 *   align gives every Chalk its level itself (adapters/terminal/style.ts): its detection is
 *   replaced by one that finds none;
 * - commander requires node:child_process for subcommands that are programs of their own,
 *   which align has none of: it gets the module when it first uses it.
 */
const startLight = {
  name: 'start-light',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (args.importer.includes('/chalk/') ? { path: 'no-detection', namespace: 'start-light' } : undefined));
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes('/commander/') ? { path: 'child_process', namespace: 'start-light' } : undefined));
    b.onLoad({ filter: /^no-detection$/, namespace: 'start-light' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
    b.onLoad({ filter: /^child_process$/, namespace: 'start-light' }, () => ({ contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });", loader: 'js' }));
  },
};
// Chunk names are content hashes: old ones would pile up beside the new.
rmSync(outdir, { recursive: true, force: true });
await build({
  // The scoring worker is an entry of its own, beside the chunk that starts it (adapters/leads/parallel/pool.ts).
  entryPoints: { align: 'src/cli/main.ts', 'leads-worker': 'src/adapters/leads/parallel/leads-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [startLight],
  external: Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {}),
  // Some dependencies still call require(); give ESM chunks one.
  banner: { js: 'import { createRequire as __alignRequire } from "node:module"; const require = __alignRequire(import.meta.url);' },
});

// The room's pages (align workshop --room): served from dist/room/ of the package, never from
// a CDN. Browser code, bundled apart from the CLI; the HTML and CSS are copied beside it.
const roomOut = process.argv[3] ?? 'dist/room';
rmSync(roomOut, { recursive: true, force: true });
await build({
  entryPoints: { board: 'src/room-ui/board.ts', join: 'src/room-ui/join.ts' },
  outdir: roomOut,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const { copyFileSync } = await import('node:fs');
for (const f of ['board.html', 'join.html', 'room.css']) copyFileSync(`src/room-ui/${f}`, `${roomOut}/${f}`);

// `align --help` is printed from a file rendered here by the program itself, so that the
// commonest first command does not load commander (a test keeps the two identical).
const { execFileSync } = await import('node:child_process');
const { writeFileSync } = await import('node:fs');
const help = execFileSync(process.execPath, [`${outdir}/align.js`, '--help'], { env: { ...process.env, COLUMNS: '80', NO_COLOR: '1' }, encoding: 'utf8' });
writeFileSync(`${outdir}/help.txt`, help);
