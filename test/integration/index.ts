/** Entry VS Code loads as `extensionTestsPath` for the suite run against the development extension. */
import { runSuite } from './support/runSuite';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
