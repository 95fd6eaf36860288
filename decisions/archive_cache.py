"""The archive's counts and years, remembered until a page is saved, published, unpublished, moved, deleted or restricted
(botevgrad/remembered.py PUBLIC_PAGES).

Counting 100,000 decisions joined to their pages takes 50–90 ms, most of an archive page's time,
and the answer changes only when the set of public decisions does. Each such change replaces one
version key, which every remembered value's key contains, so nothing stale is ever read. A cache
that fails or is missing only costs the count again.
"""

from botevgrad.remembered import PUBLIC_PAGES


def remembered(name, parts, compute):
    """`compute()`, or what it returned for the same `parts` since the public pages last changed."""
    return PUBLIC_PAGES.remembered(f"archive-{name}", parts, compute)


def forget():
    """The public decisions changed (an import writes pages without their signals): every count is stale."""
    PUBLIC_PAGES.forget()
