/**
 * The contract of a stage before the line filters: it sees each complete line of the model's answer
 * and may hold lines back until it knows what they are, drop them, or rewrite them. Stages run in
 * order; what one passes on is what the next sees.
 */
export interface LineStage {
  /** The lines to pass on now: none while holding, several when held lines are let go. */
  push(line: string): string[];
  /** The stream ended: what is still held, as it should go on. */
  flush(): string[];
  /** True while lines are held back: what the completion starts with is not known yet. */
  readonly holding: boolean;
  /** True once the stage saw the end of the answer inside it (a closing prompt tag). */
  readonly ended: boolean;
}
