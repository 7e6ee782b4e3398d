-- Every coordinator and admin action: who, what, when, on what.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    actor_id  INTEGER NOT NULL,
    action    TEXT    NOT NULL,        -- e.g. hearing.publish, report.return, role.add
    target    TEXT,                    -- e.g. hearing:12, report:7, user:123
    details   TEXT    NOT NULL DEFAULT '{}',  -- JSON; never phone numbers
    at        TEXT    NOT NULL
);

CREATE INDEX audit_log_recent ON audit_log (id DESC);
