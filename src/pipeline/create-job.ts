/**
 * The job a spec describes, for the main thread and the worker threads alike.
 */
import type { Job, JobSpec } from './job.js';
import { createUpcastJob } from './upcast-job.js';
import { createValidateJob } from './validate-job.js';

/** The job a spec describes. */
export function createJob(spec: JobSpec): Job {
  return spec.kind === 'validate' ? createValidateJob(spec) : createUpcastJob(spec);
}
