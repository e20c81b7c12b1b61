/**
 * The venue's settings in `<data>/settings.json`, replaced whole on every save. A file that cannot be
 * read (damaged, from a newer app with fields this one does not know) gives the defaults and is kept for
 * staff to overwrite: settings are conveniences, and a kiosk must start whatever they say.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VenueSettings } from '../../preload/contract/settings.ts';
import { replaceFile } from '../store/replace-file.ts';

export function settingsFile(dataDir: string): string {
  return path.join(dataDir, 'settings.json');
}

export async function readSettings(
  file: string,
  defaults: VenueSettings,
): Promise<{ settings: VenueSettings; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaults };
    return { settings: defaults, problem: `${file}: ${(error as Error).message}` };
  }
  try {
    const saved = JSON.parse(text) as { format?: unknown; settings?: unknown };
    if (saved.format !== 1) throw new Error(`format ${String(saved.format)} is not 1`);
    return { settings: VenueSettings.parse(saved.settings) };
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 300) : String(error);
    return { settings: defaults, problem: `${file}: ${message}; the defaults are used until staff save the settings` };
  }
}

export function writeSettings(file: string, settings: VenueSettings): Promise<void> {
  return replaceFile(file, JSON.stringify({ format: 1, settings }), 0o644);
}
