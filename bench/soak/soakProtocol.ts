/** Messages between the soak section, its fake server process and its extension-host process. */
import * as z from 'zod';

export const SoakServerRequestSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('start') }), z.object({ type: z.literal('counts') })]);
export type SoakServerRequest = z.infer<typeof SoakServerRequestSchema>;

export const SoakServerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string(), apiKey: z.string() }),
  /** Requests per route since the last count, and the sockets open now. */
  z.object({ type: z.literal('counts'), byPath: z.record(z.string(), z.number()), openConnections: z.number() }),
]);
export type SoakServerReply = z.infer<typeof SoakServerReplySchema>;

/** The day's size: every count of work the soak drives. */
export const SoakPlanSchema = z.object({
  inlineRequests: z.number().int().positive(),
  documents: z.number().int().positive(),
  /** One inline request in N is cancelled before its answer (the user typed on). */
  cancelEvery: z.number().int().positive(),
  chatTurns: z.number().int().positive(),
  conversations: z.number().int().positive(),
  actions: z.number().int().positive(),
  lmRequests: z.number().int().positive(),
  /** Simulated hours the day spans (a catalogue refresh each). */
  hours: z.number().int().positive(),
});
export type SoakPlan = z.infer<typeof SoakPlanSchema>;

/** What the extension host measured at one checkpoint, after a forced GC. */
export const SoakCheckpointSchema = z.object({
  /** Share of the day done, 0..1. */
  done: z.number(),
  heapUsedBytes: z.number(),
  sockets: z.number().int(),
  timers: z.number().int(),
  /** Listeners per shared VS Code emitter; absent in a real VS Code, which does not show them. */
  listeners: z.record(z.string(), z.number().int()).optional(),
  openDocuments: z.number().int(),
  /** Closed documents the extension still holds (weak references that survived a GC); absent in a real VS Code, which keeps closed documents itself for a while. */
  closedDocumentsHeld: z.number().int().optional(),
  analyticsBytes: z.number().int(),
  /** UTC days with an analytics file (the retention rule keeps at most retentionDays). */
  analyticsDays: z.number().int(),
});
export type SoakCheckpoint = z.infer<typeof SoakCheckpointSchema>;

export const SoakReportSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    plan: SoakPlanSchema,
    afterActivation: SoakCheckpointSchema,
    checkpoints: z.array(SoakCheckpointSchema),
    /** CPU ms per inline request in each tenth of the day. */
    inlineCpuMsPerRequest: z.array(z.number()),
    /** What each feature got back: counts of outcomes, so a soak that did nothing cannot pass. */
    outcomes: z.record(z.string(), z.number().int()),
    socketPoolSize: z.number().int(),
    retentionDays: z.number(),
    /** Requests the features made (inline, chat turns, actions, VS Code chat) since Delete My Data emptied the store. */
    requestsSinceDeletion: z.number().int(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type SoakReport = z.infer<typeof SoakReportSchema>;
