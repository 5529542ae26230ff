/** What Select Model says of the inline setting's `auto`: the model it picked now and why (no VS Code: unit-tested). */
import * as l10n from '@vscode/l10n';
import { type AutoModelChoice } from '../provider/inlineModelChoice';

export function describeAutoChoice(choice: AutoModelChoice | undefined, fallback: string): string {
  if (choice === undefined) {
    return l10n.t('Now {0}: the endpoint lists no model that reads text and says how it reasons, so the default is used.', fallback);
  }
  if (choice.reason === 'non-reasoning') {
    return l10n.t('Now {0}: a non-reasoning model, the fastest to a first token (xAI has no fill-in-the-middle endpoint).', choice.model);
  }
  return l10n.t('Now {0}: the endpoint lists no non-reasoning model; {0} accepts the lowest reasoning effort ({1}).', choice.model, choice.effort);
}
