"""Evaluation: scoring extraction and reconciliation against gold (``marsad eval``).

The gold kinds are described in ``shared/spec/gold.md``; each has a pure scorer
(gold objects + result objects in, metrics out): :func:`score_fakes`,
:func:`score_hrds`, :func:`score_seed`; :func:`bcubed` scores clusters.
:func:`evaluate` reads a gold file, extracts and scores; :func:`evaluate_clusters`
also ingests and reconciles. The CI gate keeps the floors in ``eval_baseline.json``.
"""

from .baseline import naive_result
from .clusters import bcubed, score_clusters
from .fakes import score_fakes
from .gold import GoldItem, GoldSet, load_gold
from .hrds import score_hrds
from .run import check_floors, evaluate, evaluate_clusters, floors_from, keep_floors, parse_min, score
from .seed import score_seed

__all__ = [
    "GoldItem", "GoldSet", "bcubed", "check_floors", "evaluate", "evaluate_clusters", "floors_from", "keep_floors",
    "load_gold", "naive_result", "parse_min", "score", "score_clusters", "score_fakes", "score_hrds",
    "score_seed",
]
