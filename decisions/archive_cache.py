"""The archive's counts and years, remembered until the public content changes (botevgrad/remembered.py
PUBLIC_PAGES, whose version every write to a public table replaces: botevgrad/content_changes.py).

Counting 100,000 decisions joined to their pages takes 50–90 ms, most of an archive page's time. Each change
replaces one version key, which every remembered value's key contains, so nothing stale is ever read. A cache
that fails or is missing only costs the count again.
"""

from botevgrad.remembered import PUBLIC_PAGES


def remembered(name, parts, compute):
    """`compute()`, or what it returned for the same `parts` since the public pages last changed."""
    return PUBLIC_PAGES.remembered(f"archive-{name}", parts, compute)

