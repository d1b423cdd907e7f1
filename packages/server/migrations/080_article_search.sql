-- Knowledge-base search on PostgreSQL full-text search (routes/article-search.ts).
--
-- Every article has a language; its search document is built with that language's text-search
-- configuration (english, german, simple for any other), so stop words ("how", "do", "I") are
-- dropped and words are stemmed ("invoices" → invoic). Title weighs A, summary and tags B, the
-- body (as plain text) C.
ALTER TABLE articles ADD COLUMN lang text NOT NULL DEFAULT 'en' CHECK (lang ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$');

CREATE FUNCTION article_ts_config(lang text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE split_part(lang, '-', 1) WHEN 'en' THEN 'english'::regconfig WHEN 'de' THEN 'german'::regconfig ELSE 'simple'::regconfig END;

-- The words a reader sees in an article body authored as Markdown or HTML: no tags, code blocks,
-- link targets or image addresses, and none of the private-use characters the highlighter uses
-- as markers (so an article cannot forge a highlight).
CREATE FUNCTION article_plain(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    translate(body, U&'\E000\E001', ''),
    '```.*?```|<(pre|script|style)\M[^>]*>.*?</\1>', ' ', 'gi'),
    '!\[[^]]*\]\([^)]*\)', ' ', 'g'),
    '\[([^]]*)\]\([^)]*\)', '\1', 'g'),
    '<[^>]*>', ' ', 'g'),
    '&(#[0-9]+|[a-z]+);', ' ', 'gi'),
    '[#*_`>|]+', ' ', 'g'),
    '\s+', ' ', 'g'));

CREATE FUNCTION article_document(lang text, title text, summary text, tags text[], body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN setweight(to_tsvector(article_ts_config(lang), title), 'A')
    || setweight(to_tsvector(article_ts_config(lang), summary || ' ' || array_to_string(tags, ' ')), 'B')
    || setweight(to_tsvector(article_ts_config(lang), article_plain(body)), 'C');

ALTER TABLE articles ADD COLUMN search tsvector
  GENERATED ALWAYS AS (article_document(lang, title, summary, tags, body)) STORED;
CREATE INDEX articles_search ON articles USING gin (search);

-- A lexeme (or, with ':*', a prefix) as a query of its own, taken as it is (no second stemming).
CREATE FUNCTION article_lexeme_query(lexeme text, suffix text DEFAULT '') RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''' || suffix)::tsquery;

-- A query for "any of these words" in one configuration: the stemmed words (stop words dropped)
-- OR'ed, plus the last word as a prefix while it is being typed ("invo" finds invoices).
CREATE FUNCTION article_any_query(cfg regconfig, words text, prefix text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN coalesce(
    (SELECT string_agg(article_lexeme_query(l)::text, ' | ')::tsquery FROM unnest(tsvector_to_array(to_tsvector(cfg, words))) AS l),
    ''::tsquery)
  || CASE WHEN length(prefix) >= 3 AND to_tsvector(cfg, prefix) <> ''::tsvector
       THEN article_lexeme_query(lower(prefix), ':*') ELSE ''::tsquery END;

-- The share of the query's words (stemmed lexemes) that a document has: 0 … 1.
CREATE FUNCTION article_coverage(doc tsvector, lexemes text[]) RETURNS real
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN cardinality(lexemes) = 0 THEN 0
    ELSE (SELECT count(*) FROM unnest(lexemes) AS l WHERE doc @@ article_lexeme_query(l))::real / cardinality(lexemes) END;

-- Highlights travel as text with U+E000 / U+E001 around each match, split into segments by the
-- server (never HTML): the markers are removed from the text before ts_headline adds its own.
CREATE FUNCTION article_headline(cfg regconfig, doc text, q tsquery, options text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ts_headline(cfg, translate(doc, U&'\E000\E001', ''), q,
    options || U&', StartSel=\E000, StopSel=\E001');

GRANT EXECUTE ON FUNCTION article_ts_config(text), article_plain(text), article_any_query(regconfig, text, text),
  article_lexeme_query(text, text), article_coverage(tsvector, text[]),
  article_headline(regconfig, text, tsquery, text) TO portico_tenant;

-- The words of the articles, for typo tolerance ("invoce" → invoice): kept by a trigger, shared
-- like the articles (org_id NULL: a public article's words), matched by trigram similarity where
-- pg_trgm is available. A word of an article edited away stays until the table is rebuilt: it can
-- only turn a typo into a word that finds nothing, as no correction would.
CREATE TABLE article_words (
  org_id text REFERENCES organizations(id),
  word   text NOT NULL
);
CREATE UNIQUE INDEX article_words_word ON article_words (word, (coalesce(org_id, '')));
ALTER TABLE article_words ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON article_words TO portico_tenant
  USING (org_id IS NULL OR org_id = current_setting('portico.org_id', true));
GRANT SELECT ON article_words TO portico_tenant;

CREATE FUNCTION article_words_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO article_words (org_id, word)
  SELECT DISTINCT NEW.org_id, w
  FROM unnest(tsvector_to_array(to_tsvector('simple', NEW.title || ' ' || NEW.summary || ' ' || article_plain(NEW.body)))) AS w
  WHERE length(w) BETWEEN 3 AND 40 AND w ~ '^[[:alpha:]]+$'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER article_words_collect AFTER INSERT OR UPDATE OF title, summary, body ON articles
  FOR EACH ROW EXECUTE FUNCTION article_words_collect();
INSERT INTO article_words (org_id, word)
SELECT DISTINCT a.org_id, w
FROM articles a, unnest(tsvector_to_array(to_tsvector('simple', a.title || ' ' || a.summary || ' ' || article_plain(a.body)))) AS w
WHERE length(w) BETWEEN 3 AND 40 AND w ~ '^[[:alpha:]]+$'
ON CONFLICT DO NOTHING;

-- article_word_near(word, term): the word is a likely spelling of term. With pg_trgm it is an
-- inlinable trigram test (the GIN index below serves `%`); without it nothing is near, and search
-- simply has no typo tolerance. `article_search_typos()` says which one this database has.
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): knowledge-base search without typo tolerance', SQLERRM;
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX article_words_trgm ON article_words USING gin (word gin_trgm_ops);
    CREATE FUNCTION article_word_near(word text, term text) RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE RETURN word % term AND similarity(word, term) >= 0.4;
    CREATE FUNCTION article_word_similarity(word text, term text) RETURNS real
      LANGUAGE sql STABLE PARALLEL SAFE RETURN similarity(word, term);
    CREATE FUNCTION article_search_typos() RETURNS boolean LANGUAGE sql IMMUTABLE RETURN true;
  ELSE
    CREATE FUNCTION article_word_near(word text, term text) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN false;
    CREATE FUNCTION article_word_similarity(word text, term text) RETURNS real
      LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN 0;
    CREATE FUNCTION article_search_typos() RETURNS boolean LANGUAGE sql IMMUTABLE RETURN false;
  END IF;
  GRANT EXECUTE ON FUNCTION article_word_near(text, text), article_word_similarity(text, text), article_search_typos() TO portico_tenant;
END
$$;
