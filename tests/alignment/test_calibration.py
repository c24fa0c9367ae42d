"""The x-score is the probability that a pair is right. The table behind it (align/data/calibration.json)
was fitted on 80 resolutions of the 78th session by scripts/calibrate.py; here it is checked on the
resolutions of corpora/un-akn, none of which it saw: as published, as converted, and damaged in every
language at once, pairs scored about p must be right about p of the time, in both views."""

from __future__ import annotations

import numpy as np
import pytest

from align.alignment.confidence import Grounds, confidence
from tests.conftest import CORPORA, script

calibrate = script("calibrate")


@pytest.fixture(scope="module")
def scored() -> dict[str, list[tuple[float, float, bool]]]:
    return calibrate.observations([CORPORA / "un-akn"], seeds=4, check=True)[1]


@pytest.mark.parametrize(("view", "most_error"), [("pair", 0.01), ("memory", 0.03)])
def test_pairs_scored_p_are_right_about_p_of_the_time(scored: dict, view: str, most_error: float) -> None:
    rows, brier, error = calibrate.reliability(scored[view], column=1)
    _, brier_before, error_before = calibrate.reliability(scored[view], column=0)
    assert error <= most_error < error_before, rows
    assert brier < brier_before / 10
    for low, high, units, mean, share in rows:
        if units >= 100:  # a bin of fewer pairs is too noisy to hold to a few hundredths
            assert abs(mean - share) <= 0.03, (low, high, units, mean, share)


def test_wrong_pairs_score_lower_than_right_ones(scored: dict) -> None:
    """A wrong pair scores below a right one nearly always (the area under the ROC curve), far more often
    than the lowest length probability, the x-score before calibration, ranked them."""
    before, scores, right = (np.array(column) for column in zip(*scored["pair"]))
    assert (~right).sum() >= 20  # the damage made wrong pairs to tell apart

    def ranked(values: np.ndarray) -> float:
        wrong, good = values[~right][:, None], values[right][None, :]
        return float(((wrong < good).sum() + 0.5 * (wrong == good).sum()) / (wrong.size * good.size))

    assert ranked(before) < 0.8 < 0.9 < ranked(scores)
    assert scores[~right].mean() < 0.9 < 0.98 < scores[right].mean()


def test_what_the_aligner_knows_orders_the_scores() -> None:
    """A pair by paragraph number beats one by length; a merge by length whose numbers differ is doubtful;
    a pair by length whose words disagree (lexicon.py) is far less likely right than one whose words agree."""
    by_number = confidence(Grounds(by_id=True, merged=False, numbers="same", probability=0.3))
    by_length = confidence(Grounds(by_id=False, merged=False, numbers="none", probability=0.3))
    merged = confidence(Grounds(by_id=False, merged=True, numbers="differ", probability=0.3))
    assert by_number > 0.99 and by_number > by_length > merged
    assert merged < 0.7
    agree, disagree = (confidence(Grounds(False, False, "none", 0.3, said)) for said in ("agree", "disagree"))
    assert disagree < 0.95 < 0.99 < agree
