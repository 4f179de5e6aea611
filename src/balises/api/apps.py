from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "balises.api"
    label = "api"
    verbose_name = "API"
