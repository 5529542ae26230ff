/**
 * The words a big request says before its answer (an action's progress notice, the chat's waiting line):
 * its estimated input cost, when it is above grokCodeFast.budget.estimateNoticeUsd.
 */
import * as l10n from '@vscode/l10n';
import { formatUsd } from '../provider/usd';

/** The notice for an estimate of `inputUsd`, or '' when it is not above `thresholdUsd` (0: never). */
export function estimateNotice(inputUsd: number, thresholdUsd: number): string {
  return thresholdUsd > 0 && inputUsd > thresholdUsd ? l10n.t('A large request: about {0} of input.', formatUsd(inputUsd)) : '';
}
