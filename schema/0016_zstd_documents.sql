-- Originals compressed with zstd: from this version morgue stores each new document as
-- one zstd frame (RFC 8878), `documents.compression` = 'zstd', which compresses pages
-- several times as fast as zlib and smaller. The documents archived before stay zlib
-- streams ('zlib') or raw ('none') and read as before. No table changes: the version is
-- recorded so that a morgue that cannot read zstd documents refuses the archive untouched
-- ("made by a newer morgue") instead of failing on each of them.
SELECT 1;
