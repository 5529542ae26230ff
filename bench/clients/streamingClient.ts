/** What the streaming and connections sections compare: three ways to read the same answer. */
export interface StreamingClient {
  /** Short name used in the table and results.json. */
  readonly name: string;
  /** The answer's content deltas as they arrive. */
  stream(prompt: string): AsyncIterable<string>;
  close(): Promise<void>;
}

export interface ServerAddress {
  url: string;
  apiKey: string;
}

export const BENCH_MODEL = 'grok-code-fast-1';

/** The wire formats the provider speaks (its `wireApi` setting). */
export type BenchWire = 'chat-completions' | 'responses';
