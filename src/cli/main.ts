import { reportError } from './report.js';

// The one place that decides the process exit code.
try {
  const { buildProgram } = await import('./program.js');
  process.exitCode = await buildProgram().run(process.argv.slice(2));
} catch (err) {
  process.exitCode = reportError(err, { stderr: process.stderr, debug: process.argv.includes('--debug') });
}
