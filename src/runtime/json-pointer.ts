/** JSON Pointer (RFC 6901) helpers. */

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`. */
export const escapePointer = (token: string | number): string => String(token).replaceAll('~', '~0').replaceAll('/', '~1');

/** Unescapes one reference token: `~1` becomes `/`, `~0` becomes `~`. */
export const unescapePointer = (token: string): string => token.replaceAll('~1', '/').replaceAll('~0', '~');

/** A pointer from a path of keys and indices; the empty path is the root, `""`. */
export const toPointer = (path: ReadonlyArray<PropertyKey>): string => path.map((p) => `/${escapePointer(String(p))}`).join('');

/** The tokens of a pointer; throws on a pointer that does not start with `/`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON Pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapePointer);
}

/** The value at `pointer` inside `root`, or undefined where there is none. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const token of parsePointer(pointer)) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}
