"""Loads the relevance test set into the database: the acts as live decisions, their annexes as documents with text."""

import datetime

from django.core.files.base import ContentFile

from decisions.models import DecisionDocument
from search.document_text import store_text
from tests.consultations.factories import DocumentFactory
from tests.decisions.factories import DecisionPageFactory
from tests.search.relevance_set import ACTS


def load_acts(archive):
    for body, number, year, title, text, document_text in ACTS.values():
        decision = DecisionPageFactory(
            parent=archive, title=title, body=f"<p>{text}</p>", issuing_body=body, number=number,
            date=datetime.date(year, 3, 1), session=None if body == "mayor" else 5,
        )
        if document_text:
            # A real text file: the worker's extraction reads it as it would an upload.
            document = DocumentFactory(title=f"Приложение към „{title}“",
                                       file=ContentFile(document_text.encode(), name="prilozhenie.txt"))
            decision.documents.add(DecisionDocument(document=document))
            decision.save()
            store_text(document)
