"""RSS and Atom feeds of the decisions archive: all decisions, one tag's, one policy's; only live, public ones."""

from dataclasses import dataclass
from datetime import datetime, time
from html import unescape

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, strip_tags
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from botevgrad.public_tree import visible

from .models import DecisionIndexPage, DecisionPage, DecisionPageTag

# A feed reader wants what is new; the archive has the rest.
FEED_LENGTH = 50
SUMMARY_WORDS = 60


def public_decisions():
    """Every decision any visitor may see, in the archive's order."""
    return visible(DecisionPage.objects).order_by("-date", "-number", "-pk")


def decision_summary(decision):
    """The citation and the start of the text, escaped: readers show a description as HTML, which this is not."""
    text = Truncator(" ".join(unescape(strip_tags(decision.body)).split())).words(SUMMARY_WORDS)
    return escape(f"{decision.citation()} {text}")


def published_at(decision):
    """When the decision went online; pages made outside the editor (imports, the demo) have its date instead."""
    return decision.first_published_at or timezone.make_aware(datetime.combine(decision.date, time()))


@dataclass
class Scope:
    """What one feed shows: its title, the page it stands for and its decisions."""

    title: str
    description: str
    link: str
    decisions: QuerySet


class DecisionsRssFeed(Feed):
    """Every public decision, newest first, as the archive lists them."""

    def get_object(self, request, **kwargs):
        return self.scope(request, **kwargs)

    def scope(self, request):
        return Scope(
            title=_("Решения и заповеди — община Ботевград"),
            description=_("Решенията на Общинския съвет и заповедите на кмета на община Ботевград."),
            link=self.archive_url(),
            decisions=public_decisions(),
        )

    def archive_url(self):
        archive = visible(DecisionIndexPage.objects).first()
        return archive.url if archive else "/"

    def title(self, scope):
        return scope.title

    def link(self, scope):
        return scope.link

    def description(self, scope):
        return scope.description

    def items(self, scope):
        return scope.decisions[:FEED_LENGTH]

    def item_title(self, item):
        # Escaped like Django's default: some readers show titles as HTML.
        return escape(item.title)

    def item_description(self, item):
        return decision_summary(item)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return published_at(item)

    def item_updateddate(self, item):
        return item.last_published_at


class DecisionsTagRssFeed(DecisionsRssFeed):
    """The public decisions with one tag; a tag no public decision has is a 404."""

    def scope(self, request, tag):
        decisions = public_decisions()
        tagged = (
            DecisionPageTag.objects.filter(tag__slug=tag, content_object__in=decisions).select_related("tag").first()
        )
        if tagged is None:
            raise DecisionPage.DoesNotExist
        return Scope(
            title=_("Решения с етикет „%(tag)s“ — община Ботевград") % {"tag": tagged.tag.name},
            description=_("Решенията и заповедите с етикет „%(tag)s“.") % {"tag": tagged.tag.name},
            link=f"{self.archive_url()}?{urlencode({'tag': tagged.tag.slug})}",
            decisions=decisions.filter(tagged_items__tag=tagged.tag),
        )


class DecisionsPolicyRssFeed(DecisionsRssFeed):
    """The public decisions related to one public policy; any other page is a 404."""

    def scope(self, request, policy_id):
        # The policy model by its relation, not by import: policy pages sit above decisions.
        policy_model = DecisionPage._meta.get_field("related_policies").related_model
        policy = visible(policy_model.objects).get(pk=policy_id)
        return Scope(
            title=_("Решения по политиката „%(title)s“ — община Ботевград") % {"title": policy.title},
            description=_("Решенията и заповедите, свързани с политиката „%(title)s“.") % {"title": policy.title},
            link=policy.url,
            decisions=public_decisions().filter(related_policies=policy),
        )


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, scope):
        return scope.description


class DecisionsAtomFeed(AtomMixin, DecisionsRssFeed):
    pass


class DecisionsTagAtomFeed(AtomMixin, DecisionsTagRssFeed):
    pass


class DecisionsPolicyAtomFeed(AtomMixin, DecisionsPolicyRssFeed):
    pass
