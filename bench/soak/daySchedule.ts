/**
 * The soak's day as one schedule, whichever host runs it (the stub on a fake clock, soakChild.ts,
 * or a real VS Code, host/index.ts): inline requests document by document, an action per
 * document, chat turns, VS Code chat requests and catalogue reads interleaved in proportion, a
 * consent revoke after the fourth tenth and a Delete My Data after the seventh, and a checkpoint
 * at the end of each tenth. The host says how each step is done; the schedule says when.
 */
import { type SoakCheckpoint, type SoakPlan, type SoakReport } from './soakProtocol';

/** How one host does each step of the day. `E` is its editor, `M` a VS Code chat message. */
export interface SoakDayHost<E, M> {
  openDocument(index: number): Promise<E>;
  inlineRequest(editor: E, index: number): Promise<void>;
  /** Between two inline requests (the stub moves simulated time on). */
  pause(): Promise<void>;
  action(editor: E, index: number): Promise<void>;
  closeDocument(editor: E): Promise<void>;
  /** A history switch to an older conversation, if there is one, then a new conversation. */
  newConversation(): Promise<void>;
  chatTurn(turn: number): Promise<void>;
  lmRequest(index: number, history: M[]): Promise<void>;
  refreshCatalogue(): Promise<void>;
  revokeConsent(): Promise<void>;
  deleteMyData(): Promise<void>;
  /** The user consents again, as after a revoke or Delete My Data. */
  grantConsent(): Promise<void>;
  checkpoint(done: number): Promise<SoakCheckpoint>;
}

const TENTHS = 10;
/** A VS Code chat conversation lasts this many requests, then a new one starts. */
const LM_CONVERSATION = 10;

/** Counts one outcome of a step: a soak that did nothing cannot pass on idle figures. */
export function countOutcome(outcomes: Record<string, number>, outcome: string): void {
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
}

type DayFigures = Pick<Extract<SoakReport, { ok: true }>, 'checkpoints' | 'inlineCpuMsPerRequest' | 'requestsSinceDeletion'>;

/** Runs `plan` on `host`, counting the schedule's own steps into `outcomes`. */
export async function runSoakDay<E, M>(plan: SoakPlan, host: SoakDayHost<E, M>, outcomes: Record<string, number>): Promise<DayFigures> {
  const inlinePerDocument = Math.ceil(plan.inlineRequests / plan.documents);
  const turnsPerConversation = Math.ceil(plan.chatTurns / plan.conversations);
  // A step's share of the work done so far, in proportion to the inline requests done.
  const inProportion = (total: number, inlineDone: number) => Math.round((total * inlineDone) / plan.inlineRequests);
  const checkpoints: SoakCheckpoint[] = [];
  const cpuPerRequest: number[] = [];
  const lmHistory: M[][] = [];
  let inlineDone = 0;
  let turns = 0;
  let actions = 0;
  let lm = 0;
  let refreshes = 0;
  let stepsAtDeletion = 0;
  for (let tenth = 0; tenth < TENTHS; tenth++) {
    let cpu = 0;
    let requests = 0;
    const share = (total: number) => Math.round((total * (tenth + 1)) / TENTHS);
    while (inlineDone < share(plan.inlineRequests)) {
      const editor = await host.openDocument(Math.floor(inlineDone / inlinePerDocument));
      for (let i = 0; i < inlinePerDocument && inlineDone < share(plan.inlineRequests); i++, inlineDone++) {
        const started = process.cpuUsage();
        await host.inlineRequest(editor, inlineDone);
        const used = process.cpuUsage(started);
        cpu += (used.user + used.system) / 1000;
        requests += 1;
        await host.pause();
      }
      if (actions < share(plan.actions)) await host.action(editor, actions++);
      await host.closeDocument(editor);
      while (turns < Math.min(share(plan.chatTurns), inProportion(plan.chatTurns, inlineDone))) {
        if (turns % turnsPerConversation === 0) await host.newConversation();
        await host.chatTurn(turns++);
      }
      while (lm < Math.min(share(plan.lmRequests), inProportion(plan.lmRequests, inlineDone))) {
        const conversation = Math.floor(lm / LM_CONVERSATION);
        lmHistory[conversation] ??= [];
        await host.lmRequest(lm++, lmHistory[conversation]);
        if (lm % LM_CONVERSATION === 0) delete lmHistory[conversation];
      }
      while (refreshes < Math.floor((plan.hours * inlineDone) / plan.inlineRequests)) {
        refreshes += 1;
        await host.refreshCatalogue();
        countOutcome(outcomes, 'catalogue refresh');
      }
    }
    if (tenth === 3) {
      await host.revokeConsent();
      countOutcome(outcomes, 'consent revoked');
      await host.grantConsent();
    }
    if (tenth === 6) {
      await host.deleteMyData();
      countOutcome(outcomes, 'Delete My Data');
      stepsAtDeletion = inlineDone + turns + actions + lm;
      await host.grantConsent();
    }
    cpuPerRequest.push(requests > 0 ? cpu / requests : 0);
    checkpoints.push(await host.checkpoint((tenth + 1) / TENTHS));
  }
  return { checkpoints, inlineCpuMsPerRequest: cpuPerRequest, requestsSinceDeletion: inlineDone + turns + actions + lm - stepsAtDeletion };
}
