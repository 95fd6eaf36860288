"""SQLite: an FTS5 table over the analysed columns, kept in step by triggers.

The words arrive already normalised and stemmed in Python; `remove_diacritics 0` keeps й apart from и.
bm25 weights put exact over stem and title over body, as the PostgreSQL index does.
"""

import contextlib

from django.db.models import BooleanField, ExpressionWrapper, F, FloatField, Func, Q, Value
from django.db.models.expressions import RawSQL

COLUMNS = "title_terms, title_stems, body_terms, body_stems"
OLD = ", ".join(f"old.{column}" for column in COLUMNS.split(", "))
NEW = ", ".join(f"new.{column}" for column in COLUMNS.split(", "))

CREATE = [
    f"""CREATE VIRTUAL TABLE search_entry_fts USING fts5({COLUMNS}, content='search_searchentry',
        content_rowid='id', tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END""",
    f"""CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END""",
    f"""CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});
        INSERT INTO search_entry_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END""",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_entry_fts_insert",
    "DROP TRIGGER IF EXISTS search_entry_fts_delete",
    "DROP TRIGGER IF EXISTS search_entry_fts_update",
    "DROP TABLE IF EXISTS search_entry_fts",
]
# Title and number first, exact before stem (bm25 scores are negative: smaller is better).
BM25 = "bm25(search_entry_fts, 10.0, 4.0, 2.0, 1.0)"


def phrase(word):
    """One word as an FTS5 string: inside double quotes nothing is an operator."""
    return '"' + word.replace('"', '""') + '"'


def term_query(term):
    return "(" + " OR ".join(phrase(form) for form in term.forms) + ")"


def match_expression(terms, require_all):
    return (" AND " if require_all else " OR ").join(term_query(term) for term in terms)


def matching(terms, require_all=True, in_title=False):
    """A boolean expression: the entry (or its title) has all (or any) of the terms.

    The entry's id goes through the ORM, so that inside a subquery it names the table's alias there.
    """
    expression = match_expression(terms, require_all)
    if in_title:
        expression = "{title_terms title_stems} : (" + expression + ")"
    found = RawSQL("SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s", [expression])
    return ExpressionWrapper(Q(id__in=found), output_field=BooleanField())


def rank(terms):
    # Negated so that, as on PostgreSQL, a larger rank is a better match. The joiner puts the entry's id
    # (through the ORM, for its alias) after the match: "… MATCH %s AND rowid = <the entry's id>".
    return Func(
        Value(match_expression(terms, False)), F("id"),
        template=f"(SELECT -{BM25} FROM search_entry_fts WHERE search_entry_fts MATCH %(expressions)s)",
        arg_joiner=" AND search_entry_fts.rowid = ",
        output_field=FloatField(),
    )


def estimated_rows(queryset):
    """SQLite has no row estimates to offer: the caller counts."""
    return None


def date_index_walk():
    """SQLite's planner needs no steering here."""
    return contextlib.nullcontext()
