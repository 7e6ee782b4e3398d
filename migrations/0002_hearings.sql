-- People named coordinators by an admin (ADMIN_IDS are coordinators without a row here).
CREATE TABLE coordinators (
    user_id   INTEGER PRIMARY KEY,
    added_by  INTEGER,
    added_at  TEXT NOT NULL
);

CREATE TABLE hearings (
    id             INTEGER PRIMARY KEY,
    title          TEXT    NOT NULL,
    chamber        TEXT    NOT NULL CHECK (chamber IN ('legislative', 'senate', 'other')),
    body           TEXT,                          -- the body's name when chamber = 'other'
    committee      TEXT    NOT NULL,
    starts_at      TEXT    NOT NULL,              -- ISO 8601, UTC
    ends_at        TEXT,                          -- ISO 8601, UTC
    address        TEXT    NOT NULL,
    latitude       REAL,
    longitude      REAL,
    seats          INTEGER NOT NULL CHECK (seats > 0),
    description    TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'cancelled')),
    cancel_reason  TEXT,
    created_by     INTEGER,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);

CREATE INDEX hearings_upcoming ON hearings (starts_at) WHERE status = 'published';

-- One row per sign-up; the id is the order people tapped, which decides seats and the
-- waiting list. A cancelled row stays as history; signing up again adds a new row.
CREATE TABLE signups (
    id          INTEGER PRIMARY KEY,
    hearing_id  INTEGER NOT NULL REFERENCES hearings (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    status      TEXT    NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    attendance  TEXT    CHECK (attendance IN ('coming', 'not_coming')),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE UNIQUE INDEX signups_one_active ON signups (hearing_id, user_id) WHERE status != 'cancelled';
CREATE INDEX signups_queue ON signups (hearing_id, status, id);
CREATE INDEX signups_by_user ON signups (user_id, status);

-- The source of truth for reminders: the scheduler only wakes the sender up.
-- pending -> sending (claimed, committed before the Telegram call) -> sent | failed;
-- pending -> skipped (due while the hearing had begun) | cancelled (seat freed, hearing
-- cancelled or moved). A row left in 'sending' by a crash is never sent again. A reminder
-- is for one start time: moving the hearing plans new rows at the new due times.
CREATE TABLE reminders (
    id              INTEGER PRIMARY KEY,
    hearing_id      INTEGER NOT NULL REFERENCES hearings (id),
    user_id         INTEGER NOT NULL REFERENCES users (id),
    offset_seconds  INTEGER NOT NULL,
    due_at          TEXT    NOT NULL,             -- ISO 8601, UTC
    status          TEXT    NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled')),
    sent_at         TEXT,
    UNIQUE (hearing_id, user_id, offset_seconds, due_at)
);

CREATE INDEX reminders_pending ON reminders (hearing_id, offset_seconds) WHERE status = 'pending';
