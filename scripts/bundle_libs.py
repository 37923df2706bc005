"""The bundle library rule, checked with ldd (docs/packaging.md, "What the bundle carries").

    python3 scripts/bundle_libs.py dist/Parallax/_internal

Every shared library and Qt plugin in the bundle is run through ``ldd`` with
the bundle's own folders first on LD_LIBRARY_PATH.  Each library one of them
links to must either be found inside the bundle, or be one the user's Linux
desktop provides (DESKTOP_LIBS below).  A desktop library may be missing on the
build or CI machine (e.g. libwayland-cursor on a server image): that is
reported as "provided by the desktop" and is not an error.  Anything else that
is missing, or that was found only outside the bundle, fails the check.

Exit code 0 when the rule holds, 1 when it does not, 2 on bad usage.
Standard library only: it runs with the system's python3.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

# What a Linux desktop session provides, so the bundle may rely on it (one
# pattern a line, matched against the library's file name, e.g. libfoo.so.1).
# Keep this list and the table in docs/packaging.md the same.
DESKTOP_LIBS: tuple[tuple[str, str], ...] = (
    # glibc and the dynamic loader: the bundle is built on the oldest glibc it supports.
    (r"ld-linux.*\.so.*|libc|libm|libdl|libpthread|librt|libresolv|libutil|libanl|libnsl"
     r"|libcrypt|libBrokenLocale|libthread_db|libnss_.*", "glibc"),
    # The graphics driver stack: must match the machine's GPU driver, never bundled.
    (r"libGL|libEGL|libGLX|libGLdispatch|libOpenGL|libGLES.*|libGLESv\d.*|libdrm|libgbm"
     r"|libvulkan", "OpenGL/EGL/GLX, DRM, GBM, Vulkan (GPU driver)"),
    # Wayland's client libraries: every Wayland session has them (GTK and Qt link them).
    (r"libwayland-(client|cursor|egl|server)", "Wayland"),
    # X11 protocol libraries: libX11 and friends, libxcb and the extension
    # libraries built from the libxcb source (not the xcb-util helpers, below).
    (r"libX11|libX11-xcb|libXau|libXdmcp|libXext|libXrender|libXi|libXfixes|libXcursor"
     r"|libXrandr|libXinerama|libSM|libICE", "X11"),
    (r"libxcb|libxcb-(composite|damage|dpms|dri2|dri3|glx|present|randr|record|render"
     r"|res|screensaver|shape|shm|sync|xf86dri|xfixes|xinerama|xinput|xkb|xtest|xv|xvmc)",
     "X11 (xcb)"),
    # Keyboard, fonts and the session bus: every desktop has them.
    (r"libxkbcommon|libxkbcommon-x11", "xkbcommon"),
    (r"libfontconfig|libfreetype", "fontconfig/freetype"),
    (r"libdbus-1", "D-Bus"),
)
# Not on the list, so the bundle must carry them although they look like X11:
# the xcb-util helpers Qt's xcb plugin needs (libxcb-cursor, -icccm, -image,
# -keysyms, -render-util, -util).  Many desktops lack libxcb-cursor0, and Qt
# then cannot start on X11; PyInstaller copies them from the build machine,
# which scripts/setup.sh gives them.

_PATTERN = re.compile(r"^(?:%s)\.so(\..*)?$" % "|".join(f"(?:{p})" for p, _ in DESKTOP_LIBS))


def desktop_provides(soname: str) -> bool:
    """True if the rule lets the bundle rely on the desktop for this library."""
    return bool(_PATTERN.match(soname))


def why_desktop(soname: str) -> str:
    for pattern, why in DESKTOP_LIBS:
        if re.match(r"^(?:%s)\.so(\..*)?$" % pattern, soname):
            return why
    return ""


def parse_ldd(output: str) -> dict[str, list[tuple[str, str | None]]]:
    """``ldd a b c`` output -> {file: [(soname, resolved path or None), ...]}.

    With several files ldd prints ``file:`` before each one's lines; with one it
    does not, and the file is called ``-``.
    """
    result: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    current = "-"
    for line in output.splitlines():
        if not line.strip():
            continue
        if not line.startswith(("\t", " ")) and line.rstrip().endswith(":"):
            current = line.rstrip()[:-1]
            result.setdefault(current, [])
            continue
        text = line.strip()
        if "=>" not in text:
            continue  # linux-vdso, the loader itself, "statically linked"
        name, _, target = (part.strip() for part in text.partition("=>"))
        if target.startswith("not found"):
            result[current].append((name, None))
        else:
            result[current].append((name, target.split(" (")[0].strip()))
    return dict(result)


def classify(deps: dict[str, list[tuple[str, str | None]]], bundle: str):
    """(problems, from_desktop): what breaks the rule, and what the desktop provides.

    Each maps a library name to the sorted bundle files that link to it;
    from_desktop records whether the library was found on this machine.
    """
    bundle = os.path.realpath(bundle) + os.sep
    problems: dict[str, set[str]] = defaultdict(set)
    from_desktop: dict[str, dict] = {}
    for user, needs in deps.items():
        for name, target in needs:
            inside = target is not None and os.path.realpath(target).startswith(bundle)
            if inside:
                continue
            if desktop_provides(name):
                entry = from_desktop.setdefault(name, {"users": set(), "here": target is not None})
                entry["users"].add(user)
                entry["here"] = entry["here"] and target is not None
            else:
                problems[f"{name} ({'missing' if target is None else 'only outside the bundle: ' + target})"].add(user)
    return ({k: sorted(v) for k, v in problems.items()},
            {k: {"users": sorted(v["users"]), "here": v["here"]} for k, v in from_desktop.items()})


def shared_objects(bundle: Path) -> list[str]:
    return sorted(str(p.relative_to(bundle)) for p in bundle.rglob("*.so*")
                  if p.is_file() and not p.is_symlink())


def run_ldd(bundle: Path, files: list[str]) -> str:
    env = dict(os.environ)
    qt_lib = bundle / "PySide6" / "Qt" / "lib"
    env["LD_LIBRARY_PATH"] = os.pathsep.join(
        [str(bundle), str(qt_lib)] + ([env["LD_LIBRARY_PATH"]] if env.get("LD_LIBRARY_PATH") else []))
    out = []
    for start in range(0, len(files), 40):
        chunk = [f"./{f}" for f in files[start:start + 40]]
        if len(chunk) == 1:
            chunk.append("/dev/null")  # force ldd's "file:" headers
        done = subprocess.run(["ldd", *chunk], cwd=bundle, env=env, capture_output=True, text=True)
        out.append(done.stdout)  # ldd exits 1 for files that are not dynamic objects
    return "\n".join(out)


def _short(users: list[str], limit: int = 3) -> str:
    names = [u.removeprefix("./") for u in users]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python3 scripts/bundle_libs.py BUNDLE/_internal", file=sys.stderr)
        return 2
    bundle = Path(argv[0]).resolve()
    files = shared_objects(bundle)
    if not files:
        print(f"bundle libs: no shared libraries under {bundle}", file=sys.stderr)
        return 1
    problems, from_desktop = classify(parse_ldd(run_ldd(bundle, files)), str(bundle))
    found_here = sorted(n for n, info in from_desktop.items() if info["here"])
    if found_here:
        print(f"bundle libs: ok: from the desktop (found on this machine): {', '.join(found_here)}")
    for name in sorted(n for n, info in from_desktop.items() if not info["here"]):
        users = from_desktop[name]["users"]
        print(f"bundle libs: ok: {name} is provided by the desktop ({why_desktop(name)}); "
              f"not on this machine; needed by {len(users)} bundled file(s): {_short(users)}")
    sys.stdout.flush()
    for name in sorted(problems):
        print(f"bundle libs: NOT CARRIED: {name} <- {_short(problems[name], 10)}", file=sys.stderr)
    print(f"bundle libs: {len(files)} bundled libraries checked, {len(from_desktop)} desktop "
          f"libraries relied on, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
