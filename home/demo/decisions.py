"""Demo content: council decisions and mayor's orders over three years, with annexes whose words the pages do not hold."""

import datetime

from .decision_texts import ANNEXES, EXTRA_TEMPLATES, REPORTS, TEMPLATES

YEARS = (2024, 2025, 2026)
# The years the extra topics are in (the archive's search and filters have enough to show there).
EXTRA_YEARS = (2025, 2026)
COUNCIL_MEMBERS = 29


def vote(number):
    """A believable, repeatable vote of the 29 councillors for a decision's number."""
    against, abstained = number % 3, (number // 3) % 3
    return {"votes_for": COUNCIL_MEMBERS - 6 - (number % 5) - against - abstained, "votes_against": against,
            "votes_abstained": abstained}


def standing_decisions(year):
    """The topics of every year, numbered as the council's decisions grow through it (№ 20 of 2025 among them)."""
    council_number = 10 + (year - YEARS[0]) * 3
    order_number = 100
    for index, template in enumerate(TEMPLATES):
        if template["body"] == "council":
            council_number += 7 + index
            number, session = council_number, template["month"] + (year - 2023) * 10
        else:
            order_number += 43 + index
            number, session = order_number, None
        yield template, number, session, datetime.date(year, template["month"], 10 + index)


def extra_decisions(year, taken):
    """More topics; a council decision takes the number after the last one before it, a mayor's order its own."""
    # In date order: a council decision's number follows the numbers of the decisions before it.
    for template in sorted(EXTRA_TEMPLATES, key=lambda template: (template["month"], template["day"])):
        date = datetime.date(year, template["month"], template["day"])
        if template["body"] == "mayor":
            yield template, template["number"], None, date
            continue
        earlier = [number for number, other_date in taken if other_date <= date]
        number = max(earlier, default=0) + 1
        while number in {n for n, _ in taken}:
            number += 1
        taken.append((number, date))
        yield template, number, template["month"] + (year - 2023) * 10, date


def demo_decisions():
    """Yield one dict per decision: its particulars, text, links, tags and the text of its documents."""
    for year in YEARS:
        decisions = list(standing_decisions(year))
        taken = [(number, date) for template, number, _session, date in decisions if template["body"] == "council"]
        if year in EXTRA_YEARS:
            decisions += list(extra_decisions(year, taken))
        for template, number, session, date in decisions:
            values = {"year": year, "prev": year - 1, "next": year + 1, "number": number}
            yield {
                "key": template["key"],
                "issuing_body": template["body"],
                "number": number,
                "session": session,
                "date": date,
                "title": template["title"].format(**values),
                "body": template["text"].format(**values),
                "policy": template["policy"],
                "tags": template["tags"],
                "votes": vote(number) if template["body"] == "council" else {},
                "amends": template.get("amends"),
                "annex": [paragraph.format(**values) for paragraph in ANNEXES[template["key"]]],
                "report": [paragraph.format(**values) for paragraph in REPORTS.get(template["key"], [])],
            }


def amendments(decisions):
    """{key of the changed decision: (status, key of the changing one)} for the demo's amending and repealing decisions."""
    by_template = {(d["key"], d["date"].year): d for d in decisions}
    changes = {}
    for decision in decisions:
        if decision["amends"]:
            template_key, year_offset, status = decision["amends"]
            changed = by_template.get((template_key, decision["date"].year + year_offset))
            if changed:
                changes[(changed["issuing_body"], changed["number"], changed["date"].year)] = (
                    status, (decision["issuing_body"], decision["number"], decision["date"].year))
    return changes
