/**
 * VS Code's entry point. Activation only schedules the start: the composition root (src/main.ts) and
 * everything it imports are evaluated on the next turn of the event loop, so activating blocks the
 * extension host for about a millisecond instead of the whole set-up. esbuild keeps a `require`d
 * module's graph lazily initialised, so not even its top-level code runs during activation.
 */
import * as vscode from 'vscode';
import type * as Main from './main';

type Started = ReturnType<typeof Main.start>;

let started: Promise<Started> | undefined;

export function activate(context: vscode.ExtensionContext): Promise<Started> | undefined {
  started = new Promise<Started>((resolve, reject) => {
    setImmediate(() => {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        resolve((require('./main') as typeof Main).start(context));
      } catch (error) {
        reject(error);
      }
    });
  });
  started.catch((error: unknown) => {
    void vscode.window.showErrorMessage(vscode.l10n.t('Grok Code Fast could not start: {0}', error instanceof Error ? error.message : String(error)));
  });
  // The integration tests wait for the start and reach the test seams through the returned API.
  return context.extensionMode === vscode.ExtensionMode.Test ? started : undefined;
}

/** Resolves once the set-up scheduled by `activate` has run (the benchmark times it). */
export function whenStarted(): Promise<unknown> {
  return started ?? Promise.reject(new Error('not activated')); // not UI text: for tests calling the API before activation
}

export function deactivate(): void {}
