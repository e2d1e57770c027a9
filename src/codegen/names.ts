/**
 * Names for generated code, made from event types and titles. Kept apart from
 * the TypeScript printer so that commands that only name things (`new`,
 * `import`) do not load TypeScript.
 */

/** `lowerCamelCase` from a PascalCase type name. */
export const camel = (pascal: string): string => pascal.charAt(0).toLowerCase() + pascal.slice(1);

/** `PascalCase` from a kebab, dotted or spaced name. */
export const pascal = (name: string): string =>
  name
    .split(/[^A-Za-z0-9]+/u)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
