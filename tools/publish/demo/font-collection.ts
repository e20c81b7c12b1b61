/**
 * Takes one font out of a TrueType/OpenType collection (.ttc), because pdf-lib embeds single fonts only and
 * Debian ships the Noto CJK faces as collections. Tables shared between faces are simply copied.
 */

export function fontFromCollection(collection: Uint8Array, index: number): Uint8Array {
  const view = new DataView(collection.buffer, collection.byteOffset, collection.byteLength);
  const tag = String.fromCharCode(...collection.subarray(0, 4));
  if (tag !== 'ttcf') throw new Error('not a font collection (no ttcf header)');
  const count = view.getUint32(8);
  if (index < 0 || index >= count) throw new Error(`font ${index} asked of a collection of ${count}`);
  const start = view.getUint32(12 + 4 * index);
  const tableCount = view.getUint16(start + 4);
  const headerLength = 12 + 16 * tableCount;
  const tables = Array.from({ length: tableCount }, (_, i) => {
    const record = start + 12 + 16 * i;
    return {
      record,
      offset: view.getUint32(record + 8),
      length: view.getUint32(record + 12),
    };
  });
  const padded = (length: number) => (length + 3) & ~3;
  const total = headerLength + tables.reduce((sum, table) => sum + padded(table.length), 0);
  const font = new Uint8Array(total);
  const out = new DataView(font.buffer);
  font.set(collection.subarray(start, start + 12), 0);
  let position = headerLength;
  tables.forEach((table, i) => {
    font.set(collection.subarray(table.record, table.record + 8), 12 + 16 * i);
    out.setUint32(12 + 16 * i + 8, position);
    out.setUint32(12 + 16 * i + 12, table.length);
    font.set(collection.subarray(table.offset, table.offset + table.length), position);
    position += padded(table.length);
  });
  return font;
}
