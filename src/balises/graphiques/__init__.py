"""Pure functions turning plain data into accessible SVG strings (no Django, no database).

Every drawing is an ``<svg role="img" aria-labelledby="…">`` with a ``<title>`` and a
``<desc>`` (``role="group"`` when it holds links, since an image's content is not
interactive), uses classes or presentation attributes only (the Content-Security-Policy forbids
``style=``), escapes every text and gives the same bytes for the same data. Colours live in
the « Graphiques » section of static/css/balises.css.
"""
