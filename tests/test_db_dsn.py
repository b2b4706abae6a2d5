"""Server URLs told from file paths, and shown without their passwords."""

from __future__ import annotations

from factscope.db.dsn import is_server_url, scrub, short_label, shown_url


def test_urls_are_shown_without_passwords() -> None:
    url = "postgresql://bob:p%40ss@db.example:5433/team?sslmode=require"
    assert shown_url(url) == "postgresql://bob@db.example:5433/team?sslmode=require"
    assert scrub(f"cannot reach {url}: p@ss rejected", url) == (
        "cannot reach postgresql://bob@db.example:5433/team?sslmode=require: *** rejected"
    )
    assert short_label(url) == "pg:team@db.example"
    assert is_server_url("POSTGRES://x") and not is_server_url("postgresql.db")
    assert shown_url("postgres://h/db?password=x&sslmode=disable") == (
        "postgres://h/db?sslmode=disable"
    )
