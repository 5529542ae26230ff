/**
 * Model ids and error codes as the core accepts them. Both can come from a server (a served model's
 * name, a `GET /models` list, an error body) and end up in settings, analytics, exports and the UI,
 * so they are checked where they enter the core: a model id is letters, digits and `._:/-` (e.g.
 * `grok-4.3`, `accounts/x/models/y`), an error code letters, digits and `_.-`. Anything else, such as
 * `=HYPERLINK(...)`, is replaced by a fixed word and never stored as given.
 */
import * as z from 'zod';

export const ModelIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/, 'not a model id'); // not UI text: a schema's failure, logged
export const ErrorCodeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'not an error code'); // not UI text: a schema's failure, logged

/** What an invalid model id is recorded as. */
export const UNRECOGNIZED_MODEL = 'unrecognized-model';
/** What an invalid error code is recorded as. */
export const UNRECOGNIZED_ERROR = 'unknown';

export function safeModelId(id: string): string {
  return ModelIdSchema.safeParse(id).success ? id : UNRECOGNIZED_MODEL;
}

export function safeErrorCode(code: string): string {
  return ErrorCodeSchema.safeParse(code).success ? code : UNRECOGNIZED_ERROR;
}
