import { buildProgram } from './program.js';

// The one place that decides the process exit code.
const code = await buildProgram().run(process.argv.slice(2));
process.exitCode = code;
