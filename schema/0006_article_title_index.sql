-- morgue schema, migration 6: articles are found by title for dedup.
--
-- An article with neither a body nor a canonical URL is known by its title, publication
-- date and source (README "Importing"): the import looks it up by title, so that a
-- re-import finds it at once instead of reading every article.
CREATE INDEX articles_title ON articles(title);
