/**
 * The wire shape every call answers with, and the bridge both hosts expose to the renderer.
 * Kept free of classes so it crosses Electron's contextBridge and JSON alike.
 */

/** Why a call failed. The renderer maps each code to a translated message; `message` is for logs. */
export const errorCodes = ['bad-request', 'unknown-call', 'forbidden', 'not-found', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface CallFailure {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Envelope<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CallFailure };

/**
 * What a host injects as `window.kioskBridge`: an untyped pipe. The typed client in
 * `client.ts` sits on top of it, so the renderer cannot tell Electron from the browser host.
 */
export interface KioskBridge {
  invoke(name: string, request: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}
