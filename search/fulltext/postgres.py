"""PostgreSQL: a weighted tsvector column generated from the analysed text, with a GIN index.

The words arrive already normalised and stemmed in Python, so the `simple` configuration only
splits them: no server dictionary is needed, as on a managed database. Weights: A exact title
words, C title stems, B exact body words, D body stems; ts_rank's default weights then put exact
over stem and title over body.

A second, small vector holds the title alone: a query that matches thousands of entries lists the
title matches first without reading every match's body vector (see search/engine.py).
"""

import contextlib
import json

from django.db import connection, transaction
from django.contrib.postgres.search import SearchVectorField
from django.db.models import BooleanField, F, FloatField, Func, Value
from django.db.models.expressions import Col, Expression

CREATE = [
    """
    ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, title_stems), 'C')
        || setweight(to_tsvector('simple'::regconfig, body_terms), 'B')
        || setweight(to_tsvector('simple'::regconfig, body_stems), 'D')
    ) STORED
    """,
    # Without the pending list, a freshly imported entry is in the index proper at once, and the planner
    # costs the index truthfully before the next vacuum.
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (search_vector) WITH (fastupdate = off)",
]
DROP = [
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector",
]
CREATE_TITLE_VECTOR = [
    """
    ALTER TABLE search_searchentry ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, title_stems), 'C')
    ) STORED
    """,
    "CREATE INDEX search_entry_title_vector ON search_searchentry USING gin (title_vector) WITH (fastupdate = off)",
]
DROP_TITLE_VECTOR = [
    "DROP INDEX IF EXISTS search_entry_title_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_vector",
]


def lexeme(word):
    """One word as a quoted tsquery lexeme; the analysed words hold only letters and digits, quoting is belt and braces."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def term_query(term):
    """A query term as tsquery text: the exact word or any of its stems."""
    return "(" + " | ".join(lexeme(form) for form in term.forms) + ")"


def tsquery(terms, operator):
    return f" {operator} ".join(term_query(term) for term in terms)


class EntryVector(Expression):
    """One of the vector columns the migration generates (the model does not declare them), under the alias the
    query gives the entries' table: `search_searchentry` in a query of its own, `U0` inside a subquery such as the
    archive's "pages with a matching entry". A column written out as raw SQL would keep the table's name there.
    """

    def __init__(self, column):
        super().__init__(output_field=SearchVectorField())
        self.column = column

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        entry_id = F("id").resolve_expression(query, allow_joins, reuse, summarize, for_save)
        target = SearchVectorField()
        target.set_attributes_from_name(self.column)
        return Col(entry_id.alias, target)


def as_tsquery(text):
    return Func(Value(text), template="%(expressions)s::tsquery")


def matching(terms, require_all=True, in_title=False):
    """A boolean expression: the entry (or its title) has all (or any) of the terms."""
    vector = EntryVector("title_vector" if in_title else "search_vector")
    query = as_tsquery(tsquery(terms, "&" if require_all else "|"))
    return Func(vector, query, template="%(expressions)s", arg_joiner=" @@ ", output_field=BooleanField())


def rank(terms):
    """Relevance over any of the terms; only computed for the entries that already matched."""
    query = as_tsquery(tsquery(terms, "|"))
    return Func(EntryVector("search_vector"), query, function="ts_rank", output_field=FloatField())


def estimated_rows(queryset):
    """The planner's estimate of the rows `queryset` returns, from the column statistics: no row is read.

    For a word in most entries, even counting the first thousand matches reads a thousand large
    vectors (35 ms at 100,000 decisions); the statistics of the tsvector columns say as much at once.
    """
    plan = json.loads(queryset.explain(format="json"))
    return plan[0]["Plan"]["Plan Rows"]


@contextlib.contextmanager
def date_index_walk():
    """Run the queries inside along the date index, reading matches newest first until the page is full.

    For thousands of matches of several words the planner multiplies each word's share as if they were
    independent ("детски" and "градини" come together: 13 expected, 4,962 found), then collects every
    match through the GIN indexes and rechecks its vector: 146 ms. Walking the dates reads a few
    hundred rows for a page: 5.5 ms. Reset at the end, since SET LOCAL would outlive a savepoint.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off")
        try:
            yield
        finally:
            cursor.execute("RESET enable_bitmapscan; RESET enable_seqscan")
