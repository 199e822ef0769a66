"""Benchmark: speed and memory of ``scio_transcripts`` against the baselines users compare it with.

Run ``python bench/run.py`` (or ``make bench``). It prints one table and exits 0; it asserts nothing
about time, because timings belong to the machine they were taken on. Contenders are measured in
one process and alternated round by round, so that machine noise falls on both alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED = REPO.parent / "shared" / "seeds" / "000_e9144cae3dcebc84.txt"
sys.path.insert(0, str(HERE))

from naive import naive_split  # noqa: E402

import scio_transcripts as st  # noqa: E402

# Names swapped into the corpus so that 120 documents are not 120 copies of two.
_NAMES = [
    "Lan Xiaoyu", "Zhou Pingting", "Gao Wenjie", "Fu Jiahui", "Tang Ruolin", "Xie Mingyuan", "Qiao Lisheng",
    "Deng Yuhan", "Pei Zhiqiang", "Wen Shuyi", "Luo Kaiwen", "Han Yuexin", "Ji Haoran", "Mo Qinglan",
]  # fmt: skip


def corpus(size: int = 120) -> list[str]:
    """The seed and the bundled sample, each with its people renamed, alternately."""
    from scio_transcripts.demo import sample_text

    bases = [
        (
            SEED.read_text(encoding="utf-8"),
            ["Cao Shumin", "Yue Zhongming", "Wang Xiaoguang", "Li Changxi", "Xing Huina"],
        ),
        (sample_text(), ["Tang Lihua", "Qiao Dewen", "Shen Yiran"]),
    ]
    rng = random.Random(20231116)
    documents = []
    for index in range(size):
        text, names = bases[index % 2]
        for name in names:
            text = text.replace(name, rng.choice(_NAMES))
        documents.append(text)
    return documents


def per_document(function: Callable[[str], object], documents: list[str]) -> float:
    """Seconds per document for one pass over the corpus."""
    start = time.perf_counter()
    for document in documents:
        function(document)
    return (time.perf_counter() - start) / len(documents)


def parse_vs_naive(rounds: int) -> tuple[float, float, float]:
    """Median per-document time of the library and of the naive splitter, and the median ratio."""
    documents = corpus()
    per_document(st.parse, documents)  # warm both: caches, compiled patterns
    per_document(naive_split, documents)
    ours, naive, ratios = [], [], []
    for _ in range(rounds):
        library_time = per_document(st.parse, documents)
        naive_time = per_document(naive_split, documents)
        ours.append(library_time)
        naive.append(naive_time)
        ratios.append(library_time / naive_time)
    return statistics.median(ours), statistics.median(naive), statistics.median(ratios)


def cold_start(rounds: int) -> tuple[float, float, float]:
    """Median wall time of a fresh interpreter that imports the library and parses the seed, against
    one that only imports Lark, and the median ratio."""
    ours_command = [sys.executable, "-c", f"import scio_transcripts as st; st.parse_file({str(SEED)!r})"]
    lark_command = [sys.executable, "-c", "import lark"]
    ours, theirs, ratios = [], [], []
    for _ in range(rounds):
        ours_time = _wall(ours_command)
        lark_time = _wall(lark_command)
        ours.append(ours_time)
        theirs.append(lark_time)
        ratios.append(ours_time / lark_time)
    return statistics.median(ours), statistics.median(theirs), statistics.median(ratios)


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=tempfile.gettempdir())
    return time.perf_counter() - start


def scaling(rounds: int) -> list[tuple[int, float, float]]:
    """Time per character for the seed repeated 1, 16 and 256 times, relative to once."""
    seed = SEED.read_text(encoding="utf-8")
    results = []
    base = 0.0
    for copies in (1, 16, 256):
        text = "\n".join([seed] * copies)
        repeat = max(1, 64 // copies)
        best = min(per_document(st.parse, [text] * repeat) for _ in range(rounds))
        per_char = best / len(text)
        base = base or per_char
        results.append((copies, per_char * 1e9, per_char / base))
    return results


def batch(files: int, rounds: int) -> list[tuple[str, float, float, float]] | None:
    """Seconds for ``files`` briefings through ``parse_many`` with one and two worker processes, and the
    speed-up: once returning the briefings, once converting each to JSON Lines rows in the worker that
    parsed it (``then=jsonl_rows``), as ``scio-transcripts parse --format jsonl`` does."""
    parse_many = getattr(st, "parse_many", None)
    if parse_many is None:
        return None
    documents = corpus(files)
    ways: list[tuple[str, Callable[[Path, st.Briefing], object] | None]] = [
        ("returning briefings", None),
        ("then=jsonl_rows, as the CLI", jsonl_rows),
    ]
    times: dict[tuple[str, int], list[float]] = {(name, jobs): [] for name, _ in ways for jobs in (1, 2)}
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, document in enumerate(documents):
            path = Path(folder) / f"{index:04d}.txt"
            path.write_text(document, encoding="utf-8")
            paths.append(path)
        for _ in range(rounds):
            for name, then in ways:
                for jobs in (1, 2):
                    times[name, jobs].append(_consume(parse_many(paths, jobs=jobs, then=then)))
    measured = []
    for name, _ in ways:
        one, two = statistics.median(times[name, 1]), statistics.median(times[name, 2])
        measured.append((name, one, two, one / two))
    return measured


def jsonl_rows(path: Path, briefing: st.Briefing) -> tuple[str, str]:
    """What the CLI makes of a briefing for ``--format jsonl``: its turns and its exchanges as JSON Lines.

    Module-level, so that worker processes can be sent it."""
    return st.to_jsonl(briefing, table="turns", source=path), st.to_jsonl(briefing, table="exchanges", source=path)


def _consume(results: Iterable[object]) -> float:
    start = time.perf_counter()
    for _ in results:
        pass
    return time.perf_counter() - start


def peak_memory(megabytes: int) -> tuple[int, int, float]:
    """Peak memory traced while parsing an input of about ``megabytes`` MB, as a multiple of its size."""
    seed = SEED.read_text(encoding="utf-8")
    text = "\n".join([seed] * max(1, megabytes * 1_000_000 // len(seed)))
    size = len(text.encode("utf-8"))
    st.parse(seed)  # load the grammar outside the measurement
    tracemalloc.start()
    briefing = st.parse(text)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del briefing
    return size, peak, peak / size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="rounds per measurement (median taken)")
    parser.add_argument("--files", type=int, default=500, help="files in the batch measurement")
    parser.add_argument("--megabytes", type=int, default=10, help="input size of the memory measurement")
    arguments = parser.parse_args()

    rows: list[tuple[str, str, str]] = []
    ours, naive, ratio = parse_vs_naive(arguments.rounds)
    rows.append(
        (
            "parse, per document (120 briefings)",
            f"{ours * 1e3:.2f} ms vs naive {naive * 1e3:.2f} ms",
            f"{ratio:.2f}x (target <= 2x)",
        )
    )
    ours, lark, ratio = cold_start(arguments.rounds)
    rows.append(
        (
            "cold start: import + parse seed",
            f"{ours * 1e3:.0f} ms vs import lark {lark * 1e3:.0f} ms",
            f"{ratio:.2f}x (target <= 1.5x)",
        )
    )
    for copies, nanoseconds, relative in scaling(arguments.rounds):
        rows.append(
            (
                f"scaling: seed x{copies}",
                f"{nanoseconds:.0f} ns per character",
                f"{relative:.2f}x of x1 (target <= 1.3x)",
            )
        )
    measured = batch(arguments.files, arguments.rounds)
    if measured is None:
        rows.append((f"batch: {arguments.files} files", "parse_many not available", "-"))
    else:
        for name, one, two, speedup in measured:
            rows.append(
                (
                    f"batch: {arguments.files} files, 1 vs 2 workers, {name}",
                    f"{one:.2f} s vs {two:.2f} s",
                    f"{speedup:.2f}x (target >= 1.7x)",
                )
            )
    size, peak, multiple = peak_memory(arguments.megabytes)
    rows.append(
        (
            f"peak memory, {size / 1e6:.1f} MB input",
            f"{peak / 1e6:.0f} MB traced",
            f"{multiple:.1f}x input (target <= 10x)",
        )
    )

    print(
        f"scio-transcripts {st.__version__} on Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}"
    )
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in [("measurement", "result", "ratio"), tuple("-" * width for width in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
