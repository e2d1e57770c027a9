/** Counts in words, the same way in every command's text output. */

/** A number as people read it: `1,000,000`. */
export const count = (n: number): string => n.toLocaleString('en-GB');

/** A number and its noun, singular for one: `1 record`, `2 records`. */
export const plural = (n: number, word: string, many = `${word}s`): string => `${count(n)} ${n === 1 ? word : many}`;
