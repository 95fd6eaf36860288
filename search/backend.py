"""Wagtail's database search backend, made to take any text a person can type into a search box."""

import functools
import unicodedata

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.query import Phrase, PlainText

# No word is this long; PostgreSQL refuses lexemes over 2047 bytes ("word is too long").
MAX_TERM_LENGTH = 100
MAX_QUERY_LENGTH = 1000


def clean_search_text(text):
    """The text without control characters (NUL ends an SQLite string, PostgreSQL refuses it) and absurd lengths."""
    text = "".join(" " if unicodedata.category(char) in ("Cc", "Cs") else char for char in text[: MAX_QUERY_LENGTH * 4])
    return " ".join(term[:MAX_TERM_LENGTH] for term in text.split())[:MAX_QUERY_LENGTH]


def clean_search_query(query):
    """The same query with every piece of user text cleaned; strings stay strings, query objects keep their shape."""
    if isinstance(query, str):
        return clean_search_text(query)
    if isinstance(query, (PlainText, Phrase)):
        query.query_string = clean_search_text(query.query_string)
    for subquery in getattr(query, "subqueries", ()):
        clean_search_query(subquery)
    if hasattr(query, "subquery"):
        clean_search_query(query.subquery)
    return query


class CleanQueryMixin:
    """Cleans the query before the backend's own compiler sees it; a query left empty finds nothing."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, clean_search_query(query), model_or_queryset, **kwargs)


@functools.cache
def safe_sqlite_backend_class():
    """The SQLite FTS5 backend made safe; built on first use, because Wagtail defines its FTS model only on SQLite."""
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class FTS5String(Lexeme):
        """A term as an FTS5 string: inside double quotes `"` is written `""`, and nothing else is special.

        Wagtail's Lexeme doubles `'` and `\\` (which FTS5 does not need) but not `"`, so one
        unbalanced quote ends the string early: "unterminated string" or "fts5: syntax error".
        Quoted, `AND`, `OR`, `NEAR(`, `*`, `-`, `^` and `:` are plain text too.
        """

        def as_sql(self, compiler, connection):
            template = '"%s"*' if self.prefix else '"%s"'
            return template, [self.value.replace('"', '""')]

    class FTS5QueryMixin:
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                terms = query.query_string.split()
                if not terms:
                    # An empty FTS5 string is valid and matches nothing (Wagtail returns None and fails).
                    return SearchQueryExpression(FTS5String(""), config=config)
                lexemes = FTS5String(terms.pop(), prefix=self.LAST_TERM_IS_PREFIX)
                for term in terms:
                    if query.operator.upper() == "AND":
                        lexemes &= FTS5String(term)
                    else:
                        lexemes |= FTS5String(term)
                return SearchQueryExpression(lexemes, config=config)
            if isinstance(query, Phrase):
                return SearchQueryExpression(FTS5String(query.query_string), config=config)
            return super().build_search_query_content(query, config=config)

        def fts_columns(self):
            """The FTS5 columns that hold `self.fields`; `None` means all of this compiler's columns.

            Override in a subclass to map field names onto the index's columns differently.
            """
            return None

        def search(self, config, start, stop, score_field=None):
            # Wagtail puts the model's field names (`fields=["text"]` from an admin viewset's
            # search_fields) straight into the FTS5 column filter, but the FTS table has only the
            # columns title/body/autocomplete: "no such column: text". Build with the columns instead.
            requested_fields = self.fields
            self.fields = self.fts_columns()
            try:
                return super().search(config, start, stop, score_field=score_field)
            finally:
                self.fields = requested_fields

    class SafeSQLiteSearchQueryCompiler(FTS5QueryMixin, SQLiteSearchQueryCompiler):
        def fts_columns(self):
            if not self.fields:
                return None
            # The index's `title` column holds the `title` field; `body` holds every other SearchField.
            return sorted({"title" if field == "title" else "body" for field in self.fields})

    class SafeSQLiteAutocompleteQueryCompiler(FTS5QueryMixin, SQLiteAutocompleteQueryCompiler):
        # Every AutocompleteField is in the one `autocomplete` column, so `fields=` cannot narrow it.
        pass

    class SafeSQLiteSearchBackend(CleanQueryMixin, SQLiteSearchBackend):
        query_compiler_class = SafeSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = SafeSQLiteAutocompleteQueryCompiler

    return SafeSQLiteSearchBackend


@functools.cache
def safe_postgres_backend_class():
    """The PostgreSQL backend made safe: it quotes each term as a tsquery lexeme already, but fails on
    NUL, on over-long words and on a query without terms."""
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class NoTermsQueryMixin:
        def build_tsquery_content(self, query, config=None, invert=False):
            built = super().build_tsquery_content(query, config=config, invert=invert)
            if built is None:
                # Wagtail splits terms on spaces and hyphens, so "-" has none and its None fails
                # later ("'NoneType' object has no attribute 'config'"); an empty query matches nothing.
                return SearchQuery("", search_type="plain", config=config)
            return built

    class SafePostgresSearchQueryCompiler(NoTermsQueryMixin, PostgresSearchQueryCompiler):
        pass

    class SafePostgresAutocompleteQueryCompiler(NoTermsQueryMixin, PostgresAutocompleteQueryCompiler):
        pass

    class SafePostgresSearchBackend(CleanQueryMixin, PostgresSearchBackend):
        query_compiler_class = SafePostgresSearchQueryCompiler
        autocomplete_query_compiler_class = SafePostgresAutocompleteQueryCompiler

    return SafePostgresSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's database backend for the current database, made safe where it needs to be."""
    backend = database_search_backend(params)
    if connection.vendor == "sqlite" and backend.__class__.__name__ == "SQLiteSearchBackend":
        return safe_sqlite_backend_class()(params)
    if connection.vendor == "postgresql":
        return safe_postgres_backend_class()(params)
    # Without FTS5, SQLite gets Wagtail's fallback backend, which searches with icontains and needs nothing.
    return backend
