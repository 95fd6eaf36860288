"""Fixtures of the search tests: run what waits for the end of the editor's transaction (the search entries)."""

import functools

import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` creates content as a finished request would: its search entries are written on exit."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)
