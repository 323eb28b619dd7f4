-- Dead letters sent again by hand (POST /__kefu/dead-letters/:id/retry): when last, and how often.
-- A retried job that dies again keeps these and gets a newer `at`, so the console can tell them apart.
ALTER TABLE dead_letters ADD COLUMN retried_at INTEGER;
ALTER TABLE dead_letters ADD COLUMN retry_count INTEGER NOT NULL DEFAULT 0;

-- The admin lists read newest first: dead letters by time, escalations by platform and time
-- (escalations_by_shop already serves the per-shop list).
CREATE INDEX dead_letters_by_at ON dead_letters (at);
CREATE INDEX escalations_by_platform ON escalations (platform, opened_at);
