"""The site's news feed (new consultations and decisions together) and the addresses of every feed under /emisii/."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import path, re_path
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from botevgrad.public_tree import visible
from consultations.models import Consultation
from decisions import feeds as decision_feeds
from decisions.models import DecisionPage

NEWS_LENGTH = 50


class NewsRssFeed(Feed):
    """What is new on the platform: consultations as they open, decisions as they are published."""

    def title(self):
        return _("Новини — Диалози за бъдещето на Ботевград")

    def link(self):
        return "/"

    def description(self):
        return _("Новите обществени консултации и решения на община Ботевград.")

    def items(self):
        """The newest of both kinds, merged by the moment each became news; only what any visitor may see."""
        now = timezone.now()
        consultations = list(
            Consultation.objects.announced().filter(opens_at__lte=now).select_related("policy_page")
            .order_by("-opens_at", "-pk")[:NEWS_LENGTH]
        )
        decisions = list(
            visible(DecisionPage.objects)
            .order_by(F("first_published_at").desc(nulls_last=True), "-date", "-pk")[:NEWS_LENGTH]
        )
        return sorted(consultations + decisions, key=self.item_pubdate, reverse=True)[:NEWS_LENGTH]

    def item_title(self, item):
        if isinstance(item, Consultation):
            return escape(_("Обществена консултация: %(title)s") % {"title": item.title})
        return escape(item.title)

    def item_description(self, item):
        if isinstance(item, Consultation):
            return escape(_("Предложения се приемат до %(closes)s ч.") % {
                "closes": formats.date_format(timezone.localtime(item.closes_at), "d.m.Y H:i"),
            })
        return decision_feeds.decision_summary(item)

    def item_link(self, item):
        if isinstance(item, Consultation):
            return f"{item.policy_page.url}#konsultaciya-{item.pk}"
        return item.url

    def item_pubdate(self, item):
        return item.opens_at if isinstance(item, Consultation) else decision_feeds.published_at(item)


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


app_name = "feeds"

# A tag's slug may be Cyrillic (taggit keeps Unicode); \w also keeps NUL and slashes out of the query.
TAG = r"(?P<tag>[-\w]{1,100})"

urlpatterns = [
    path("novini/rss/", NewsRssFeed(), name="news_rss"),
    path("novini/atom/", NewsAtomFeed(), name="news_atom"),
    path("resheniya/rss/", decision_feeds.DecisionsRssFeed(), name="decisions_rss"),
    path("resheniya/atom/", decision_feeds.DecisionsAtomFeed(), name="decisions_atom"),
    re_path(rf"^resheniya/etiket/{TAG}/rss/$", decision_feeds.DecisionsTagRssFeed(), name="decisions_tag_rss"),
    re_path(rf"^resheniya/etiket/{TAG}/atom/$", decision_feeds.DecisionsTagAtomFeed(), name="decisions_tag_atom"),
    path("resheniya/politika/<int:policy_id>/rss/", decision_feeds.DecisionsPolicyRssFeed(),
         name="decisions_policy_rss"),
    path("resheniya/politika/<int:policy_id>/atom/", decision_feeds.DecisionsPolicyAtomFeed(),
         name="decisions_policy_atom"),
]
