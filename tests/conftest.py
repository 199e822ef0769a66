"""Shared test configuration: Hypothesis profiles, the bundled sample, and the shared seed briefing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
# Every developer machine and CI lay the shared folder beside the checkout.
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_e9144cae3dcebc84.txt"
# The briefing shipped in the package (written for it, in SCIO's shape): what the batch, CLI and output
# tests run on, so that they run on a bare clone too. Its hand-written facts: data/sample/.
SAMPLE = REPO / "scio_transcripts" / "samples" / "sample_briefing.txt"

# The one marker for tests that read ../shared. A bare clone has no such folder: those tests skip
# there, with the reason in the summary (-ra); CI lays the folder beside the checkout and runs them.
needs_shared = pytest.mark.shared_data
SHARED_MISSING = f"needs the shared data folder beside the checkout ({SHARED} is missing)"


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("shared_data") is not None and not SEED.is_file():
        pytest.skip(SHARED_MISSING)


# A briefing is a large example by nature: header, turns, notes and links.
_QUIET = [HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large]
settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("ci", max_examples=400, deadline=None, suppress_health_check=_QUIET, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
