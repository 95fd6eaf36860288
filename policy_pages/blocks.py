"""StreamField blocks for the body of policy pages and plain content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from consultations.blocks import ConsultationBlock, DraftTextBlock, EvaluationBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Текст"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ниво"),
        choices=[("h2", _("Заглавие (ниво 2)")), ("h3", _("Подзаглавие (ниво 3)"))],
        default="h2",
        help_text=_("Ниво 1 е заглавието на страницата; започнете от ниво 2."),
        search_index=False,  # the level's label is no words of the page
    )

    class Meta:
        icon = "title"
        label = _("Заглавие")
        template = "policy_pages/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Цитат"))
    attribution = blocks.CharBlock(label=_("Автор"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Цитат")
        template = "policy_pages/blocks/quote_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Изображение"))
    caption = blocks.CharBlock(label=_("Надпис"), required=False)

    class Meta:
        icon = "image"
        label = _("Изображение")
        template = "policy_pages/blocks/image_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Документ"))
    title = blocks.CharBlock(
        label=_("Текст на връзката"),
        required=False,
        help_text=_("Ако е празно, се показва заглавието на документа."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Документ")
        template = "policy_pages/blocks/document_link_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Текст"))
    button_label = blocks.CharBlock(label=_("Надпис на бутона"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Страница"), required=False)
    url = blocks.URLBlock(
        label=_("Външен адрес"), required=False, help_text=_("Попълнете, ако не е избрана страница.")
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Изберете страница или въведете адрес."))}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Призив за действие")
        template = "policy_pages/blocks/call_to_action_block.html"


class ContentStreamBlock(blocks.StreamBlock):
    """The body shared by policy pages and plain content pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Текст"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="policy_pages/blocks/paragraph_block.html",
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    table = TableBlock(label=_("Таблица"), template="policy_pages/blocks/table_block.html")
    embed = EmbedBlock(
        label=_("Вградено съдържание"),
        help_text=_("Адрес на видео или карта, напр. от YouTube."),
        template="policy_pages/blocks/embed_block.html",
    )
    call_to_action = CallToActionBlock()


class PolicyStreamBlock(ContentStreamBlock):
    """A policy page's body: the content blocks plus the draft text, the consultation form and the evaluation."""

    draft_text = DraftTextBlock()
    consultation = ConsultationBlock()
    evaluation = EvaluationBlock()
