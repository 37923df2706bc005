"""The Parallax desktop app (Qt). The engine stays Qt-free; all Qt code lives here."""
