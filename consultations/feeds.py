"""RSS and Atom feeds of consultations, newest first; only what any visitor may see."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 30


class ConsultationsRssFeed(Feed):
    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def title(self):
        return _("Обществени консултации — община Ботевград")

    def link(self):
        return self.index_page.url

    def description(self):
        return _("Нови проекти на политики и решения, отворени за предложения.")

    def items(self):
        return self.index_page.public_consultations().order_by("-opens_at")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return _("Предложения се приемат от %(opens)s до %(closes)s ч.") % {
            "opens": timezone.localtime(item.opens_at).strftime("%d.%m.%Y %H:%M"),
            "closes": timezone.localtime(item.closes_at).strftime("%d.%m.%Y %H:%M"),
        }

    def item_link(self, item):
        return f"{item.policy_page.url}#konsultaciya-{item.pk}"

    def item_pubdate(self, item):
        return item.opens_at


class ConsultationsAtomFeed(ConsultationsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
