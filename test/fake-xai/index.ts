/** The fake xAI server's public surface: see server.ts for how to use it. */
export { startFakeXai, TEST_API_KEY, type FakeXai, type FakeXaiOptions } from './server';
export { LATE_2026_CATALOGUE, LATE_2026_SERVED_BY, type LanguageModelEntry } from './catalogue';
export {
  scenarios,
  DEFAULT_SCENARIO,
  type AnswerScenario,
  type ErrorScenario,
  type HandlerScenario,
  type JsonScenario,
  type RawScenario,
  type RecordedRequest,
  type Scenario,
  type ToolCallSpec,
  type UsageJson,
} from './scenarios';
export { BODY_RULES, checkChatBody, checkResponsesBody, encryptedReasoningModel, type BodyFacts, type BodyRule, type BodyRuleViolation } from './bodyRules';
