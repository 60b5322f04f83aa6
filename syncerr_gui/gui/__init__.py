"""The PySide6 desktop app: a thin layer over `core/`, with feature folders per family."""
