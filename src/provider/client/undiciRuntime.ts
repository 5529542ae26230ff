/**
 * undici is loaded on the first request, not when the module is imported: it is most of the
 * extension's weight, and activation needs none of it. The release build ships it as its own
 * bundle (dist/undici.js) that this `require` reaches.
 */
import type * as Undici from 'undici';

let loaded: typeof Undici | undefined;

export function undici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('undici') as typeof Undici;
  return loaded;
}
