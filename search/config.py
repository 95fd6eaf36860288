"""Search backend configuration: Wagtail's database backend by default, Elasticsearch with Bulgarian analysis when configured."""

# Every text field without an explicit analyzer uses the index's `default` analyzer, so
# making it Elasticsearch's built-in `bulgarian` analyzer (stop words + stemmer) gives
# Bulgarian-aware matching everywhere; modelsearch merges INDEX_SETTINGS into its own.
BULGARIAN_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                "default": {"type": "bulgarian"},
            },
        },
    },
}


def search_backends(elasticsearch_url="", index_name="botevgrad"):
    """Return WAGTAILSEARCH_BACKENDS for the given Elasticsearch URL, or the database backend without one."""
    if not elasticsearch_url:
        # Wagtail's database backend, wrapped so that any text typed into a search box is safe
        # for SQLite's FTS5 and PostgreSQL's tsquery (search/backend.py).
        return {"default": {"BACKEND": "search.backend"}}
    return {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [elasticsearch_url],
            "INDEX": index_name,
            # A search that waits longer is worse than the page saying search is down; one retry only.
            "TIMEOUT": 5,
            "OPTIONS": {"max_retries": 1},
            "INDEX_SETTINGS": BULGARIAN_INDEX_SETTINGS,
        }
    }


def uses_elasticsearch():
    """Whether the site's search backend is Elasticsearch (ELASTICSEARCH_URL set), read from the settings in force."""
    from django.conf import settings

    return "elasticsearch" in settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
