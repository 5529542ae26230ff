/**
 * The page's translations: the host writes its l10n bundle (`vscode.l10n.bundle`, the extension's
 * l10n/bundle.l10n.<locale>.json; absent in English) as JSON into the root element's `data-l10n`
 * (webviewHtml.ts), and this hands it to @vscode/l10n before any text is built. Imported first by each
 * page's main.ts, so texts computed when modules load are translated too. A value that is not a
 * JSON object of strings is dropped (and logged): the page then shows the English texts.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';

const BundleSchema = z.record(z.string(), z.string());

const raw = document.getElementById('app')?.dataset.l10n;
if (raw !== undefined) {
  try {
    l10n.config({ contents: BundleSchema.parse(JSON.parse(raw)) });
  } catch (error) {
    console.warn('webview: the l10n bundle from the host is unreadable; English texts are shown', error);
  }
}
