"""Create (or promote) a staff account whose email is already confirmed."""

import getpass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction


class Command(BaseCommand):
    help = "Crée un compte d'administration (staff) avec une adresse e-mail déjà confirmée."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="lire le mot de passe sur l'entrée standard (pour les scripts)",
        )
        parser.add_argument("--superuser", action="store_true", help="tous les droits")

    def handle(self, email: str, password_stdin: bool, superuser: bool, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Adresse e-mail invalide : {email!r}") from None
        password = input() if password_stdin else getpass.getpass("Mot de passe : ")
        User = get_user_model()
        user = User.objects.filter(email=email).first() or User(email=email)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            user.is_staff = True
            user.is_superuser = user.is_superuser or superuser
            user.set_password(password)
            user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        self.stdout.write(self.style.SUCCESS(f"Compte d'administration prêt : {email}"))
