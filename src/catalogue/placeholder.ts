/**
 * Placeholders: text that `domain-events new` and `domain-events bump` write
 * where a person still has to say something (an owner, a producer, a
 * description). They keep the files valid, so the generator runs, and
 * `domain-events check` reports each one that remains (`metadata-missing`).
 */

/** The word a placeholder starts with, such as `TODO: the team that owns the contract`. */
export const PLACEHOLDER = 'TODO';

/** A placeholder where a kebab-case name is needed (a producer service). */
export const PLACEHOLDER_NAME = 'todo-service';

/** Is this text still a placeholder? */
export function isPlaceholder(text: unknown): boolean {
  return typeof text === 'string' && /^todo\b/iu.test(text.trim());
}
