"""Settings of Balises, read from environment variables (see README, « Configuration »).

Defaults give a working local instance: SQLite and a generated secret in ./var/, debug off.
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from balises import __version__
from balises.core.database import database_from_url
from balises.core.env import env_bool, env_int, env_list, env_str, persistent_secret

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("BALISES_DATA_DIR", str(Path.cwd() / "var"))).resolve()
VERSION = __version__

DEBUG = env_bool("BALISES_DEV", False)
SECRET_KEY = env_str("BALISES_SECRET_KEY") or persistent_secret(DATA_DIR / "secret_key")
SITE_URL = env_str("BALISES_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The host of BALISES_SITE_URL is always allowed, so that a deployment needs no second variable.
ALLOWED_HOSTS = env_list("BALISES_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
if (SITE_HOST := urlsplit(SITE_URL).hostname or "") and SITE_HOST not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(SITE_HOST)
CSRF_TRUSTED_ORIGINS = env_list("BALISES_CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    "balises.core",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_htmx",
    "template_partials",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "balises.api",
    "balises.recherche",
    "balises.referentiels",
    "balises.territoires",
    "balises.espaces",
    "balises.trajectoires",
    "balises.cooperation",
    "balises.diagnostics",
    "balises.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "balises.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "balises.urls"
WSGI_APPLICATION = "balises.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "balises.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(env_str("DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    # A database cache is shared by every web process and the worker, on both databases;
    # allauth's rate limits need that.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "balises_cache",
    }
}

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "home"
LOGIN_URL = "account_login"

# Accounts (django-allauth): email is the identifier and must be confirmed.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Balises] "
ACCOUNT_ADAPTER = "balises.core.account_adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("BALISES_LOGIN_RATE", "5/5m/ip,5/5m/key"),
    "signup": "20/h/ip",
    "reset_password": "20/h/ip,5/h/key",
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"

EMAIL_HOST = env_str("BALISES_EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("BALISES_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("BALISES_EMAIL_USER")
    EMAIL_HOST_PASSWORD = env_str("BALISES_EMAIL_PASSWORD")
    EMAIL_USE_TLS = env_bool("BALISES_EMAIL_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("BALISES_EMAIL_FROM", "Balises <ne-pas-repondre@balises.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Languages: French first, English second. The source strings are French.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = env_str("BALISES_TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("BALISES_STATIC_MANIFEST", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Source maps of vendored libraries are large and never needed compressed: skipping them keeps
# `collectstatic` (run by every `balises setup`) from spending a minute in brotli.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    # whitenoise's own list of already-compressed formats, plus source maps.
    *("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br"),
    *("woff", "woff2", "mp4", "webm", "map"),
]
MEDIA_ROOT = DATA_DIR / "media"

# Background jobs: a queue in the database, run by `balises db_worker`.
TASKS = {
    "default": {
        "BACKEND": env_str("BALISES_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Security. Scripts and styles come only from our static files: no inline code anywhere.
SECURE = SITE_URL.startswith("https://")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE and env_bool("BALISES_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_HSTS_SECONDS = env_int("BALISES_HSTS_SECONDS", 31536000) if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("BALISES_LOG_LEVEL", "WARNING")},
}

NINJA_PAGINATION_PER_PAGE = 50
