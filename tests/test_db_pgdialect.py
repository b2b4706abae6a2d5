"""SQLite statements and FTS5 expressions as PostgreSQL reads them."""

from __future__ import annotations

from factscope.db.pgdialect import fts5_tsquery, translate


def test_fts5_expressions_become_tsqueries() -> None:
    assert fts5_tsquery('"songj"* AND "trade"*') == "'songj':* & 'trade':*"
    assert fts5_tsquery('region : (^ "si"*)') == "( 'R^:si':* )"
    assert fts5_tsquery('("a" OR "b") AND metric : ("x y")') == (
        "( 'a' | 'b' ) & ( ('M:x' & 'M:y') )"
    )
    assert fts5_tsquery('"it""s"') == "('it' & 's')"
    assert translate("SELECT 1 WHERE a LIKE '%x' AND b = ?").sql == (
        "SELECT 1 WHERE a ILIKE '%%x' AND b = %s"
    )


def test_sqlite_idioms_become_postgresql() -> None:
    assert translate("SELECT 1 FROM t ORDER BY d.title COLLATE NOCASE").sql == (
        "SELECT 1 FROM t ORDER BY lower(d.title)"
    )
    assert translate("SELECT x FROM t WHERE a IN () ORDER BY f.normalized DESC, f.id").sql == (
        "SELECT x FROM t WHERE a IN (NULL) ORDER BY f.normalized DESC NULLS LAST, f.id"
    )
    # Only nullable columns: the id index walks backwards for "id DESC" alone.
    assert translate("SELECT 1 FROM facts f ORDER BY f.id DESC").sql.endswith("f.id DESC")
    assert translate("SELECT count(*) FROM (SELECT 1 FROM f WHERE 1 LIMIT ?)").sql == (
        "SELECT count(*) FROM (SELECT 1 FROM f WHERE TRUE LIMIT %s) AS counted"
    )
    statement = translate("SELECT 1 FROM facts_fts WHERE facts_fts MATCH ? AND x = ?")
    assert statement.sql == (
        "SELECT 1 FROM facts_fts WHERE facts_fts.tsv @@ %s::tsquery"
        " AND coalesce(ts_match_vq(facts_fts.tsv, %s::tsquery), TRUE) AND x = %s"
    )
    assert statement.match_params == (0,)
    assert translate("INSERT INTO documents (id) VALUES (?)").returning


def test_fact_candidates_look_each_fact_up_by_key() -> None:
    """The candidate query of a fact search, with a filter on the facts, becomes a lookup
    per search row (which stops at the LIMIT), not a join the planner may hash."""
    from factscope.db.factquery import candidate_sql, parse_fact_query

    sql, params = candidate_sql(parse_fact_query("unit:usd trade"), "f.id", cap=2000)
    text = translate(sql).sql
    assert text.startswith(
        "SELECT f.id FROM facts_fts CROSS JOIN LATERAL (SELECT * FROM facts f"
        " WHERE f.id = facts_fts.rowid AND f.doc_id = facts_fts.doc_id OFFSET 0) f"
        " WHERE facts_fts.tsv @@ %s::tsquery AND "
    )
    assert text.endswith(" LIMIT %s") and params[-1] == 2000
    # Without words the newest facts come first, each looking its search row up.
    plain, _ = candidate_sql(parse_fact_query(">1000"), "f.id", cap=10)
    assert translate(plain).sql == (
        "SELECT f.id FROM facts f CROSS JOIN LATERAL (SELECT * FROM facts_fts"
        " WHERE facts_fts.rowid = f.id AND facts_fts.doc_id = f.doc_id OFFSET 0) facts_fts"
        " WHERE f.normalized > %s ORDER BY f.id DESC LIMIT %s"
    )


def test_unit_kind_and_type_values_are_whole_tagged_lexemes() -> None:
    """``unit:km/h`` names the value whole (schema version 3 tags it so), never its words."""
    expression = 'unit : ("km/h" OR "USD") AND metric_type : ("trade_total")'
    assert fts5_tsquery(expression) == "( 'U:km/h' | 'U:usd' ) & ( 'T:trade_total' )"
