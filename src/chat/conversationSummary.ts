/**
 * A short summary of a conversation, made locally (no request): its questions and the start of each
 * answer, newest turns kept when it is long. It opens a new chat when the old one no longer fits
 * the model's context, so the user goes on from where they were.
 */
import * as l10n from '@vscode/l10n';
import { type Conversation } from './historySchema';

const MAX_TURNS = 12;
const QUESTION_CHARS = 300;
const ANSWER_CHARS = 400;

function clip(text: string, max: number): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function summarizeConversation(conversation: Conversation): string {
  const lines: string[] = [];
  for (const entry of conversation.entries) {
    if (entry.role === 'user') lines.push(`- ${l10n.t('I asked: {0}', clip(entry.text, QUESTION_CHARS))}`);
    else {
      const answer = entry.steps.map((step) => step.content).join('\n\n');
      if (answer.trim() !== '') lines.push(`  ${l10n.t('Grok answered: {0}', clip(answer, ANSWER_CHARS))}`);
    }
  }
  const questions = lines.filter((line) => line.startsWith('-')).length;
  const kept: string[] = [];
  let seen = 0;
  for (const line of [...lines].reverse()) {
    kept.unshift(line);
    if (line.startsWith('-') && ++seen >= MAX_TURNS) break;
  }
  const omitted = questions - seen;
  return [
    omitted > 0
      ? l10n.t('Summary of our earlier chat "{0}" (its last {1} questions):', conversation.title, seen)
      : l10n.t('Summary of our earlier chat "{0}":', conversation.title),
    ...kept,
    '',
    `${l10n.t('Continuing from there:')} `,
  ].join('\n');
}
