"""Shared test configuration: Hypothesis profiles and the paths of the real seed briefing."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
# Every developer machine and CI lay the shared folder beside the checkout.
SEED = REPO.parent / "shared" / "seeds" / "000_e9144cae3dcebc84.txt"

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
