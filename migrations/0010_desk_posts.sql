-- Report cards and urgent alerts for the coordinators go through an outbox, as hearing
-- notices do (0007): rows written in the transaction of the observer's submission or
-- alert, sent by the notice worker at the shared pace, each claimed before its Telegram
-- call, resumed after a crash. Sent one by one inside the observer's update, a crash
-- halfway left the rest of the coordinators without the card for good. A card is
-- rendered at send time from the report as it is then; one already in the chat is
-- edited instead (a resubmission, a review).
CREATE TABLE desk_posts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('card', 'urgent')),
    chat_id     INTEGER NOT NULL,              -- COORDINATOR_CHAT_ID, or one coordinator
    report_id   INTEGER REFERENCES reports (id) ON DELETE CASCADE,
    urgent_id   INTEGER REFERENCES urgent_alerts (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'uncertain')),
    created_at  TEXT    NOT NULL,
    done_at     TEXT,
    CHECK ((kind = 'card') = (report_id IS NOT NULL)),
    CHECK ((kind = 'urgent') = (urgent_id IS NOT NULL))
);

CREATE INDEX desk_posts_pending ON desk_posts (id) WHERE status = 'pending';
-- One waiting card per report and chat: it shows the report as it is when it goes.
CREATE UNIQUE INDEX desk_posts_one_card ON desk_posts (report_id, chat_id)
    WHERE kind = 'card' AND status = 'pending';
CREATE INDEX desk_posts_urgent ON desk_posts (urgent_id) WHERE urgent_id IS NOT NULL;
-- A report's posts (a review adds a card for chats whose first is still on its way; a
-- deleted draft cascades here).
CREATE INDEX desk_posts_report ON desk_posts (report_id) WHERE report_id IS NOT NULL;

-- A person's open report (every message outside a form asks for it) was a scan of all
-- drafts and returned reports.
CREATE INDEX reports_by_user ON reports (user_id, status, updated_at);
