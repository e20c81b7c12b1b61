/**
 * Registers one IPC handler per contract call. Each checks that the calling frame is the
 * kiosk's own page before dispatching; anything else gets a `forbidden` envelope.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames } from '../../../preload/contract/contract.ts';
import { callChannel } from '../../../preload/contract/channels.ts';
import type { Envelope } from '../../../preload/contract/envelope.ts';
import { dispatch, type Handlers, type StaffGate } from '../../api/dispatch.ts';
import { isAppUrl } from './navigation-policy.ts';

/** The kiosk's own page is the only caller; a frame on any other URL (or none) is refused. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return isAppUrl(frameUrl);
}

/** Each window's web contents is a caller of its own, so a staff session opened in one is not another's. */
export function registerContractHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, gate: StaffGate): void {
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), (event: IpcMainInvokeEvent, request: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'forbidden', message: `${name} may only be called by the kiosk's own page.` },
        });
      }
      return dispatch(handlers, name, request, { caller: `electron:${event.sender.id}`, gate });
    });
  }
}
