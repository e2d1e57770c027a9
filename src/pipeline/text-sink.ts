/**
 * Where a run writes text it produces in bulk (upcast records, rejects): a
 * file or standard output, written in order, waiting whenever the stream is
 * full so that a slow disk or reader never makes memory grow.
 */
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/** A text stream that a run writes to. */
export interface TextSink {
  /** Writes `text`, waiting while the stream is full. */
  write(text: string): Promise<void>;
  /** Flushes and, for a file, closes it. */
  close(): Promise<void>;
}

/** A sink over a writable stream; `owned` streams are ended on close. */
export function streamSink(stream: NodeJS.WritableStream, owned: boolean): TextSink {
  let failure: Error | undefined;
  stream.on('error', (error: Error) => {
    failure ??= error;
  });
  return {
    async write(text) {
      if (failure) throw failure;
      if (text === '') return;
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async close() {
      if (failure) throw failure;
      if (!owned) return;
      const finished = once(stream, 'finish');
      stream.end();
      await finished;
    },
  };
}

/** A sink that writes a new file at `path`, replacing any there. A file that cannot be opened is a {@link UsageError}. */
export async function fileSink(path: string, option: string): Promise<TextSink> {
  const handle = await open(path, 'w').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot write ${option} ${path}: ${error.code ?? error.message}`);
  });
  return streamSink(handle.createWriteStream(), true);
}
