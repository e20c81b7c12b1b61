/** The contract's settings slice: what staff set for their venue, read and saved from the staff screen. */
import { z } from 'zod';
import { staffCall } from './call.ts';
import { Locale } from './schemas.ts';

export const VenueSettings = z
  .object({
    /** Shown on the attract screen; empty until staff name the venue. */
    venueName: z.string().max(80),
    /** The language a new visit starts in. */
    defaultLocale: Locale,
    /** Seconds without a touch before a visit ends. */
    idleSeconds: z.number().int().min(1).max(3600),
    /** How long an item counts as new after it arrived. */
    newForDays: z.number().int().min(1).max(365),
  })
  .strict();
export type VenueSettings = z.infer<typeof VenueSettings>;

export const settingsCalls = {
  'staff.settings': staffCall(z.object({}).strict(), VenueSettings),
  /** Saves all settings at once; the screens take them up at the next visit (the visit in progress keeps its language). */
  'staff.saveSettings': staffCall(z.object({ settings: VenueSettings }).strict(), VenueSettings),
} as const;

export const settingsEvents = {
  /** Staff saved the settings: screens read `app.info` again. */
  'settings.changed': z.object({}),
} as const;
