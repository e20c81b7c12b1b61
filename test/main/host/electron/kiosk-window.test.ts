import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from '../../../../main/host/electron/kiosk-window.ts';

describe.each([true, false])('kioskWindowOptions (packaged: %s)', (packaged) => {
  const options = kioskWindowOptions('/app/preload.cjs', { packaged });
  const web = options.webPreferences!;

  it('keeps every renderer safeguard on', () => {
    expect(web).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(web.disableBlinkFeatures).toContain('Auxclick');
  });

  it('is a full-screen kiosk with DevTools off only when packaged', () => {
    expect(options.kiosk).toBe(packaged);
    expect(options.fullscreen).toBe(packaged);
    expect(web.devTools).toBe(!packaged);
  });
});
