/**
 * The one table of everything the renderer may ask of the main process (calls: request → response)
 * and everything the main process may tell the renderer (events). Both hosts register their
 * handlers from this table, and the renderer's client is typed by it.
 * Imports neither electron nor node, so every side can import it.
 */
import { z } from 'zod';
import {
  ContentLanguage,
  DetectedPack,
  ImportOutcome,
  ImportProgress,
  ItemDetail,
  ItemSummary,
  Locale,
  Page,
  Slug,
  Subject,
} from './schemas.ts';

function call<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

/** The longest search the catalog accepts; the on-screen keyboard stops there too. */
export const maxQueryLength = 200;

export const calls = {
  'app.info': call(
    z.object({}).strict(),
    z.object({
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      defaultLocale: Locale,
      /** Seconds without a touch before the visit ends and the attract screen returns. */
      idleSeconds: z.number().int().min(1).max(3600),
    }),
  ),
  'catalog.subjects': call(z.object({ locale: Locale }).strict(), z.object({ subjects: z.array(Subject) })),
  'catalog.list': call(
    z
      .object({
        locale: Locale,
        subject: Slug.optional(),
        /** Only items that arrived at this kiosk at or after this date or timestamp: the "new this week" shelf. */
        arrivedSince: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
        /** true: only the items the publisher features (the attract screen's first ones). */
        featured: z.boolean().optional(),
        page: Page.default({ offset: 0, limit: 24 }),
      })
      .strict(),
    z.object({ items: z.array(ItemSummary), total: z.number().int().nonnegative() }),
  ),
  'catalog.search': call(
    z
      .object({
        locale: Locale,
        query: z.string().trim().min(1).max(maxQueryLength),
        subject: Slug.optional(),
        language: ContentLanguage.optional(),
        page: Page.default({ offset: 0, limit: 24 }),
      })
      .strict(),
    z.object({ items: z.array(ItemSummary), total: z.number().int().nonnegative() }),
  ),
  'catalog.item': call(z.object({ locale: Locale, id: Slug }).strict(), ItemDetail),
  /** Staff: the packs on mounted USB sticks, each already checked (signature, key, version, files). */
  'staff.packs': call(z.object({}).strict(), z.object({ packs: z.array(DetectedPack) })),
  /** Staff: import a detected pack; answers when it is installed or refused. Progress comes as events. */
  'staff.import': call(z.object({ source: z.string().min(1).max(100) }).strict(), ImportOutcome),
} as const;

export const events = {
  'catalog.changed': z.object({ revision: z.number().int() }),
  /** The packs on mounted sticks changed: a stick was plugged in or pulled. */
  'sources.packs': z.object({ packs: z.array(DetectedPack) }),
  'import.progress': ImportProgress,
  'import.finished': ImportOutcome,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What a caller passes: defaults may be left out. */
export type CallRequest<K extends CallName> = z.input<Calls[K]['request']>;
/** What a handler receives: validated, defaults filled in. */
export type ParsedRequest<K extends CallName> = z.output<Calls[K]['request']>;
export type CallResponse<K extends CallName> = z.output<Calls[K]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
