"""Readers and writers of référentiel files.

Every reader turns a file into a `ReferentielDocument` (plain data, see `document.py`) or raises
`FormatError` naming the file, line and column; `services.import_referentiel` then writes the
document in one transaction. Every writer turns a document into text.
"""
