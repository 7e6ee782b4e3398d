-- migration: foreign keys off
-- Uzbek in Cyrillic script ('uz-Cyrl') becomes a fourth interface language.
--
-- SQLite cannot change a CHECK constraint in place, so `users` is rebuilt and every row
-- copied (https://www.sqlite.org/lang_altertable.html#otheralter). Eight tables reference
-- users; with foreign keys on, dropping the old table would cascade into user_interests
-- and fail for the others, hence the first line: the runner switches them off around
-- this transaction and runs `PRAGMA foreign_key_check` before it commits.
CREATE TABLE users_new (
    id               INTEGER PRIMARY KEY,          -- Telegram user id
    language         TEXT    NOT NULL CHECK (language IN ('uz', 'uz-Cyrl', 'ru', 'en')),
    full_name        TEXT,                         -- as the person typed it
    name_key         TEXT,                         -- normalized for comparison and search
    phone            TEXT,                         -- E.164
    region           TEXT,                         -- ISO 3166-2:UZ suffix, e.g. 'TK'
    consent_version  TEXT,
    consent_at       TEXT,                         -- ISO 8601, UTC
    registered_at    TEXT,                         -- ISO 8601, UTC; NULL = not registered
    forgotten_at     TEXT,                         -- set by /forget
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    unreachable_at   TEXT                          -- Telegram said blocked or deactivated
);

INSERT INTO users_new (
    id, language, full_name, name_key, phone, region, consent_version, consent_at,
    registered_at, forgotten_at, created_at, updated_at, unreachable_at
)
SELECT
    id, language, full_name, name_key, phone, region, consent_version, consent_at,
    registered_at, forgotten_at, created_at, updated_at, unreachable_at
FROM users;

DROP TABLE users;

ALTER TABLE users_new RENAME TO users;

CREATE INDEX users_registered_region ON users (region) WHERE registered_at IS NOT NULL;
