/**
 * Worker threads that run batches. Each batch's memory is transferred, not
 * copied, and goes to the worker with the fewest batches in hand. A worker
 * answers in the order it was asked, so each keeps a queue of the promises it
 * owes. A worker that fails fails every batch it holds, and the run with it.
 */
import { Worker } from 'node:worker_threads';
import { type Batch, type BatchResult, transferList } from './batch.js';
import type { JobSpec } from './job.js';

interface Pending {
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

interface Thread {
  readonly worker: Worker;
  readonly pending: Pending[];
}

// Built, the worker is its own file beside the CLI bundle. Run from source (tsx, vitest), it is the
// TypeScript module, which a worker can load only once tsx is registered inside it.
const fromSource = import.meta.url.endsWith('.ts');
const WORKER: string | URL = fromSource
  ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); });`
  : new URL('./pipeline-worker.js', import.meta.url);

/** A fixed number of worker threads running one job. */
export class WorkerPool {
  private readonly threads: Thread[];
  private failure: Error | undefined;

  constructor(size: number, spec: JobSpec) {
    this.threads = Array.from({ length: size }, () => this.start(spec));
  }

  /** Runs a batch on the least busy worker. The batch's memory is handed over and can no longer be used here. */
  run(batch: Batch): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    let thread = this.threads[0] as Thread;
    for (const candidate of this.threads) if (candidate.pending.length < thread.pending.length) thread = candidate;
    const owner = thread;
    return new Promise<BatchResult>((resolve, reject) => {
      owner.pending.push({ resolve, reject });
      owner.worker.postMessage(batch, transferList(batch));
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  private start(spec: JobSpec): Thread {
    const worker = new Worker(WORKER, { workerData: spec, eval: fromSource });
    const thread: Thread = { worker, pending: [] };
    worker.on('message', (result: BatchResult) => thread.pending.shift()?.resolve(result));
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const pending of thread.pending.splice(0)) pending.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (thread.pending.length > 0) fail(new Error(`a pipeline worker stopped (exit code ${code}) with ${thread.pending.length} batches in hand`));
    });
    return thread;
  }
}
