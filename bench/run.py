"""Benchmark: speed and memory of ``scio_transcripts`` against the shared baseline users compare it with.

Run ``python bench/run.py`` (or ``make bench``). It prints one table and exits 0; it asserts nothing
about time, because timings belong to the machine they were taken on. Contenders are measured in
one process and alternated round by round, so that machine noise falls on both alike.

The baseline is ``../shared/baselines/naive_splitter.py``, loaded by path: the regex splitter a user
would write in an afternoon, with the library's public shape. ``--only`` runs some row groups.
"""

from __future__ import annotations

import argparse
import importlib.util
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
from types import ModuleType

import scio_transcripts as st

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
BASELINE = SHARED / "baselines" / "naive_splitter.py"
SEED = SHARED / "seeds" / "000_e9144cae3dcebc84.txt"
REAL_PAGES = HERE / "real-pages" / "texts"
GROUPS = ("seed", "fixtures", "real", "first", "cold", "scaling", "memory", "batch")

# Enough repetitions of the seed that a round takes this long, so that the clock's grain does not show.
ROUND_SECONDS = 0.05
# A fresh interpreter's wall time is noisy; fewer rounds than this say little.
COLD_ROUNDS = 10

Parse = Callable[[str], object]
Row = tuple[str, str, str]

# Names swapped into the corpus so that 120 documents are not 120 copies of two.
_NAMES = [
    "Lan Xiaoyu", "Zhou Pingting", "Gao Wenjie", "Fu Jiahui", "Tang Ruolin", "Xie Mingyuan", "Qiao Lisheng",
    "Deng Yuhan", "Pei Zhiqiang", "Wen Shuyi", "Luo Kaiwen", "Han Yuexin", "Ji Haoran", "Mo Qinglan",
]  # fmt: skip


def load_baseline() -> ModuleType:
    """The shared baseline module, executed from its file, so that every project measures the same code.

    Exits with code 2 and one line saying what is missing, since a traceback would only hide that."""
    for path, what in ((SHARED, "shared folder"), (BASELINE, "baseline"), (SEED, "seed")):
        if not path.exists():
            print(f"bench: the {what} {path} is missing", file=sys.stderr)
            raise SystemExit(2)
    spec = importlib.util.spec_from_file_location("naive_splitter", BASELINE)
    if spec is None or spec.loader is None:
        print(f"bench: the baseline {BASELINE} cannot be loaded as a module", file=sys.stderr)
        raise SystemExit(2)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def lenient(parse: Parse) -> Parse:
    """The baseline's ``parse``, with an exception counted as its result: it is a splitter, not a parser,
    and some odd inputs make it raise (a header line it cannot split). The library is not wrapped: it
    must not raise in lenient mode, and if it does the benchmark should say so loudly."""

    def parse_or_error(text: str) -> object:
        try:
            return parse(text)
        except Exception as error:
            return error

    return parse_or_error


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


def fixture_paths() -> list[Path]:
    """Every briefing text among the repository's test fixtures: the valid cases, the dialects and the
    invalid cases, which a lenient parse must get through as well."""
    data = REPO / "tests" / "data"
    return [
        *sorted(data.glob("valid/*/*.txt")),
        *sorted((data / "dialects").glob("**/*.txt")),
        *sorted(data.glob("invalid/*.txt")),
    ]


def real_page_paths() -> list[Path]:
    """The real pages saved for "Real pages" (ignored by git), or none when they are not here."""
    return sorted(path for path in REAL_PAGES.glob("*") if path.is_file()) if REAL_PAGES.is_dir() else []


def read_pages(paths: Iterable[Path]) -> list[str]:
    """The texts, decoded strictly: a page that is not UTF-8 should stop the benchmark, not be guessed."""
    return [path.read_bytes().decode("utf-8") for path in paths]


def one_pass(function: Parse, documents: list[str]) -> float:
    """Seconds for one pass over the documents."""
    start = time.perf_counter()
    for document in documents:
        function(document)
    return time.perf_counter() - start


