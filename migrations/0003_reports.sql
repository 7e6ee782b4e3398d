-- One report per observer per hearing. A draft is saved answer by answer, so it
-- survives a lost connection or a restart; `step` is where the observer is.
CREATE TABLE reports (
    id            INTEGER PRIMARY KEY,             -- the report number on the receipt
    hearing_id    INTEGER NOT NULL REFERENCES hearings (id),
    user_id       INTEGER NOT NULL REFERENCES users (id),
    status        TEXT    NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
    form_version  INTEGER NOT NULL,
    step          TEXT    NOT NULL,                -- 'q:<question id>' | 'files' | 'review'
    back_to_review INTEGER NOT NULL DEFAULT 0,    -- editing one answer from the review
    answers       TEXT    NOT NULL DEFAULT '{}',   -- JSON: question id -> answer
    notes         TEXT    NOT NULL DEFAULT '',
    fingerprint   TEXT,                            -- SHA-256 of the last submitted content
    submitted_at  TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (hearing_id, user_id)
);

CREATE INDEX reports_queue ON reports (status, submitted_at);

-- Photos, documents, voice, video, locations. An album arrives as several messages
-- sharing media_group_id; they stay one group. message_id makes a redelivered update
-- harmless.
CREATE TABLE report_attachments (
    id              INTEGER PRIMARY KEY,
    report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('photo', 'document', 'voice', 'video', 'location')),
    file_id         TEXT,
    file_unique_id  TEXT,
    media_group_id  TEXT,
    file_name       TEXT,
    latitude        REAL,
    longitude       REAL,
    message_id      INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    UNIQUE (report_id, message_id)
);

-- Who did what to a report, and when: submitted, returned (with the comment),
-- resubmitted, accepted.
CREATE TABLE report_events (
    id         INTEGER PRIMARY KEY,
    report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    event      TEXT    NOT NULL CHECK (event IN ('submitted', 'returned', 'resubmitted', 'accepted')),
    actor_id   INTEGER NOT NULL,
    comment    TEXT,
    at         TEXT    NOT NULL
);

CREATE INDEX report_events_report ON report_events (report_id, id);

-- The coordinators' cards of a report, edited when its status changes.
CREATE TABLE report_cards (
    report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    PRIMARY KEY (report_id, chat_id)
) WITHOUT ROWID;

CREATE TABLE urgent_alerts (
    id             INTEGER PRIMARY KEY,
    hearing_id     INTEGER NOT NULL REFERENCES hearings (id),
    user_id        INTEGER NOT NULL REFERENCES users (id),
    text           TEXT    NOT NULL,
    photo_file_id  TEXT,
    created_at     TEXT    NOT NULL
);

-- "Write your report" nudges after a hearing: once per observer, like reminders
-- (pending -> sending -> sent | failed | skipped).
CREATE TABLE report_nudges (
    hearing_id  INTEGER NOT NULL REFERENCES hearings (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    status      TEXT    NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
    sent_at     TEXT,
    PRIMARY KEY (hearing_id, user_id)
) WITHOUT ROWID;

ALTER TABLE hearings ADD COLUMN nudged_at TEXT;  -- nudges for this hearing were planned
