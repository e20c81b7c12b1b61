/**
 * What a PDF is (leaflet, book, manual, …), as its pack says, for its label. Items of packs made before
 * labels keep NULL, and the reader labels them from their page count, as the publisher would have.
 */
export const sql = `
-- No CHECK on the closed set: the manifest's schema is the gate, and a CHECK could only grow with a
-- rebuild of the items table.
ALTER TABLE items ADD COLUMN document_type TEXT;
`;