def side_by_side(documents: list[str], baseline: Parse, rounds: int) -> tuple[float, float, float]:
    """Median seconds per pass of the library and of the baseline over the same documents, alternated
    round by round, and the median of the per-round ratios (so a slow round hurts neither alone)."""
    one_pass(st.parse, documents)  # warm both: caches, compiled patterns, the grammar
    one_pass(baseline, documents)
    ours, theirs, ratios = [], [], []
    for _ in range(rounds):
        library_time = one_pass(st.parse, documents)
        baseline_time = one_pass(baseline, documents)
        ours.append(library_time)
        theirs.append(baseline_time)
        ratios.append(library_time / baseline_time)
    return statistics.median(ours), statistics.median(theirs), statistics.median(ratios)


def seed_repetitions(seed: str, baseline: Parse) -> int:
    """How many parses of the seed make a round of at least ``ROUND_SECONDS`` for the faster contender,
    doubling from one; this also warms both."""
    repeat = 1
    while min(one_pass(st.parse, [seed] * repeat), one_pass(baseline, [seed] * repeat)) < ROUND_SECONDS:
        repeat *= 2
    return repeat


def parse_row(name: str, documents: list[str], baseline: Parse, rounds: int, per_parse: bool) -> Row:
    """One row comparing the library's parse with the baseline's over the documents: milliseconds per
    parse, or for the whole set, and on how many documents the baseline raised, since its time there
    is the time to fail."""
    ours, theirs, ratio = side_by_side(documents, baseline, rounds)
    if per_parse:
        ours, theirs = ours / len(documents), theirs / len(documents)
    result = f"{ours * 1e3:.2f} ms vs baseline {theirs * 1e3:.2f} ms"
    raised = sum(isinstance(baseline(document), Exception) for document in documents)
    if raised and per_parse:
        result += " (baseline raised)"
    elif raised:
        result += f" (baseline raised on {raised} of {len(documents)})"
    return name, result, f"{ratio:.2f}x (target <= 2.5x)"


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


# One pass over pages in a fresh interpreter, timed from the first parse to the last: what a command
# line run over a folder pays, lazy loading and compiling included, which the warmed rows above hide.
_FIRST_PASS = """
import importlib.util, sys, time
contender, baseline_path, *paths = sys.argv[1:]
texts = [open(path, "rb").read().decode("utf-8") for path in paths]
if contender == "library":
    import scio_transcripts
    parse = scio_transcripts.parse
else:
    spec = importlib.util.spec_from_file_location("naive_splitter", baseline_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    parse = module.parse
start = time.perf_counter()
for text in texts:
    try:
        parse(text)
    except Exception:
        if contender == "library":
            raise
print(time.perf_counter() - start)
"""


def first_pass(paths: list[Path], rounds: int) -> tuple[float, float, float]:
    """Median seconds of one pass over the pages in a fresh interpreter, the library's and the
    baseline's, alternated, and the median ratio."""
    ours, theirs, ratios = [], [], []
    for _ in range(rounds):
        times = []
        for contender in ("library", "baseline"):
            command = [sys.executable, "-c", _FIRST_PASS, contender, str(BASELINE), *map(str, paths)]
            output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=tempfile.gettempdir())
            times.append(float(output.stdout))
        ours.append(times[0])
        theirs.append(times[1])
        ratios.append(times[0] / times[1])
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
        best = min(one_pass(st.parse, [text] * repeat) / repeat for _ in range(rounds))
        per_char = best / len(text)
        base = base or per_char
        results.append((copies, per_char * 1e9, per_char / base))
    return results


