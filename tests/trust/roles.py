"""The people of the permission matrices: who signs in, and in which of Wagtail's groups."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

ANONYMOUS = "anonymous"
NO_ADMIN_ACCESS = "signed in, no admin access"
ADMIN_ACCESS_ONLY = "in the admin, no other right"
EDITOR = "Editors"
MODERATOR = "Moderators"
ADMINISTRATOR = "administrator"
ROLES = [ANONYMOUS, NO_ADMIN_ACCESS, ADMIN_ACCESS_ONLY, EDITOR, MODERATOR, ADMINISTRATOR]
STAFF = {EDITOR, MODERATOR, ADMINISTRATOR}


def sign_in(client, role):
    """Sign `client` in as a new person in `role` (nobody for ANONYMOUS); returns the user or None."""
    if role == ANONYMOUS:
        return None
    User = get_user_model()
    name = role.replace(" ", "-").replace(",", "")[:30]
    if role == ADMINISTRATOR:
        user = User.objects.create_superuser(name, f"{name}@obshtina.example", "парола-за-тест")
    else:
        user = User.objects.create_user(name, f"{name}@obshtina.example", "парола-за-тест")
        if role in (EDITOR, MODERATOR):
            user.groups.add(Group.objects.get(name=role))
        elif role == ADMIN_ACCESS_ONLY:
            # A colleague who keeps, say, only the decisions archive.
            user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        else:
            # Every right but the admin: a resident's account, or a former employee's left behind.
            user.user_permissions.add(*Permission.objects.exclude(codename="access_admin"))
    client.force_login(user)
    return user
