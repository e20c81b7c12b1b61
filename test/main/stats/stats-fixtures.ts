/** Helpers for the usage-statistics tests: a venue registry for kiosk keys, and a strict RFC 4180 reader. */
import { writeFile } from 'node:fs/promises';
import type { KioskKey } from '../../../main/stats/kiosk-key.ts';

export async function writeVenues(
  file: string,
  venues: { key: Pick<KioskKey, 'venueId' | 'publicKey'>; name: string; region: string }[],
): Promise<void> {
  const registry = {
    format: 1,
    venues: venues.map(({ key, name, region }) => ({ venueId: key.venueId, publicKey: key.publicKey, name, region })),
  };
  await writeFile(file, JSON.stringify(registry, null, 2) + '\n');
}

/** Reads CSV as RFC 4180 says (CRLF records, quoted fields with doubled quotes); throws on anything else. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(at, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          at = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(at).search(/,|\r\n/);
      field = end < 0 ? text.slice(at) : text.slice(at, at + end);
      if (/["\r\n]/.test(field)) throw new Error(`bare quote or line break in an unquoted field: ${field}`);
      at += field.length;
    }
    record.push(field);
    if (text[at] === ',') at++;
    else if (text.startsWith('\r\n', at)) {
      records.push(record);
      record = [];
      at += 2;
    } else if (at < text.length) throw new Error(`unexpected ${text[at]} after a field`);
  }
  if (record.length > 0) records.push(record);
  return records;
}
