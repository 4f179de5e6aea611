"""The error every référentiel reader raises: where in which file, and what was expected."""

from django.utils.translation import gettext as _

from balises.core.errors import ServiceError


class FormatError(ServiceError, ValueError):
    """A file that cannot be imported as it is.

    `line` and `column` count from 1; either may be None when the format has no such notion
    (a CSV has rows, no columns worth naming) or when the problem concerns the whole file.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str = "",
        line: int | None = None,
        column: int | None = None,
        expected: str = "",
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.expected = expected
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file] if self.file else []
        if self.line is not None:
            where.append(_("ligne %(line)s") % {"line": self.line})
        if self.column is not None:
            where.append(_("colonne %(column)s") % {"column": self.column})
        text = f"{', '.join(where)} : {self.message}" if where else self.message
        if self.expected:
            text += " " + _("(attendu : %(expected)s)") % {"expected": self.expected}
        return text

    def located(self, file: str) -> "FormatError":
        """The same error, naming `file` when the reader did not know the file name."""
        if not self.file:
            self.file = file
        return self
