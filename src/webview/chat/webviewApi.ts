/**
 * The webview's link to the extension host: typed `postMessage`, and the state VS Code keeps for
 * the webview across hide, move and reload (`getState`/`setState`), parsed back with zod.
 */
import * as z from 'zod/mini';
import { PROTOCOL_LIMITS, StateMessageSchema, type FromWebviewMessage } from '../../chat/protocol';
import { vscodeApi } from '../shared/host';

const PersistedStateSchema = z.object({
  /** The host's last snapshot: the transcript is back at once after a reload. */
  snapshot: z.optional(StateMessageSchema),
  draft: z.string().check(z.maxLength(PROTOCOL_LIMITS.text)),
});

export type PersistedState = z.infer<typeof PersistedStateSchema>;

export class WebviewApi {
  private readonly api = vscodeApi();
  private state: PersistedState;

  constructor() {
    const parsed = PersistedStateSchema.safeParse(this.api.getState());
    this.state = parsed.success ? parsed.data : { draft: '' };
  }

  get persisted(): PersistedState {
    return this.state;
  }

  post(message: FromWebviewMessage): void {
    this.api.postMessage(message);
  }

  persist(patch: Partial<PersistedState>): void {
    this.state = { ...this.state, ...patch };
    this.api.setState(this.state);
  }
}
