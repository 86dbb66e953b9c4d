"""`insights build | synth | export | briefing | info`: the command line.

Expected problems (bad input, a missing file) end with one line on stderr and a non-zero exit,
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from insights import schema, store
from insights.ingest.items import SourceError

DEFAULT_TAXONOMY = Path("data/taxonomy.toml")
PROGRESS_THRESHOLD = 5_000  # a build of more items than this prints its progress


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="insights",
        description="Turn news listings into the article dataset the dashboard reads.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="read listings, enrich them and write the Parquet dataset",
        description="Read one or more listings (text, saved HTML, CSV or JSON exports), "
        "merge duplicates, add dates, themes, quoted figures and named entities, "
        "validate and write one Parquet file. Prints a build report.",
    )
    build.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="listing files to read; per file options follow its name after '::', as in "
        "'news.txt::publisher=Example Trust::captured=2018-10-20'",
    )
    build.add_argument(
        "--publisher",
        metavar="NAME",
        help="who published the sources that do not say (a source's own ::publisher= wins)",
    )
    build.add_argument(
        "--captured",
        metavar="YYYY-MM-DD",
        help="the day the sources were captured: none of their items is later (a source's "
        "own ::captured= wins)",
    )
    build.add_argument("--out", required=True, type=Path, help="Parquet file to write")
    build.add_argument(
        "--taxonomy",
        type=Path,
        default=DEFAULT_TAXONOMY,
        help=f"theme taxonomy (TOML; default {DEFAULT_TAXONOMY})",
    )
    build.add_argument(
        "--dates",
        type=Path,
        help="CSV of title or article_id and date (YYYY-MM-DD): known dates that override "
        "inference and are marked curated",
    )
    build.add_argument("--quiet", action="store_true", help="print nothing but errors")
    build.add_argument(
        "--wait",
        action="store_true",
        help="when another build is writing --out, wait for it instead of stopping",
    )
    build.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="processes that find themes, figures and entities (default: one per core; "
        "builds under 20,000 articles use one); the dataset is the same whatever N",
    )

    synth = commands.add_parser(
        "synth",
        help="generate a realistic synthetic listing (CSV) for scale tests",
        description="Write N synthetic articles as a CSV that `insights build` reads.",
    )
    synth.add_argument("--articles", type=int, required=True, metavar="N")
    synth.add_argument("--out", type=Path, required=True, help="CSV file to write")
    synth.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    synth.add_argument(
        "--publishers", type=int, default=0, metavar="N", help="add a publisher column of N names"
    )

    export = commands.add_parser(
        "export",
        help="write the dataset as year-partitioned Parquet for another engine",
        description="Write DATASET as Hive-partitioned Parquet (year=YYYY/…) under --out, the "
        "layout DuckDB, Trino or Spark query in place, e.g. from object storage.",
    )
    export.add_argument("dataset", type=Path, nargs="?", default=store.DEFAULT_DATASET)
    export.add_argument("--out", type=Path, required=True, help="folder to write")

    _briefing_parser(commands)
    suggest = commands.add_parser(
        "suggest-themes",
        help="suggest new themes from the articles no theme matched",
        description="Cluster recurring phrases of the untagged articles in DATASET (TF-IDF and "
        "NMF, seeded) and print each suggestion with its phrases, size, example titles and a "
        "[[theme]] entry for data/taxonomy.toml.",
    )
    suggest.add_argument("dataset", type=Path, nargs="?", default=store.DEFAULT_DATASET)
    suggest.add_argument(
        "--themes", type=int, default=6, metavar="N", help="suggestions to ask for"
    )
    suggest.add_argument("--seed", type=int, default=0, help="random seed (default 0)")

    info = commands.add_parser("info", help="describe a built dataset")
    info.add_argument("dataset", type=Path, nargs="?", default=store.DEFAULT_DATASET)
    return parser


def _briefing_parser(commands: argparse._SubParsersAction) -> None:
    briefing = commands.add_parser(
        "briefing",
        help="write a standalone report of a view (HTML or PDF) for a meeting",
        description="Write the headline numbers, articles over time, leading themes, what "
        "changed, key figures and the latest articles of DATASET, filtered as on the "
        "dashboard, as one HTML page that opens offline, or as a PDF of that page.",
    )
    briefing.add_argument("dataset", type=Path, nargs="?", default=store.DEFAULT_DATASET)
    briefing.add_argument("--out", type=Path, required=True, help="file to write")
    briefing.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="THEME",
        help="only this theme (repeat for several: articles with any of them)",
    )
    briefing.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first date")
    briefing.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last date")
    briefing.add_argument(
        "--format",
        choices=("html", "pdf"),
        help="html or pdf (default: pdf when --out ends in .pdf, otherwise html)",
    )


_OPTION_KEYS = ("publisher", "captured")


def _day(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a date as YYYY-MM-DD") from None


def source_options(specs: Sequence[str], publisher: str | None, captured: str | None):
    """Paths and their options from 'news.txt::publisher=Example Trust::captured=2018-10-20'.

    Raises:
        ValueError: for an unknown option or a date that is not YYYY-MM-DD.
    """
    from insights.pipeline import SourceOptions

    default_day = _day(captured, "--captured") if captured else None
    paths: list[str] = []
    options: dict[str, SourceOptions] = {}
    for spec in specs:
        path, *pairs = spec.split("::")
        given: dict[str, str] = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or key.strip() not in _OPTION_KEYS:
                raise ValueError(
                    f"{spec}: unknown source option {pair!r} (use publisher=NAME or "
                    "captured=YYYY-MM-DD)"
                )
            given[key.strip()] = value.strip()
        day = _day(given["captured"], spec) if "captured" in given else default_day
        paths.append(path)
        options[path] = SourceOptions(given.get("publisher") or publisher, day)
    return paths, options


def _build(args: argparse.Namespace) -> int:
    from insights.pipeline import build

    def say(message: str) -> None:
        if not args.quiet:
            print(f"  {message}", file=sys.stderr, flush=True)

    sources, options = source_options(args.sources, args.publisher, args.captured)
    report = build(
        sources,
        args.out,
        taxonomy_path=args.taxonomy,
        dates_path=args.dates,
        progress=say if _large(sources) else None,
        options=options,
        wait=args.wait,
        workers=args.workers,
    )
    if not args.quiet:
        print("\n".join(report.lines()))
    return 0


def _positive(text: str) -> int:
    if not (text.isascii() and text.isdecimal()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 up, got {text!r}")
    return int(text)


def _large(sources: Sequence[str]) -> bool:
    # Roughly 300 bytes an item: show progress when a build will take more than a moment.
    size = sum(Path(s).stat().st_size for s in sources if Path(s).is_file())
    return size > PROGRESS_THRESHOLD * 300


def _synth(args: argparse.Namespace) -> int:
    from insights.synth import write_synthetic_listing

    if args.articles < 1:
        raise ValueError("--articles must be at least 1")
    path = write_synthetic_listing(
        args.articles, args.out, seed=args.seed, publishers=args.publishers
    )
    print(f"wrote {args.articles:,} synthetic articles to {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    files = store.write_partitioned(store.read_dataset(args.dataset), args.out)
    print(f"wrote {len(files)} Parquet file(s) under {args.out}")
    return 0


def _briefing(args: argparse.Namespace) -> int:
    from insights import briefing, serving
    from insights.corpus import Filters

    start = _day(args.start, "--from") if args.start else None
    end = _day(args.end, "--to") if args.end else None
    if start and end and start > end:
        raise ValueError(f"--from {start} is after --to {end}")
    if args.out.is_dir():
        raise ValueError(f"--out {args.out} is a folder: name the file to write")
    fmt = args.format or ("pdf" if args.out.suffix.lower() == ".pdf" else "html")
    corpus = serving.load(args.dataset, search=False)
    unknown = [t for t in args.theme if t not in corpus.themes]
    if unknown:
        raise ValueError(
            f"--theme {unknown[0]!r} is not a theme of {args.dataset} "
            f"(themes: {', '.join(corpus.themes)})"
        )
    document = briefing.render(corpus, Filters(themes=args.theme, start=start, end=end), fmt)
    args.out.write_bytes(document)
    print(f"wrote the {fmt.upper()} briefing to {args.out}")
    return 0


def _suggest_themes(args: argparse.Namespace) -> int:
    from insights.corpus import Corpus
    from insights.story import emerging
    from insights.story.wording import suggestions_report

    if args.themes < 1:
        raise ValueError("--themes must be at least 1")
    dataset = store.read_dataset(args.dataset)
    corpus = Corpus.from_table(dataset.table, dataset.metadata, dataset.path)
    print(suggestions_report(emerging.suggest_themes(corpus, count=args.themes, seed=args.seed)))
    return 0


def _info(args: argparse.Namespace) -> int:
    dataset = store.read_dataset(args.dataset)
    meta = dataset.metadata
    print(f"{dataset.path}: {dataset.table.num_rows:,} articles, version {dataset.version}")
    print(f"built {meta.get('built_at', '?')} from {', '.join(meta.get('sources', []))}")
    basis = dataset.table.column(schema.DATE_BASIS).value_counts().to_pylist()
    print("dates: " + ", ".join(f"{b['counts']} {b['values']}" for b in basis))
    publishers = dataset.table.column(schema.PUBLISHER).value_counts().to_pylist()
    named = [f"{p['values']} ({p['counts']:,})" for p in publishers if p["values"]]
    print("publishers: " + (", ".join(named) if named else "none named"))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from insights.pipeline import BuildError
    from insights.target import TargetError
    from insights.taxonomy import TaxonomyError

    args = _parser().parse_args(argv)
    handlers = {
        "build": _build,
        "synth": _synth,
        "export": _export,
        "briefing": _briefing,
        "suggest-themes": _suggest_themes,
        "info": _info,
    }
    try:
        return handlers[args.command](args)
    except (
        BuildError,
        TargetError,
        SourceError,
        TaxonomyError,
        store.DatasetError,
        schema.SchemaError,
        OSError,
        ValueError,
    ) as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(f"insights: error: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("insights: interrupted; the previous dataset is unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
