"""A gzip body joined from parts compressed once and values compressed per request is a valid gzip of the page."""

import gzip
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from botevgrad.segmented_gzip import GzipParts, deflate

chunks = st.binary(max_size=3000) | st.text(max_size=2000).map(str.encode)


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(chunks, min_size=1, max_size=6), data=st.data())
def test_the_joined_body_decompresses_to_the_page(parts, data):
    values = data.draw(st.lists(chunks, min_size=len(parts) - 1, max_size=len(parts) - 1))
    kept = GzipParts.of(parts)
    body = kept.body(values)
    page = b"".join(part for pair in zip(parts, [*values, b""]) for part in pair)
    assert gzip.decompress(body) == page
    assert kept.plain(values) == page
    # As a browser reads it: zlib with the gzip wrapper, in one go.
    assert zlib.decompress(body, 16 + zlib.MAX_WBITS) == page


def test_a_values_compressed_size_does_not_depend_on_the_page_around_it():
    """The BREACH guard: input reflected next to the secret shares no dictionary with it."""
    secret = b"a1b2c3d4" * 8
    guesses = [b'value="' + secret[:16], b'value="zzzzzzzzzzzzzzzz']
    sizes = set()
    for guess in guesses:
        parts = [b"<p>" + guess * 20 + b'</p><input name="csrfmiddlewaretoken" value="', b'">' + guess * 20]
        kept = GzipParts.of(parts)
        sizes.add(len(kept.body([secret])) - kept.length)
    assert sizes == {len(deflate(secret, last=False)) + 10 + 8}
