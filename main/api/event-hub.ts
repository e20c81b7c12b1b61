/** Fans main-process events out to every connected renderer, checking each payload against the contract. */
import { events } from '../../preload/contract/contract.ts';
import type { EventName, EventPayload } from '../../preload/contract/contract.ts';

export type EventListener = (name: EventName, payload: unknown) => void;

export class EventHub {
  readonly #listeners = new Set<EventListener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const checked = events[name].parse(payload);
    for (const listener of this.#listeners) listener(name, checked);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
