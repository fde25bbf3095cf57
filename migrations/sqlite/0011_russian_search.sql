-- PostgreSQL adds Russian stemming to the search index here. SQLite's FTS5
-- has no Russian stemmer; it keeps the unicode61 tokenizer with prefix
-- matching, as for every other language, so there is nothing to change.
select 1;
