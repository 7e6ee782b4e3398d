-- Hearing notices (a seat freed for you, a time changed, a hearing cancelled) go through
-- an outbox: rows written in the transaction of the change, sent by a worker at the
-- broadcast pace, each claimed before its Telegram call, resumed after a crash. The text
-- is rendered at send time in the recipient's language.
CREATE TABLE notices (
    id          INTEGER PRIMARY KEY,
    batch       TEXT    NOT NULL,                  -- one change: 'cancel:12:2026-…'
    kind        TEXT    NOT NULL CHECK (kind IN ('promoted', 'changed', 'cancelled')),
    hearing_id  INTEGER NOT NULL REFERENCES hearings (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    author_id   INTEGER,                           -- told the outcome of the batch, if set
    reason      TEXT,                              -- a cancellation's reason
    status      TEXT    NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'uncertain')),
    created_at  TEXT    NOT NULL,
    done_at     TEXT
);

CREATE INDEX notices_pending ON notices (id) WHERE status = 'pending';
CREATE INDEX notices_batch ON notices (batch);

-- When the ended broadcast's summary reached its status message: a summary lost to
-- Telegram errors is shown again at the next start.
ALTER TABLE broadcasts ADD COLUMN summary_shown_at TEXT;
