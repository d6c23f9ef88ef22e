import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // e2e tests spawn git and node; two cores here
    maxWorkers: 2,
    // A worker loads the program's modules once for all the files it runs, not once per file
    // (the most of the suite's time went to loading them again). Tests share no module state:
    // each command run builds its own program and context (test/helpers/run.ts).
    isolate: false,
  },
});
