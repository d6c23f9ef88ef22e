import { reportError } from './report.js';

// A reader that stops early (`align ... | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// The one place that decides the process exit code.
try {
  const { buildProgram } = await import('./program.js');
  process.exitCode = await buildProgram().run(process.argv.slice(2));
} catch (err) {
  process.exitCode = reportError(err, { stderr: process.stderr, debug: process.argv.includes('--debug') });
}
