/**
 * The Electron preload: exposes `window.kioskBridge` through contextBridge. It forwards only
 * the calls the contract names, each on its own IPC channel; the main side validates the rest.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isCallName } from '../contract/contract.ts';
import type { Envelope, KioskBridge } from '../contract/envelope.ts';
import { callChannel, eventChannel } from '../contract/channels.ts';

const bridge: KioskBridge = {
  invoke(name: string, request: unknown): Promise<Envelope<unknown>> {
    if (!isCallName(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown-call', message: `There is no call named ${name}.` },
      });
    }
    return ipcRenderer.invoke(callChannel(name), request) as Promise<Envelope<unknown>>;
  },
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('kioskBridge', bridge);
