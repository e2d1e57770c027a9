/** JSON text as the repository's files hold it: two-space indent and a final newline. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
