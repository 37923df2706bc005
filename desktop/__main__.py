"""``python -m desktop`` and the frozen app's entry point.

PyInstaller runs this file as a plain script (no package), so the import is
absolute.  With ``compare`` it is the command line; otherwise it opens the
window (see desktop.cli.main).
"""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
