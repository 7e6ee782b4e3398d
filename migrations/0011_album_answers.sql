-- An album arrives as one message per item, each its own update, and gets one answer
-- per outcome: "saved" for the items kept, "full" for items past the 30-file limit.
-- The answer used to be found from the stored items, so an album that did not fit (none
-- of its items stored) was refused once per item, and one that crossed the limit lost
-- its last items without a word. A row here is the claim to give that answer.
-- Nothing to carry over: an album's items arrive within seconds, so albums stored
-- before this table were answered long ago.
CREATE TABLE report_album_answers (
    report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    media_group_id  TEXT    NOT NULL,
    answer          TEXT    NOT NULL CHECK (answer IN ('saved', 'full')),
    PRIMARY KEY (report_id, media_group_id, answer)
) WITHOUT ROWID;
