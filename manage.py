#!/usr/bin/env python
"""Django's command-line utility; `botevgrad` is the folder site/, installed by `pip install -e .`."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "botevgrad.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
