/**
 * Whether the content store still owes a garbage collection: set by the transaction that switches or
 * removes a pack, cleared once the files no item uses any more are deleted. A process killed between the
 * two leaves it set, and the next import collects before anything else (see import-pack.ts).
 */
export const sql = `
-- Set from the start: whether a kiosk at an earlier schema was killed while cleaning is not known,
-- and one collection settles it.
INSERT INTO catalog_meta (key, value) VALUES ('garbage_owed', 1);
`;
