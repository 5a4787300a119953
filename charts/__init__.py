"""The charts the pages draw at build time, as SVG with real text."""
