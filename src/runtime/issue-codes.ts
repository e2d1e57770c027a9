/**
 * The codes of issues, which errors carry and messages are written for.
 */

/** Problems with the input as a whole. An error made of one of these takes its code. */
export type InputIssueCode = 'invalid_json' | 'input_too_large' | 'input_too_deep' | 'invalid_input';

/** Problems finding which contract applies. */
export type ContractIssueCode =
  | 'unknown_event_type'
  | 'event_type_mismatch'
  | 'unknown_version'
  | 'missing_version'
  | 'version_too_new'
  // a hint beside validation issues, never an error's own code
  | 'version_mismatch';

/** Problems found by validation against the JSON Schema: an error made of these is `invalid_event`. */
export type ValidationIssueCode =
  | 'invalid_type'
  | 'required'
  | 'unknown_property'
  | 'invalid_value'
  | 'invalid_format'
  | 'pattern'
  | 'too_small'
  | 'too_big'
  | 'not_unique'
  | 'no_match';

/** Problems in an upcast step: an error made of these is `upcast_failed`. */
export type UpcastIssueCode = 'upcast_failed' | 'upcast_input_missing';

/** Problems fetching a detail document from `detailUrl`. An error made of one of these takes its code. */
export type FetchIssueCode = 'detail_url_missing' | 'fetch_failed' | 'fetch_timeout' | 'body_timeout' | 'not_found' | 'http_error';

/** Stable codes for a single problem. */
export type IssueCode = InputIssueCode | ContractIssueCode | ValidationIssueCode | UpcastIssueCode | FetchIssueCode | 'invalid_option';
