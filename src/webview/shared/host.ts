/** What every webview bundle needs from VS Code: its API object, the root element, and the host's messages parsed. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** VS Code's API for this page; it may be acquired once per page, so one object per bundle keeps it. */
export function vscodeApi(): VsCodeApi {
  return acquireVsCodeApi();
}

/** The `#app` element the page's HTML shell holds. */
export function appRoot(bundle: string): HTMLElement {
  const root = document.getElementById('app');
  if (root === null) throw new Error(`${bundle} webview: #app is missing`); // not UI text: a broken page, logged
  return root;
}

/** Hands every message from the host that parses to `handle`; drops (and logs) the rest. */
export function onHostMessage<T>(bundle: string, parse: (value: unknown) => T | undefined, handle: (message: T) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parse(event.data);
    if (message === undefined) {
      console.warn(`${bundle} webview: dropped an invalid message from the host`);
      return;
    }
    handle(message);
  });
}
