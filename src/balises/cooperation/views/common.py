"""What every cooperation page shares: the space context, CSV answers and form errors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse

from balises.core.csv_export import SafeWriter


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on its field when the form has it, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    # A BOM so that spreadsheet programs read the accents right; semicolons as in France.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = SafeWriter(response, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return response


def json_response(data: dict) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
