"""Language choice: French unless the person chose English with the switch.

Django's LocaleMiddleware also follows the browser's Accept-Language header. Balises does not:
French is the language of its users and its data, and many French users run browsers set to
English. The choice made with the switch is kept in the language cookie.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        available = {code for code, _label in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
