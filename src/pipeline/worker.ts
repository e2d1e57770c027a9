/**
 * The entry point of a worker thread: it builds the job its spec describes,
 * then runs each batch it is sent and sends back the result. Batches arrive
 * and results leave in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Batch } from './batch.js';
import { runBatch } from './batch-runner.js';
import { createJob } from './create-job.js';
import type { JobSpec } from './job.js';

const port = parentPort;
if (port === null) throw new Error('the pipeline worker runs only as a worker thread');
const job = createJob(workerData as JobSpec);
port.on('message', (batch: Batch) => {
  port.postMessage(runBatch(batch, job));
});
