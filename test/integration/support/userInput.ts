/**
 * The client of the runner's page bridge (test/integration/runner/pageBridge.ts): real key presses,
 * typing, clicks and screenshots in the workbench, from a test inside the extension host. Absent
 * (undefined) when the suite runs without the bridge, e.g. under @vscode/test-electron.
 */
import { type PageRequest } from '../runner/pageBridge';

export interface UserInput {
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  click(selector: string, timeoutMs?: number): Promise<void>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  /** `path` relative to the repository, under media/screenshots/ or test-artifacts/. */
  screenshot(path: string, selector?: string): Promise<void>;
}

export function userInput(): UserInput | undefined {
  const base = process.env.GROK_TEST_PAGE_URL;
  if (!base) return undefined;
  const send = async (request: PageRequest) => {
    const response = await fetch(base, { method: 'POST', body: JSON.stringify(request) });
    if (!response.ok) throw new Error(`page bridge: ${request.action} failed: ${await response.text()}`);
  };
  return {
    press: (key) => send({ action: 'press', key }),
    type: (text) => send({ action: 'type', text }),
    click: (selector, timeoutMs) => send({ action: 'click', selector, ...(timeoutMs === undefined ? {} : { timeoutMs }) }),
    waitFor: (selector, timeoutMs) => send({ action: 'waitFor', selector, ...(timeoutMs === undefined ? {} : { timeoutMs }) }),
    screenshot: (path, selector) => send({ action: 'screenshot', path, ...(selector === undefined ? {} : { selector }) }),
  };
}
