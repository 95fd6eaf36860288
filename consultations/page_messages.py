"""Messages shown at a participation block rather than at the top of the page, where the eye would miss them.

Each block's section has an id ("konsultaciya-5", "ocenka-3"); its messages appear at `<id>-suobshtenie`.
"""

# The layout (base.html) leaves out messages with this tag: their block shows them.
BLOCK_MESSAGE_TAG = "block-message"


def consultation_section(consultation_id):
    return f"konsultaciya-{consultation_id}"


def evaluation_section(period_id):
    return f"ocenka-{period_id}"


def message_anchor(section_id):
    """The id of the place in the block's section where its messages appear."""
    return f"{section_id}-suobshtenie"


def block_message_tags(section_id):
    """Message tags that make the block, not the top of the page, show a message."""
    return f"{BLOCK_MESSAGE_TAG} {message_anchor(section_id)}"


def messages_for_block(request, section_id):
    from django.contrib.messages import get_messages

    if request is None:
        return []
    anchor = message_anchor(section_id)
    return [message for message in get_messages(request) if anchor in message.extra_tags.split()]
