"""``python -m desktop``, the ``parallax`` command and the frozen app's entry point.

PyInstaller runs this file as a plain script (no package), so the imports are
absolute.  With ``compare`` it is the command line; otherwise it opens the
window (see desktop.cli.main).

Before that it checks that ``desktop`` is Parallax's package: the name is
generic, and another distribution that installs a ``desktop`` package into the
same environment replaces files of ours (docs/packaging.md, "The name desktop").
"""
import sys

MARKER = "parallax"  # desktop.PARALLAX_PACKAGE in Parallax's own desktop/__init__.py


def package_clash() -> str | None:
    """A message if ``desktop`` is not (wholly) Parallax's package, else None."""
    try:
        import desktop
    except ImportError as exc:  # pragma: no cover - we are inside it
        return f"cannot import the package 'desktop': {exc}"
    if getattr(desktop, "PARALLAX_PACKAGE", None) == MARKER:
        return None
    where = getattr(desktop, "__file__", None) or list(getattr(desktop, "__path__", []))
    return (
        f"parallax: the Python package 'desktop' here ({where}) is not Parallax's: another "
        "installed distribution also provides a package named 'desktop'. Install Parallax "
        "in an environment of its own, e.g. `pipx install parallax-<version>.whl` or a "
        "fresh venv (python3 -m venv ~/.venvs/parallax).")


def main(argv=None) -> int:
    problem = package_clash()
    if problem:
        print(problem, file=sys.stderr)
        return 3  # not a usage error (1) nor unreadable input (2): a broken install
    from desktop.cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
