"""Messages shown at a consultation's block rather than at the top of the page, where the eye would miss them."""


def message_anchor(consultation_id):
    """The id of the place in the consultation's block where its messages appear."""
    return f"konsultaciya-{consultation_id}-suobshtenie"


def block_message_tags(consultation_id):
    """Message tags that make the consultation's block, not the top of the page, show a message."""
    return f"consultation-block {message_anchor(consultation_id)}"


def messages_for_block(request, consultation_id):
    from django.contrib.messages import get_messages

    if request is None:
        return []
    anchor = message_anchor(consultation_id)
    return [message for message in get_messages(request) if anchor in message.extra_tags.split()]
