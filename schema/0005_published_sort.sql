-- morgue schema, migration 5: a sortable form of `published`.
--
-- `published` keeps the date as the source wrote it (2011-01-04T19:42:00+09:00,
-- 2019-01-03T07:00:02.000Z, 2018-04-05T06:00), whose text order is not time order across
-- offsets. `published_sort` holds the same moment in a form whose text order is: the UTC
-- instant YYYY-MM-DDTHH:MM:SSZ when the offset is known, else the local date-time as
-- given (YYYY-MM-DDTHH:MM:SS), or the date (year, month) as it is. morgue sets it whenever
-- it writes `published`; `--order published`, `--since` and `--until` use it.
--
-- SQLite's date functions cannot read every form morgue stores (offsets without a colon,
-- leap seconds), so the existing rows are filled by morgue_sortable_date(), the C++
-- function morgue itself uses (SortableDate in core/src/datetime.cc), which morgue
-- registers on its connection while it migrates.

ALTER TABLE articles ADD COLUMN published_sort TEXT;

UPDATE articles SET published_sort = morgue_sortable_date(published)
WHERE published IS NOT NULL;

CREATE INDEX articles_published_sort ON articles(published_sort);
