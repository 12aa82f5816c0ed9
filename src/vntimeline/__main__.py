"""``python -m vntimeline``: the same command line as ``vntimeline``."""

from ._cli import run

if __name__ == "__main__":
    run()
