-- How an import run ended, besides its counts: the files it skipped (found in a folder,
-- read by no importer), and whether it was interrupted (SIGINT, SIGTERM) before it had
-- taken every input. `inputs` counts the skipped files too.
ALTER TABLE imports ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;
