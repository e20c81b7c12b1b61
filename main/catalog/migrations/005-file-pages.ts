/**
 * Pages per file: each language version of a PDF has its own length, and the item page shows the length of
 * the one that opens. Files of packs made before it keep NULL; the item's own `pages` (its first PDF's) stands in.
 */
export const sql = `
ALTER TABLE item_files ADD COLUMN pages INTEGER CHECK (pages IS NULL OR pages > 0);
`;