def _arithmetic(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def machine_ceiling(rounds: int) -> float:
    """How much faster two processes do pure Python arithmetic than one: what the batch rows can reach.

    On a shared virtual machine this moves during a session (from 1.4 to 1.96 on ours), so the batch
    rows are only read against it. Module-level work, so that forked processes can run it."""
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    count = 2_000_000
    speedups = []
    for _ in range(rounds):
        start = time.perf_counter()
        _arithmetic(count)
        _arithmetic(count)
        serial = time.perf_counter() - start
        workers = [context.Process(target=_arithmetic, args=(count,)) for _ in range(2)]
        start = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        speedups.append(serial / (time.perf_counter() - start))
    return statistics.median(speedups)


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


def only_groups(value: str) -> set[str]:
    """The ``--only`` list, checked, so that a typo fails at once rather than after a silent empty run."""
    groups = {group.strip() for group in value.split(",") if group.strip()}
    unknown = groups - set(GROUPS)
    if unknown or not groups:
        raise argparse.ArgumentTypeError(f"choose from {','.join(GROUPS)}, not {value!r}")
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="rounds per measurement (median taken)")
    parser.add_argument("--files", type=int, default=500, help="files in the batch measurement")
    parser.add_argument("--megabytes", type=int, default=10, help="input size of the memory measurement")
    parser.add_argument(
        "--only", type=only_groups, default=set(GROUPS), help=f"row groups to run, a comma list of {','.join(GROUPS)}"
    )
    arguments = parser.parse_args()
    only: set[str] = arguments.only
    baseline = lenient(load_baseline().parse)

    rows: list[Row] = []
    if "seed" in only:
        seed = SEED.read_bytes().decode("utf-8")
        repeat = seed_repetitions(seed, baseline)
        rows.append(parse_row("parse: the seed", [seed] * repeat, baseline, arguments.rounds, per_parse=True))
    if "fixtures" in only:
        pages = read_pages(fixture_paths())
        name = f"parse: fixtures as a page set ({len(pages)} pages)"
        rows.append(parse_row(name, pages, baseline, arguments.rounds, per_parse=False))
    if "real" in only:
        paths = real_page_paths()
        if paths:
            pages = read_pages(paths)
            name = f"parse: real pages ({len(pages)} pages)"
            rows.append(parse_row(name, pages, baseline, arguments.rounds, per_parse=False))
        else:
            rows.append(("parse: real pages", "not present (bench/real-pages/texts/ is empty)", "-"))
    if "first" in only:
        paths = fixture_paths() + real_page_paths()
        ours, theirs, ratio = first_pass(paths, max(COLD_ROUNDS, arguments.rounds))
        rows.append(
            (
                f"parse: first pass in a fresh process ({len(paths)} pages)",
                f"{ours * 1e3:.0f} ms vs baseline {theirs * 1e3:.0f} ms",
                f"{ratio:.2f}x",
            )
        )
    if "cold" in only:
        ours, lark, ratio = cold_start(max(COLD_ROUNDS, arguments.rounds))
        rows.append(
            (
                "cold start: import + parse seed",
                f"{ours * 1e3:.0f} ms vs import lark {lark * 1e3:.0f} ms",
                f"{ratio:.2f}x (target <= 1.5x)",
            )
        )
    if "scaling" in only:
        for copies, nanoseconds, relative in scaling(arguments.rounds):
            rows.append(
                (
                    f"scaling: seed x{copies}",
                    f"{nanoseconds:.0f} ns per character",
                    f"{relative:.2f}x of x1 (target <= 1.2x)",
                )
            )
    if "memory" in only:
        size, peak, multiple = peak_memory(arguments.megabytes)
        rows.append(
            (
                f"peak memory, {size / 1e6:.1f} MB input",
                f"{peak / 1e6:.0f} MB traced",
                f"{multiple:.1f}x input (target <= 4x)",
            )
        )
    if "batch" in only:
        ceiling = machine_ceiling(arguments.rounds)
        rows.append(("batch ceiling: 2 processes of pure Python arithmetic vs 1", "-", f"{ceiling:.2f}x"))
        measured = batch(arguments.files, arguments.rounds)
        if measured is None:
            rows.append((f"batch: {arguments.files} files", "parse_many not available", "-"))
        else:
            for name, one, two, speedup in measured:
                rows.append(
                    (
                        f"batch: {arguments.files} files, parse_many jobs=1 vs jobs=2, {name}",
                        f"{one:.2f} s vs {two:.2f} s",
                        f"{speedup:.2f}x (target >= 1.7x)",
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
