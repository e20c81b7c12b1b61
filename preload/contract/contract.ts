/**
 * The one table of everything the renderer may ask of the main process (calls: request → response,
 * each with its audience) and everything the main process may tell the renderer (events). Each
 * capability writes its slice in a file of its own; this file only merges them. Both hosts register
 * their handlers from this table, and the renderer's client is typed by it.
 * Imports neither electron nor node, so every side can import it.
 */
import type { z } from 'zod';
import { appCalls, appEvents } from './app.ts';
import type { Audience } from './call.ts';
import { catalogCalls, catalogEvents } from './catalog.ts';
import { logCalls, logEvents } from './log.ts';
import { packsCalls, packsEvents } from './packs.ts';
import { quizCalls, quizEvents } from './quiz.ts';
import { settingsCalls, settingsEvents } from './settings.ts';
import { sourcesCalls, sourcesEvents } from './sources.ts';
import { statsCalls, statsEvents } from './stats.ts';
import { staffCalls, staffEvents } from './staff.ts';
import { updatesCalls, updatesEvents } from './updates.ts';

export const calls = {
  ...appCalls,
  ...catalogCalls,
  ...logCalls,
  ...packsCalls,
  ...quizCalls,
  ...settingsCalls,
  ...sourcesCalls,
  ...statsCalls,
  ...staffCalls,
  ...updatesCalls,
} as const;

export const events = {
  ...appEvents,
  ...catalogEvents,
  ...logEvents,
  ...packsEvents,
  ...quizEvents,
  ...settingsEvents,
  ...sourcesEvents,
  ...statsEvents,
  ...staffEvents,
  ...updatesEvents,
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

export function audienceOf(name: CallName): Audience {
  return calls[name].audience;
}
