/**
 * The messages between the supervisor and the server process it runs, over the IPC channel Node
 * opens between them (a socket pair, so nothing here shows in /proc or on disk).
 */
import { isHostPairing, type HostPairing } from './pairing.ts';

/** Supervisor → server. */
export type ToServer =
  /** The first message: where the server is reached and the pairing it serves. */
  | { type: 'start'; origin: string; pairing: HostPairing }
  /** Sent with a connection's socket as the message's handle. */
  | { type: 'connection' };

/** Server → supervisor. */
export type ToSupervisor =
  /** The services are up: connections may come. */
  | { type: 'ready' }
  /** The launch token is spent: a restarted server must not accept it again. */
  | { type: 'launched' };

export function isStartMessage(message: unknown): message is Extract<ToServer, { type: 'start' }> {
  const start = message as Record<string, unknown> | null;
  return (
    typeof start === 'object' &&
    start !== null &&
    start['type'] === 'start' &&
    typeof start['origin'] === 'string' &&
    /^http:\/\/127\.0\.0\.1:\d+$/.test(start['origin']) &&
    isHostPairing(start['pairing'])
  );
}

export function isToSupervisor(message: unknown): message is ToSupervisor {
  const sent = message as Record<string, unknown> | null;
  if (typeof sent !== 'object' || sent === null) return false;
  return sent['type'] === 'ready' || sent['type'] === 'launched';
}
