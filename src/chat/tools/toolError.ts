/** A refusal or a bad argument: its message goes back to the model as the tool's result. */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}
