"""Train the CRF name tagger on the ANERcorp train split (CAMeL Lab) and write it as package data.

python scripts/train_ner.py                   # dev scores, then the shipped model and model.yaml
python scripts/train_ner.py --tune            # compare every feature set on the dev set
python scripts/train_ner.py --tune given --grid given --tune-iterations 100 400
                                              # one set, its c1/c2 grid and iteration counts
python scripts/train_ner.py --train FILE      # another copy of the train split

Deterministic: the same train file, data files and settings give a byte-identical model.

The last tenth of the train split's sentences is held out as the development set: hyper-parameters
and feature sets are chosen on it, never on the test split. After the dev run, the model is trained
again, with the same settings, on the whole train split, and that model is the one shipped.
Only the train split is read; the test split stays evaluation-only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite
import yaml

from hadath.lexicons.actors import load_actor_kb
from hadath.ner import (
    METADATA_FILE,
    MODEL_FILE,
    conll_scores,
    conll_tags,
    conll_words,
    format_scores,
    read_conll,
    word_tokens,
)
from hadath.ner_features import (
    FEATURES_VERSION,
    FeatureSet,
    Gazetteer,
    load_ner_lexicon,
    sentence_features,
)
from hadath.timewords import load_time_lexicon
from hadath.tokenize import load_text_rules

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = (
    ROOT.parent
    / "shared"
    / "corpus"
    / "ner"
    / "ANERcorp-CamelLabSplits"
    / "ANERCorp_CamelLab_train.txt"
)
DATA = ROOT / "src" / "hadath" / "data"  # written into the checkout, never into site-packages
DEV_FRACTION = 0.1

# Feature sets compared on the dev set (--tune), each named after what it adds or changes;
# DEFAULT_PRESET is the one shipped. On a dev set of about 400 sentences (some 870 PERS/LOC/ORG
# names), micro-F1 differences under about 0.01 are noise.
_NO_GIVEN = {"given_names": False}
PRESETS = {
    "lexical": FeatureSet(
        affixes=False, bigrams=False, gazetteer=False, cues=False, mark_window=0, given_names=False
    ),
    "affixes": FeatureSet(bigrams=False, gazetteer=False, cues=False, mark_window=0, **_NO_GIVEN),
    "gazetteer": FeatureSet(bigrams=False, cues=False, **_NO_GIVEN),
    "cues": FeatureSet(bigrams=False, **_NO_GIVEN),
    "bigrams": FeatureSet(**_NO_GIVEN),
    "given": FeatureSet(),
    "long": FeatureSet(long_affixes=True, **_NO_GIVEN),
    "given-long": FeatureSet(long_affixes=True),
    "marks2": FeatureSet(mark_window=2, **_NO_GIVEN),
    "window3": FeatureSet(window=3, **_NO_GIVEN),
}
DEFAULT_PRESET = "given"
DEFAULT_C1 = 0.1
DEFAULT_C2 = 0.05
DEFAULT_ITERATIONS = 200
C1_GRID = (0.02, 0.1, 0.3)
C2_GRID = (0.005, 0.05, 0.2)

Words = list[list[str]]
Tags = list[list[str]]
Scores = dict[str, dict[str, float | int]]


@dataclass(frozen=True, slots=True)
class Config:
    """One training run: a feature set and the CRF's hyper-parameters."""

    preset: str
    c1: float
    c2: float
    iterations: int

    def params(self) -> dict[str, object]:
        """Return the crfsuite trainer parameters."""
        return {
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.iterations,
            "feature.possible_transitions": True,
        }


def read_split(path: Path) -> tuple[Words, Tags]:
    """Read a `token TAG` file into words and tags per sentence."""
    sentences = read_conll(path.read_text(encoding="utf-8").splitlines())
    tags = conll_tags(sentences)
    if tags is None:
        sys.exit(f"{path}: every token line needs a tag (`token TAG`)")
    return conll_words(sentences), tags


def featurise(words: Words, features: FeatureSet) -> list[list[list[str]]]:
    """Compute the features of every sentence, as the tagger will at run time."""
    rules = load_text_rules()
    months = load_time_lexicon(rules).months
    lexicon = load_ner_lexicon(rules)
    gazetteer = Gazetteer(load_actor_kb(rules), months, lexicon)
    return [sentence_features(word_tokens(s, rules), gazetteer, features) for s in words]


def fit(xs: Sequence[list[list[str]]], ys: Tags, config: Config, model: Path) -> None:
    """Train a CRF with L-BFGS and write it to a file."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(config.params())
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.train(str(model))


def predict(model: Path, xs: Sequence[list[list[str]]]) -> Tags:
    """Tag featurised sentences with a model file."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        return [list(tagger.tag(x)) if x else [] for x in xs]
    finally:
        tagger.close()


def split_dev(n: int) -> int:
    """Return the index of the first dev sentence (the last tenth is held out)."""
    return n - round(n * DEV_FRACTION)


