-- Volunteers, keyed by their Telegram user id. Personal fields are NULL until the
-- person consents and registers, and NULL again after /forget.
CREATE TABLE users (
    id               INTEGER PRIMARY KEY,          -- Telegram user id
    language         TEXT    NOT NULL CHECK (language IN ('uz', 'ru', 'en')),
    full_name        TEXT,                         -- as the person typed it
    name_key         TEXT,                         -- normalized for comparison and search
    phone            TEXT,                         -- E.164
    region           TEXT,                         -- ISO 3166-2:UZ suffix, e.g. 'TK'
    consent_version  TEXT,
    consent_at       TEXT,                         -- ISO 8601, UTC
    registered_at    TEXT,                         -- ISO 8601, UTC; NULL = not registered
    forgotten_at     TEXT,                         -- set by /forget
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);

CREATE INDEX users_registered_region ON users (region) WHERE registered_at IS NOT NULL;

CREATE TABLE user_interests (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    interest  TEXT    NOT NULL,
    PRIMARY KEY (user_id, interest)
) WITHOUT ROWID;

CREATE INDEX user_interests_interest ON user_interests (interest);

-- aiogram FSM: one row per storage key, state and data kept together.
CREATE TABLE fsm_states (
    key         TEXT PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,                  -- so /forget can find every draft
    state       TEXT,
    data        TEXT NOT NULL DEFAULT '{}',          -- JSON object
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX fsm_states_user ON fsm_states (user_id);
