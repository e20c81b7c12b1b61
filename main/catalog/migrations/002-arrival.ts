/**
 * When an item reached this kiosk, beside when its publisher added it: shelves and "new" follow
 * arrival, so a venue that installs a pack months after it was published still sees its items as new.
 */
export const sql = `
-- The ordering indexes move from the publisher's date to arrival; dropping them first spares the
-- backfill below from updating them.
DROP INDEX items_by_added;
DROP INDEX items_featured_by_added;
DROP INDEX item_subjects_by_subject;
DROP INDEX item_subjects_featured;

-- item_subjects held the publisher's date only to read a subject's shelf in order; arrival takes its place.
ALTER TABLE item_subjects DROP COLUMN added_at;

-- ADD COLUMN ... NOT NULL needs a default; '' never stays, since every row is filled here and the
-- catalog writes the column with every item.
ALTER TABLE items ADD COLUMN arrived_at TEXT NOT NULL DEFAULT '';
ALTER TABLE item_subjects ADD COLUMN arrived_at TEXT NOT NULL DEFAULT '';

-- Which version of its pack first brought an item was never recorded: the pack's last install
-- time is the best that is known, and it errs towards "new".
UPDATE items SET arrived_at = (SELECT p.installed_at FROM packs p WHERE p.id = items.pack_id);
UPDATE item_subjects SET arrived_at = (SELECT i.arrived_at FROM items i WHERE i.id = item_subjects.item_id);

CREATE INDEX items_by_arrival ON items(arrived_at DESC, id);
-- Partial: holds only the few featured items, so the attract screen's list never reads the others.
CREATE INDEX items_featured_by_arrival ON items(arrived_at DESC, id) WHERE featured = 1;
CREATE INDEX item_subjects_by_subject ON item_subjects(subject_id, arrived_at DESC, item_id);
CREATE INDEX item_subjects_featured ON item_subjects(subject_id, arrived_at DESC, item_id) WHERE featured = 1;
`;