def dev_run(words: Words, tags: Tags, config: Config) -> Scores:
    """Train on the first nine tenths, tag the last tenth; return scores over PERS/LOC/ORG."""
    xs = featurise(words, PRESETS[config.preset])
    cut = split_dev(len(xs))
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "dev.crfsuite"
        fit(xs[:cut], tags[:cut], config, model)
        predicted = predict(model, xs[cut:])
    return conll_scores(tags[cut:], predicted)


def _tune_one(args: tuple[Words, Tags, Config]) -> tuple[Config, float, float]:
    start = time.perf_counter()
    scores = dev_run(*args)
    return args[2], scores["micro"]["f1"], time.perf_counter() - start


def tune_configs(
    presets: Sequence[str], grid: str | None, iterations: Sequence[int]
) -> list[Config]:
    """List the dev runs of --tune: each feature set, then c1/c2 and iterations for one set."""
    configs = [Config(p, DEFAULT_C1, DEFAULT_C2, DEFAULT_ITERATIONS) for p in presets]
    if grid is not None:
        configs += [
            Config(grid, c1, c2, DEFAULT_ITERATIONS)
            for c1, c2 in itertools.product(C1_GRID, C2_GRID)
            if (c1, c2) != (DEFAULT_C1, DEFAULT_C2) or grid not in presets
        ]
    configs += [Config(grid or DEFAULT_PRESET, DEFAULT_C1, DEFAULT_C2, n) for n in iterations]
    return configs


def tune(words: Words, tags: Tags, configs: Sequence[Config], jobs: int) -> None:
    """Train and score each configuration on the dev set (nothing is written)."""
    with multiprocessing.Pool(jobs) as pool:
        for config, f1, seconds in pool.imap(_tune_one, [(words, tags, c) for c in configs]):
            print(
                f"{config.preset:10} c1={config.c1:<5} c2={config.c2:<6} it={config.iterations:<4} "
                f"dev micro-F1 {f1:.4f}  ({seconds:.0f} s)",
                flush=True,
            )


def sha256(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_model(train: Path, words: Words, tags: Tags, config: Config, dev: Scores) -> None:
    """Train on the whole train split and write the model and its metadata into hadath/data."""
    xs = featurise(words, PRESETS[config.preset])
    model = DATA / MODEL_FILE
    fit(xs, tags, config, model)
    meta = {
        "model": Path(MODEL_FILE).name,
        "model_sha256": sha256(model),
        "training_file": train.name,
        "training_sha256": sha256(train),
        "sentences": len(words),
        "tokens": sum(len(s) for s in words),
        "dev_sentences": len(words) - split_dev(len(words)),
        "features_version": FEATURES_VERSION,
        "features": PRESETS[config.preset].as_dict(),
        "algorithm": "lbfgs",
        "hyperparameters": config.params(),
        "dev_micro_f1": round(float(dev["micro"]["f1"]), 4),
        "dev_scores": {
            name: {
                k: round(float(v), 4) for k, v in s.items() if k in ("precision", "recall", "f1")
            }
            for name, s in dev.items()
        },
        "trained": dt.date.today().isoformat(),
        "corpus": "ANERcorp, CAMeL Lab train split (CC BY-SA 4.0); see ATTRIBUTION.md",
    }
    header = "# Written by scripts/train_ner.py: do not edit by hand.\n"
    text = header + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    (DATA / METADATA_FILE).write_text(text, encoding="utf-8")


def main() -> None:
    """Parse the arguments, then tune or train."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN, help="train split file")
    parser.add_argument("--preset", choices=sorted(PRESETS), default=DEFAULT_PRESET)
    parser.add_argument("--c1", type=float, default=DEFAULT_C1)
    parser.add_argument("--c2", type=float, default=DEFAULT_C2)
    parser.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    parser.add_argument(
        "--tune-iterations",
        type=int,
        nargs="*",
        default=[],
        help="with --tune: also try these iteration counts (for the --grid set, or the default)",
    )
    parser.add_argument(
        "--tune",
        nargs="*",
        choices=sorted(PRESETS),
        help="compare these feature sets (all if none named) on the dev set; write nothing",
    )
    parser.add_argument("--grid", choices=sorted(PRESETS), help="with --tune: c1/c2 grid for a set")
    parser.add_argument("--jobs", type=int, default=2, help="parallel runs when tuning")
    args = parser.parse_args()
    if not args.train.is_file():
        sys.exit(f"{args.train} not found: pass --train with the ANERcorp CAMeL Lab train split")
    words, tags = read_split(args.train)
    print(f"{len(words)} sentences, {sum(map(len, words))} tokens from {args.train}", flush=True)
    if args.tune is not None:
        presets = args.tune or sorted(PRESETS)
        tune(words, tags, tune_configs(presets, args.grid, args.tune_iterations), args.jobs)
        return
    config = Config(args.preset, args.c1, args.c2, args.iterations)
    start = time.perf_counter()
    scores = dev_run(words, tags, config)
    print(f"dev ({config}), {time.perf_counter() - start:.0f} s:")
    print(format_scores(scores), flush=True)
    start = time.perf_counter()
    write_model(args.train, words, tags, config, scores)
    print(f"wrote {DATA / MODEL_FILE} ({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
