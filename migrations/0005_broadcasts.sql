-- Broadcasts: a coordinator's message copied (copyMessage) to a chosen audience.
-- The deliveries table is the outbox: one row per recipient, written in the same
-- transaction that queues the broadcast, so a crash can never lose or invent a recipient.

-- Set when Telegram answers 403 (blocked, deactivated) or "chat not found"; such people
-- are left out of audiences until they write to the bot again, which clears it.
ALTER TABLE users ADD COLUMN unreachable_at TEXT;

CREATE TABLE broadcasts (
    id                   INTEGER PRIMARY KEY,
    author_id            INTEGER NOT NULL,
    from_chat_id         INTEGER NOT NULL,         -- where the original message lives
    message_id           INTEGER NOT NULL,         -- ... and its id, for copyMessage
    audience             TEXT    NOT NULL,         -- JSON, see bot/services/broadcasts.py
    status               TEXT    NOT NULL
                         CHECK (status IN ('scheduled', 'queued', 'sending', 'done',
                                           'cancelled', 'failed')),
    scheduled_for        TEXT,                     -- ISO 8601, UTC
    total                INTEGER NOT NULL DEFAULT 0,  -- recipients when it was queued
    error                TEXT,                     -- why a whole broadcast failed
    progress_chat_id     INTEGER,                  -- the status message the worker edits
    progress_message_id  INTEGER,
    created_at           TEXT    NOT NULL,
    queued_at            TEXT,
    started_at           TEXT,
    finished_at          TEXT
);

CREATE INDEX broadcasts_by_status ON broadcasts (status, queued_at, id);

CREATE TABLE deliveries (
    broadcast_id  INTEGER NOT NULL REFERENCES broadcasts (id),
    user_id       INTEGER NOT NULL REFERENCES users (id),
    status        TEXT    NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'sent', 'unreachable', 'failed', 'uncertain')),
    attempts      INTEGER NOT NULL DEFAULT 0,      -- 429 answers are not counted
    message_id    INTEGER,                         -- the copy in the recipient's chat
    reason        TEXT,                            -- Telegram's description of a failure
    done_at       TEXT,
    PRIMARY KEY (broadcast_id, user_id)
) WITHOUT ROWID;

CREATE INDEX deliveries_pending ON deliveries (broadcast_id, user_id) WHERE status = 'pending';
