/** The contract's app slice: what the renderer needs to know of the kiosk before the first visit. */
import { z } from 'zod';
import { staffCall, visitorCall } from './call.ts';
import { Locale } from './schemas.ts';

export const appCalls = {
  'app.info': visitorCall(
    z.object({}).strict(),
    z.object({
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      defaultLocale: Locale,
      /** Seconds without a touch before the visit ends and the attract screen returns. */
      idleSeconds: z.number().int().min(1).max(3600),
      /** The venue's name as staff set it; empty until they do. */
      venueName: z.string().max(80),
    }),
  ),
  /**
   * Closes the kiosk app, back to the computer's desktop (where it has one), for maintenance. Answers
   * before it goes; `unavailable` where the host cannot quit.
   */
  'staff.exitKiosk': staffCall(z.object({}).strict(), z.object({ ok: z.literal(true) })),
} as const;

export const appEvents = {
  /**
   * The page lost its host ('lost': its server is restarting) or found it again ('restored'). Sent by the
   * browser host's bridge itself (`preload/browser/host-bridge.ts`), never by the main side; an Electron
   * window lives and dies with its main process, so it never sees one.
   */
  'host.connection': z.object({ state: z.enum(['lost', 'restored']) }),
} as const;
