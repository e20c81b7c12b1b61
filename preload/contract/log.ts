/** The contract's log slice: the kiosk's recent problems and events, for the staff screen's Log. */
import { z } from 'zod';
import { staffCall } from './call.ts';

export const LogEntry = z.object({
  at: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  area: z.string().max(40),
  message: z.string().max(5000),
  /** An import failure's code, which the screen says in the staff's words. */
  code: z.string().max(60).optional(),
  detail: z.string().max(5000).optional(),
});
export type LogEntry = z.infer<typeof LogEntry>;

export const logCalls = {
  /** The newest entries, newest first. */
  'staff.log': staffCall(
    z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.object({ entries: z.array(LogEntry) }),
  ),
} as const;

export const logEvents = {} as const;
