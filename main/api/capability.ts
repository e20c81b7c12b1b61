/**
 * What a capability (catalog, USB sources, later quiz, staff, stats, updates) hands the composition
 * root: the handlers of its slice of the contract, background work to start once everything is
 * built, and how to stop.
 */
import type { CallName } from '../../preload/contract/contract.ts';
import type { Handlers } from './dispatch.ts';

export interface Capability<K extends CallName = never> {
  readonly handlers: Pick<Handlers, K>;
  /** Starts watchers and pollers; called once every capability exists, so events find their listeners. */
  start?(): void;
  close?(): Promise<void> | void;
}
