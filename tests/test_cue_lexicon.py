"""Every entry of models/cue_verbs.jsonl attributes content in its frame:
one generated sentence per rule (text → expected cue and claim)."""

from __future__ import annotations

import pytest

from pipeline.attribution import cue_verbs, frames


def _case(lemma: str, rule) -> tuple[str, str]:
    if rule.class_ == "quote_only":
        return f'"The new bridge is unsafe," Ruiz will {lemma}.', "The new bridge is unsafe"
    if rule.class_ == "nominal_only":
        # (not under "will": an object under a modal is an act to come, no claim)
        if rule.needs_prep:
            return f"Mayor Elena Ruiz and her aides openly {lemma} the new bridge plan {rule.needs_prep[0]} a failure.", f"the new bridge plan {rule.needs_prep[0]} a failure"
        if rule.needs:
            return f"Mayor Elena Ruiz and her aides openly {lemma} the plan a failure.", "the plan a failure"
        if rule.prep:
            return f"Mayor Elena Ruiz and her aides openly {lemma} {rule.prep[0]} the new bridge plan.", "the new bridge plan"
        if lemma in frames().stance_object_verbs:  # a stance toward a thing claims only with a predicate
            return f"Mayor Elena Ruiz and her aides openly {lemma} the new bridge plan as a triumph.", "the new bridge plan as a triumph"
        return f"Mayor Elena Ruiz and her aides openly {lemma} the new bridge plan.", "the new bridge plan"
    subject = "The report" if rule.class_ == "evidential" else "Mayor Elena Ruiz"
    return f"{subject} will {lemma} that the new bridge is unsafe.", "the new bridge is unsafe"


CASES = [(lemma, *_case(lemma, rule)) for lemma, rule in sorted(cue_verbs().items())]


@pytest.mark.parametrize("lemma, text, claim", CASES, ids=[c[0] for c in CASES])
def test_every_cue_verb_rule(extract_with_requests, lemma, text, claim):
    # (request verbs give claims only where requests are kept, see test_requests_are_no_claims)
    claims = extract_with_requests(text)
    assert any(c.cue is not None and c.cue.lemma.split()[0] == lemma.split()[0] and c.claim.text == claim for c in claims), [
        (c.cue and c.cue.text, c.claim.text) for c in claims
    ]
