"""A gzip body made of parts compressed once and short values compressed on each request.

A kept page with a form differs per visitor only in a few values (page_cache.py). Each part of the page is
compressed on its own, ending on a full flush, so the deflate stream can continue with any bytes: joining the
kept parts with the values compressed the same way gives a valid gzip body without compressing the page again.
Nothing compressed before a flush is referred to after it, so a value's compressed length never depends on the
rest of the page: a secret value (the CSRF token) cannot be guessed from sizes by reflecting input next to it
(BREACH). RFC 1951 §3.2.3 (blocks after a full flush are independent), RFC 1952 (the gzip wrapper).
"""

import struct
import zlib

# ID1 ID2, deflate, no flags, no time, no extra flags, unknown system.
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


def deflate(data, last):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def compress_parts(parts):
    """The parts of a body, each deflated on its own; the last one ends the stream."""
    return [deflate(part, last=n == len(parts) - 1) for n, part in enumerate(parts)]


def gzip_body(parts, compressed_parts, values):
    """The gzip of parts[0] + values[0] + parts[1] + … , from the parts compressed by `compress_parts`."""
    body = [HEADER, compressed_parts[0]]
    crc, size = zlib.crc32(parts[0]), len(parts[0])
    for value, part, compressed in zip(values, parts[1:], compressed_parts[1:]):
        body += [deflate(value, last=False), compressed]
        crc = zlib.crc32(part, zlib.crc32(value, crc))
        size += len(value) + len(part)
    body.append(struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))
    return b"".join(body)
