from django.apps import AppConfig


class DerivativConfig(AppConfig):
    name = "derivativ"
    verbose_name = "Derivativ"
