import { reportError, reportOutputFailure } from './report.js';

// A failed write to stdout or stderr comes back as an 'error' event, never as an exception
// the command could catch, so it is handled here, where the process ends.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    // A reader that stops early (`align ... | head`) is not an error.
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // A full disk or an I/O error: there is no point going on with output nobody can read.
    process.exit(reportOutputFailure(err, stream === process.stdout ? 'standard output' : 'standard error', process.stderr));
  });
}

// The one place that decides the process exit code.
try {
  const { buildProgram } = await import('./program.js');
  process.exitCode = await buildProgram().run(process.argv.slice(2));
} catch (err) {
  process.exitCode = reportError(err, { stderr: process.stderr, debug: process.argv.includes('--debug'), argv: process.argv.slice(2) });
}
