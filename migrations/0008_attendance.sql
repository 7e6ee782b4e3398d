-- Attendance recorded at the venue: a scan of the hearing's check-in QR code, or a
-- coordinator's mark in "Who signed up". Both keep the time and how; a mark by hand
-- keeps who made it (and is in the audit log).
ALTER TABLE signups ADD COLUMN attended_at  TEXT;     -- ISO 8601, UTC; NULL = not recorded
ALTER TABLE signups ADD COLUMN attended_via TEXT CHECK (attended_via IN ('qr', 'hand'));
ALTER TABLE signups ADD COLUMN attended_by  INTEGER;  -- the coordinator, for 'hand'

-- The check-in code's secret: random and unguessable, one per hearing. Replacing it makes
-- the printed old one stop working at once. NULL until a coordinator first asks for it.
ALTER TABLE hearings ADD COLUMN checkin_token TEXT;
CREATE UNIQUE INDEX hearings_checkin_token ON hearings (checkin_token)
    WHERE checkin_token IS NOT NULL;

-- Scans that recorded no attendance because the person held no seat: someone waiting,
-- or not signed up (a walk-in). Coordinators see them; exports count them.
CREATE TABLE checkin_attempts (
    id          INTEGER PRIMARY KEY,
    hearing_id  INTEGER NOT NULL REFERENCES hearings (id),
    user_id     INTEGER NOT NULL,                    -- may not have registered
    outcome     TEXT    NOT NULL CHECK (outcome IN ('waiting', 'not_signed_up')),
    at          TEXT    NOT NULL
);

CREATE INDEX checkin_attempts_by_hearing ON checkin_attempts (hearing_id, at);
