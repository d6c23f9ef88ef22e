/**
 * A scoring worker (a worker thread started by pool.ts): compiles the run's rubrics once, then
 * scores the ranges of the file it is sent with the one splitter (csv.ts), packing the leads
 * in batches (protocol.ts). The build bundles this file on its own (scripts/bundle.js), so it
 * sits beside the code that starts it in both builds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AlignError, InputError } from '../../../core/errors.js';
import { compileRubric } from '../../../core/rubric/engine/compile.js';
import { scoreCsv } from '../csv.js';
import { BatchPacker, type ErrorData, type FromWorker, type ToWorker, type WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const rubrics = setup.rubrics.map((r) => compileRubric(r.rubric, r.options));

function send(message: FromWorker): void {
  const transfer: ArrayBuffer[] = [];
  if (message.type === 'batch') {
    const b = message.batch;
    for (const a of [b.idEnds, b.valueEnds, b.lines, ...b.numbers, ...b.stages, ...b.firedAt, ...b.fired]) transfer.push(a.buffer as ArrayBuffer);
  }
  port.postMessage(message, transfer);
}

function errorData(e: unknown): ErrorData {
  if (e instanceof InputError) return { kind: 'input', problems: e.problems, ...(e.hint !== undefined ? { hint: e.hint } : {}) };
  if (e instanceof AlignError) return { kind: 'user', message: e.message, ...(e.hint !== undefined ? { hint: e.hint } : {}) };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'bug', message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) };
}

async function score(k: number, start: number, end: number): Promise<void> {
  const packer = new BatchPacker(rubrics);
  let read = 0;
  const flush = (bytes: number) => {
    if (packer.size === 0 && bytes === read) return;
    send({ type: 'batch', k, batch: packer.take(), bytes: bytes - read });
    read = bytes;
  };
  let skipped = 0;
  try {
    const result = await scoreCsv(
      setup.path,
      rubrics,
      {
        ...setup.opts,
        range: { start, end, header: setup.header, line: 1 },
        onSkip: (p) => {
          skipped++;
          packer.skip(p);
        },
        onProgress: (bytes) => flush(bytes),
        afterChunk: () => {},
      },
      (id, scores, line, values, kept) => packer.add(id, scores, line, values, kept),
    );
    flush(read);
    send({ type: 'done', k, lines: result.nextLine - 1, rows: result.rows, skipped, unreadable: result.unreadable });
  } catch (e) {
    flush(read);
    send({ type: 'error', k, error: errorData(e) });
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'close') port.close();
  else void score(m.task.k, m.task.start, m.task.end);
});
