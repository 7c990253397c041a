#!/usr/bin/env python3
"""Checks the xAPI interactions of an export made with the course
tests/data/loader/additions/valid.xml: answers to its fill-in and numeric
questions carry interactionType and correctResponsesPattern as xAPI 1.0.3
defines them, their response in the form those types use; other answers
(another revision, another kind) carry no interaction.
Usage: check_interactions.py OUT.json"""
import json
import sys

ACTIVITY = "http://adlnet.gov/expapi/activities/cmi.interaction"


def main(path):
    with open(path, encoding="utf-8") as f:
        statements = json.load(f)
    answers = {}
    for s in statements:
        if s["verb"]["id"].endswith("/answered"):
            item = s["object"]["id"].rsplit("/", 1)[1]
            rev = s["context"]["extensions"]["urn:hrc-player:ext:item-revision"]
            answers[(item, rev)] = s
    assert len(answers) == 5, sorted(answers)

    fill = answers[("where", 1)]
    d = fill["object"]["definition"]
    assert d["type"] == ACTIVITY, d
    assert d["interactionType"] == "fill-in", d
    # Every combination of accepted answers; case matters in the year's blank.
    assert d["correctResponsesPattern"] == [
        "{case_matters=true}Geneva[,]2019",
        "{case_matters=true}Gen\u00e8ve[,]2019",
        "{case_matters=true}Gen\u00e8ve (Suisse)[,]2019",
    ], d["correctResponsesPattern"]
    # The response in xAPI's fill-in form: the blanks, separated by [,].
    assert fill["result"]["response"] == "gen\u00e8ve[,]2018", fill["result"]
    assert fill["result"]["success"] is False

    count = answers[("how-many", 1)]
    d = count["object"]["definition"]
    assert d["interactionType"] == "numeric", d
    assert d["correctResponsesPattern"] == ["14.5[:]15.5"], d   # 15, tolerance 0.5
    assert count["result"]["response"] == "15", count["result"]
    float(count["result"]["response"])  # a number, as xAPI wants

    share = answers[("share", 1)]
    assert share["object"]["definition"]["correctResponsesPattern"] == ["-1.25"]
    assert share["result"]["response"] == "-1.5"

    # A revision the course does not have, and a question it does not know:
    # no interaction is claimed.
    for key in [("where", 2), ("elsewhere", 1)]:
        d = answers[key]["object"]["definition"]
        assert set(d) == {"type"}, (key, d)
    print("interactions ok")


if __name__ == "__main__":
    main(sys.argv[1])
