"""The read+hash floor: one process walks the tree, reads every post and hashes its bytes.

    python bench/hashfloor.py SITE_DIR [--algo sha256]

A warm (cached) run cannot be faster than this: it must at least read and hash every file
to know that nothing changed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from floor import posts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--algo", default="sha256", help="any hashlib algorithm (default sha256)")
    args = parser.parse_args()
    started = time.perf_counter()
    digest = hashlib.new(args.algo)
    count = 0
    for path in posts(args.root):
        digest.update(hashlib.new(args.algo, path.read_bytes()).digest())
        count += 1
    print(f"{count} files, {digest.hexdigest()[:16]}, {time.perf_counter() - started:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
