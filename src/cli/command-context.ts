/**
 * What the entry point gives every command.
 */
import type { Output } from './output.js';

/** What every command gets from the entry point. */
export interface CommandContext {
  /** The repository (or project) root commands work in; the current directory. */
  readonly root: string;
  readonly output: Output;
  /** Sets the process's exit code. */
  exit(code: number): void;
  /** Standard input, for commands that read `-`. */
  readonly stdin: NodeJS.ReadableStream;
  /** Whether stderr is a terminal (progress bars show only then). */
  readonly interactive: boolean;
}
