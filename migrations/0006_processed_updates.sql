-- Each update takes effect once. Telegram delivers an update again when the bot did not
-- confirm it (a crash, a slow restart); its id is recorded in the same transaction as
-- its effects, and a repeat is skipped. Ids only grow, so old rows are pruned by id.
CREATE TABLE processed_updates (
    update_id  INTEGER PRIMARY KEY
);
