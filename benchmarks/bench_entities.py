"""Entity layer: precision, recall and F1 by kind on the suite's own hand-annotated fixtures.

Run: ``python benchmarks/bench_entities.py [--errors N]``. The gold is
``tests/fixtures/entities/*.expected.yaml`` (29 invented articles annotated by hand before the
layer was run on them; guidelines and the development / held-out split in that folder's
README). Three predictors are scored in the same run, on both halves:

- ``entity layer``: :func:`helpers.entity_layer.entities`;
- ``capitalised``: every run of capitalised words not at a sentence start, typed by the
  majority kind of the development gold (trivial baseline);
- ``gazetteer``: the suite's gazetteer alone (trivial baseline).

Scoring (:func:`helpers.evaluation.match_entities`): an entity is found when its name agrees
after normalisation or a gold mention equals a predicted mention; ``P/R/F1`` need the kind
right, ``found`` is recall whatever the kind, ``mention R`` the share of gold mention
strings the paired entity carries. ``--errors N`` lists the layer's errors on the
development half only (never look at the held-out errors).
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

import pandas as pd

from helpers.evaluation import (
    ENTITY_KINDS,
    capitalised_baseline,
    gazetteer_baseline,
    layer_prediction,
    load_entity_gold,
    score_entity_fixtures,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests/fixtures/entities"


def majority_kind() -> str:
    """The most frequent scored kind among the development gold's entities."""
    kinds = []
    for path in sorted(GOLD.glob("*.expected.yaml")):
        header, gold = load_entity_gold(path)
        if header.get("split") == "dev":
            kinds += gold.drop_duplicates("entity")["kind"].tolist()
    return pd.Series([k for k in kinds if k in ENTITY_KINDS]).mode()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="list N dev errors of the layer")
    args = parser.parse_args()
    kind = majority_kind()
    predictors = {
        "entity layer": layer_prediction,
        f"capitalised (as {kind})": partial(capitalised_baseline, kind=kind),
        "gazetteer": gazetteer_baseline,
    }
    rows, dev_detail = [], None
    for split in ("dev", "heldout"):
        for name, predict in predictors.items():
            scores, detail = score_entity_fixtures(GOLD, predict=predict, split=split)
            if name == "entity layer" and split == "dev":
                dev_detail = detail
            for k, r in scores.iterrows():
                rows.append({"split": split, "predictor": name, "kind": k, **r.to_dict()})
    table = pd.DataFrame(rows)
    show = ["gold", "predicted", "correct", "precision", "recall", "f1", "recall_any_kind"]
    with pd.option_context("display.width", 160, "display.precision", 2):
        for split in ("dev", "heldout"):
            print(f"\n== {split} ==")
            part = table[table["split"] == split].set_index(["predictor", "kind"])
            print(part[[*show, "mention_recall"]].to_string())
    if args.errors and dev_detail is not None:
        errors = dev_detail[dev_detail["status"].isin(["missed", "wrong kind", "false alarm"])]
        print(f"\n== entity layer errors on the development half ({len(errors)}) ==")
        cols = ["article", "gold", "gold_kind", "predicted", "predicted_kind", "status"]
        print(errors[cols].head(args.errors).to_string(index=False))


if __name__ == "__main__":
    main()
