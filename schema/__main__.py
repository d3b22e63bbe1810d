"""`python -m schema` prints the SDL; `python -m schema --check FILE` fails when FILE is stale."""

from __future__ import annotations

import sys
from pathlib import Path

from schema import schema


def main(argv: list[str]) -> int:
    sdl = schema.as_str() + "\n"
    if len(argv) == 2 and argv[0] == "--check":
        if Path(argv[1]).read_text() != sdl:
            print(f"{argv[1]} is stale: run `make schema` and commit it.", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(sdl)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
