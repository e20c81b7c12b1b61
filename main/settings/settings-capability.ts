/**
 * The settings capability: the venue's settings in memory, read once at start and replaced when staff
 * save, so every visitor call reads them without touching the disk.
 */
import type { Capability } from '../api/capability.ts';
import type { EventHub } from '../api/event-hub.ts';
import type { KioskLog } from '../log/kiosk-log.ts';
import type { Subject } from '../../preload/contract/catalog.ts';
import type { Locale } from '../../preload/contract/schemas.ts';
import type { VenueSettings } from '../../preload/contract/settings.ts';
import { readSettings, settingsFile, writeSettings } from './settings-store.ts';

export interface SettingsCapability extends Capability<
  'staff.settings' | 'staff.saveSettings' | 'staff.settingChoices'
> {
  current(): VenueSettings;
}

export async function loadSettingsCapability(options: {
  dataDir: string;
  /** What a kiosk whose staff saved nothing yet uses (the host's own defaults). */
  defaults: VenueSettings;
  events: EventHub;
  log: KioskLog;
  /** The channels this kiosk could receive: what the trusted keys may sign, what installed packs are in. */
  knownChannels: () => Promise<string[]>;
  /** Runs after a save, before the answer: what other capabilities must do at once (forget search words). */
  afterSave?: (settings: VenueSettings) => Promise<void>;
  /** Every installed subject, hidden or not. */
  knownSubjects: (locale: Locale) => Promise<Subject[]>;
}): Promise<SettingsCapability> {
  const file = settingsFile(options.dataDir);
  const read = await readSettings(file, options.defaults);
  if (read.problem) options.log.write({ level: 'warn', area: 'settings', message: read.problem });
  let settings = read.settings;
  return {
    current: () => settings,
    handlers: {
      'staff.settings': () => settings,
      'staff.settingChoices': async ({ locale }) => ({
        channels: [...new Set([...(await options.knownChannels()), ...settings.channels])].sort(),
        subjects: await options.knownSubjects(locale),
      }),
      'staff.saveSettings': async ({ settings: next }) => {
        await writeSettings(file, next);
        settings = next;
        await options.afterSave?.(next);
        options.log.write({ level: 'info', area: 'settings', message: `Settings saved: ${JSON.stringify(next)}` });
        options.events.emit('settings.changed', {});
        return settings;
      },
    },
  };
}
