"""Puts a demo consultation on its policy page: draft text, consultation block, submissions, answers."""

from datetime import timedelta

from django.utils import timezone

from consultations.blocks import draft_sections
from consultations.models import Consultation, Submission

from .consultations import DRAFT_SECTIONS
from .documents import demo_document


def cited_date(moment):
    return f"{timezone.localtime(moment):%d.%m.%Y} г."


def shortened_reason(data, opens, closes):
    """The reason for a period under 30 days, with the dates it cites taken from the period itself."""
    deadline = closes + timedelta(days=data.get("deadline_days_after_close", 0))
    return data["shortened_reason"].format(
        opens=cited_date(opens), closes=cited_date(closes), deadline=cited_date(deadline)
    )


def load_consultation(policy, data):
    consultation = Consultation.objects.filter(title=data["title"]).first()
    if consultation is None:
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        opens = now - timedelta(days=data["opens_days_ago"])
        closes = opens + timedelta(days=data["period_days"])
        consultation = Consultation.objects.create(
            policy_page=policy,
            title=data["title"],
            opens_at=opens,
            closes_at=closes,
            shortened_period_reason=shortened_reason(data, opens, closes),
            draft_document=demo_document(data["title"], [text for _, text in DRAFT_SECTIONS[data["policy"]]]),
            motives_document=demo_document(
                f"Мотиви: {data['title']}",
                ["Проектът отговаря на нуждите, установени при анализа на изпълнението на досегашната политика."],
            ),
        )
    policy = policy.specific
    if not any(block.block_type == "consultation" for block in policy.body):
        sections = [
            ("section", {"heading": heading, "text": f"<p>{text}</p>"})
            for heading, text in DRAFT_SECTIONS[data["policy"]]
        ]
        policy.body.append(("draft_text", {"title": data["title"], "sections": sections}))
        policy.body.append(("consultation", {"consultation": consultation}))
        policy.save_revision().publish()
    if not consultation.submissions.exists():
        anchors = draft_sections(policy)
        for position, item in enumerate(data["submissions"]):
            section = anchors[item["section"]] if item.get("section") is not None else ("", "")
            Submission.objects.create(
                consultation=consultation,
                text=item["text"],
                author_name=item["author_name"],
                email=item["email"],
                stakeholder_type=item["stakeholder_type"],
                organisation=item.get("organisation", ""),
                publish_name=item.get("publish_name", False),
                channel=item.get("channel", "online"),
                registry_number=item.get("registry_number", ""),
                section_anchor=section[0],
                section_title=section[1],
                created_at=consultation.opens_at + timedelta(days=2 + position),
                confirmed_at=consultation.opens_at + timedelta(days=2 + position, minutes=5),
                status=item["status"],
                answer=item.get("answer", ""),
                answer_reason=item.get("answer_reason", ""),
                answered_at=consultation.closes_at if item.get("answer") else None,
            )
    if data["report"] and not consultation.report_is_published():
        consultation.publish_report(at=consultation.closes_at + timedelta(days=7))
