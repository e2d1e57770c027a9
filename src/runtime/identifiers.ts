/**
 * The patterns `build` holds a notification's person identifiers to. They are
 * the patterns of `schemas/_shared/crn.schema.json` and
 * `noms-number.schema.json` (a test holds them equal). Readers do not apply
 * them, since real producers send values that are not well-formed ("Unknown
 * NOMS Number", lower-case CRNs); a producer building a new event must.
 */
/** The identifier types `build` checks, with the pattern each value must match and its name in messages. */
export const IDENTIFIER_PATTERNS: Readonly<Record<string, { readonly pattern: string; readonly name: string }>> = {
  CRN: { pattern: '^[A-Z][0-9]{6}$', name: 'a CRN such as X320741' },
  NOMS: { pattern: '^[A-Z][0-9]{4}[A-Z]{2}$', name: 'a NOMS number such as A1234AB' },
};

/** The pattern `build` holds identifiers of `type` to, if it holds them to one (a type named `constructor` has none). */
export const identifierPattern = (type: string): { readonly pattern: string; readonly name: string } | undefined =>
  Object.hasOwn(IDENTIFIER_PATTERNS, type) ? IDENTIFIER_PATTERNS[type] : undefined;

const patterns = new Map(Object.entries(IDENTIFIER_PATTERNS).map(([type, { pattern }]) => [type, new RegExp(pattern, 'u')]));

/** Whether `value` is a well-formed identifier of `type`; types without a pattern (PNC) are left to the envelope schema. */
export const isWellFormed = (type: string, value: unknown): boolean => {
  const pattern = patterns.get(type);
  return pattern === undefined || (typeof value === 'string' && pattern.test(value));
};
