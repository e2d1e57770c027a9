/**
 * The codes of issues, which errors carry and messages are written for.
 */

/** Stable codes for a single problem. */
export type IssueCode =
  // the input as a whole
  | 'invalid_json'
  | 'input_too_large'
  | 'input_too_deep'
  | 'invalid_input'
  // which contract applies
  | 'unknown_event_type'
  | 'event_type_mismatch'
  | 'unknown_version'
  | 'missing_version'
  | 'version_too_new'
  | 'version_mismatch'
  // validation against the JSON Schema
  | 'invalid_type'
  | 'required'
  | 'unknown_property'
  | 'invalid_value'
  | 'invalid_format'
  | 'pattern'
  | 'too_small'
  | 'too_big'
  | 'not_unique'
  | 'no_match'
  // upcasting
  | 'upcast_failed'
  | 'upcast_input_missing'
  // options given by the caller
  | 'invalid_option';
