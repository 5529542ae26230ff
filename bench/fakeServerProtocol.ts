/**
 * Messages between the benchmark and the fake xAI server it runs in a child process (so the
 * server's CPU time is not counted as the client's). Parsed with zod on both sides.
 */
import * as z from 'zod';

export const ToServerSchema = z.discriminatedUnion('type', [
  /** Answer every chat request with this many word-sized content chunks. */
  z.object({ type: z.literal('start'), contentChunks: z.number().int().min(1) }),
  z.object({ type: z.literal('connections') }),
]);

export const FromServerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string(), apiKey: z.string() }),
  z.object({ type: z.literal('connections'), count: z.number().int().min(0) }),
]);

export type ToServer = z.infer<typeof ToServerSchema>;
export type FromServer = z.infer<typeof FromServerSchema>;
