"""A gzip body made of parts compressed once and short values compressed on each request.

A kept page with a form differs per visitor only in a few values (page_cache.py). Each part of the page is
compressed on its own, ending on a full flush, so the deflate stream can continue with any bytes: joining the
kept parts with the values compressed the same way gives a valid gzip body without compressing the page again.
Nothing compressed before a flush is referred to after it, so a value's compressed length never depends on the
rest of the page: a secret value (the CSRF token) cannot be guessed from sizes by reflecting input next to it
(BREACH). RFC 1951 §3.2.3 (blocks after a full flush are independent), RFC 1952 (the gzip wrapper).

The gzip trailer's CRC-32 runs over the whole page, values included. The page's parts need not be kept for it:
CRC-32 is linear, so crc32(part, start) = crc32(part, 0) XOR shift(start), where `shift` depends only on the
part's length and is kept as its 32 images of the single bits (GzipParts). A kept page is then only its
compressed parts, a fifth of its size or less: that is what each hit reads from the cache.
"""

import struct
import zlib
from dataclasses import dataclass

# ID1 ID2, deflate, no flags, no time, no extra flags, unknown system.
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


def deflate(data, last):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def compress_parts(parts):
    """The parts of a body, each deflated on its own; the last one ends the stream."""
    return [deflate(part, last=n == len(parts) - 1) for n, part in enumerate(parts)]


def crc_shift(length):
    """What crc32 over `length` bytes does to its starting value, as the images of the 32 single bits."""
    zeros = bytes(length)
    base = zlib.crc32(zeros, 0)
    return tuple(zlib.crc32(zeros, 1 << bit) ^ base for bit in range(32))


def shifted(shift, start):
    """What crc32 over a part makes of `start` beyond the part's own CRC, from the part's crc_shift."""
    result, bit = 0, 0
    while start:
        if start & 1:
            result ^= shift[bit]
        start >>= 1
        bit += 1
    return result


@dataclass(frozen=True)
class GzipParts:
    """A body's parts compressed once, with what the trailer needs of each: its CRC-32 from 0, its length and its
    shift (crc_shift). Its bytes are not kept."""

    compressed: tuple
    crcs: tuple
    sizes: tuple
    shifts: tuple

    @classmethod
    def of(cls, parts):
        return cls(tuple(compress_parts(parts)), tuple(zlib.crc32(part) for part in parts),
                   tuple(len(part) for part in parts), tuple(crc_shift(len(part)) for part in parts[1:]))

    @property
    def length(self):
        return sum(map(len, self.compressed))

    def body(self, values):
        """The gzip of parts[0] + values[0] + parts[1] + …"""
        body = [HEADER, self.compressed[0]]
        crc, size = self.crcs[0], self.sizes[0]
        for value, compressed, part_crc, part_size, shift in zip(
                values, self.compressed[1:], self.crcs[1:], self.sizes[1:], self.shifts):
            body += [deflate(value, last=False), compressed]
            crc = part_crc ^ shifted(shift, zlib.crc32(value, crc))
            size += len(value) + part_size
        body.append(struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))
        return b"".join(body)

    def plain(self, values):
        """The page itself, for the rare client that takes no gzip."""
        return zlib.decompress(self.body(values), 16 + zlib.MAX_WBITS)
