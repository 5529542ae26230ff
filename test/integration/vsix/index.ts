/** Entry for the suite run against the extension installed from the packaged `.vsix`. */
import { runSuite } from '../support/runSuite';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
