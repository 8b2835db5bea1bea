#!/usr/bin/env python3
"""Measures how well `claimgraph truth --known` predicts a claim's veracity from outlets' stances,
by cross-validation by claim on Emergent (docs/EVALUATION.md, "Known verdicts").

An outlet "for" a claim says it is true, "against" says it is false ("observing" says neither and is
left out): each becomes a `source,object,value` row (object = the claim's id, value true / false).
The claims are split into --folds folds by claim id (sorted ids, every k-th to fold k). For each
fold, the verdicts of the claims of the other folds are given to `claimgraph truth --known`, and
the held-out claims that have a true / false verdict are scored: P(true) is the belief of the value
"true" (1 - the belief of "false" when no outlet says "true"); the prediction is true when
P(true) > 0.5. A held-out claim no outlet takes a side on gets the training folds' share of true
claims. Prints, per method, accuracy, Brier score (mean (P(true) - verdict)^2) and a calibration
table (claims by P(true) in tenths: mean P(true) against the share that is true).

Usage: emergent_verdicts.py --claimgraph BIN --data FILE [--methods accu,voting] [--folds 5]
         [--work DIR] [--no-known]
Nothing is written outside --work (a temporary directory by default).
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import tempfile


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--claimgraph", required=True)
    p.add_argument("--data", required=True, help="articles-with-source-and-veracity.csv")
    p.add_argument("--methods", default="accu,voting")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--work", default=None)
    p.add_argument("--no-known", action="store_true", help="run without --known (unsupervised)")
    p.add_argument("--extra", default="", help="more claimgraph truth options, space separated")
    a = p.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="emergent_verdicts_")
    os.makedirs(work, exist_ok=True)

    verdict = {}
    rows = []
    with open(a.data, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            verdict[r["claimId"]] = r["claimTruth"]
            stance = r["articleHeadlineStance"]
            if stance in ("for", "against"):
                rows.append((r["source"], r["claimId"], "true" if stance == "for" else "false"))
    claims_csv = os.path.join(work, "claims.csv")
    with open(claims_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(("source", "object", "value"))
        w.writerows(rows)
    ids = sorted(verdict)
    fold = {c: i % a.folds for i, c in enumerate(ids)}
    labelled = [c for c in ids if verdict[c] in ("true", "false")]

    for method in a.methods.split(","):
        predictions = []  # (P(true), verdict is true)
        for k in range(a.folds):
            known_csv = os.path.join(work, f"known{k}.csv")
            train = [c for c in labelled if fold[c] != k]
            with open(known_csv, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(("object", "value"))
                for c in train:
                    w.writerow((c, verdict[c]))
            base = sum(verdict[c] == "true" for c in train) / max(1, len(train))
            out = os.path.join(work, f"{method}{k}.json")
            cmd = [a.claimgraph, "truth", "-f", "csv", "-i", claims_csv, "-a", method, "-o", out,
                   "--bootstrap", "0"] + a.extra.split()
            if not a.no_known:
                cmd += ["--known", known_csv]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(out, encoding="utf-8") as f:
                belief = json.load(f)["belief"]
            for c in labelled:
                if fold[c] != k:
                    continue
                b = belief.get(c)
                if not b:
                    pt = base
                else:
                    t, fa = b.get("true"), b.get("false")
                    if t is not None and fa is not None:
                        pt = t / (t + fa) if t + fa > 0 else 0.5
                    elif t is not None:
                        pt = t
                    else:
                        pt = 1 - fa
                    pt = min(1.0, max(0.0, pt))
                predictions.append((pt, verdict[c] == "true"))
        n = len(predictions)
        accuracy = sum((pt > 0.5) == y for pt, y in predictions) / n
        brier = sum((pt - y) ** 2 for pt, y in predictions) / n
        print(f"{method}: claims {n} accuracy {accuracy:.3f} brier {brier:.3f}")
        bins = collections.defaultdict(list)
        for pt, y in predictions:
            bins[min(9, int(pt * 10))].append((pt, y))
        for b in sorted(bins):
            xs = bins[b]
            print(f"  P(true) {b / 10:.1f}-{(b + 1) / 10:.1f}: {len(xs):3d} claims, mean P(true) "
                  f"{sum(x for x, _ in xs) / len(xs):.2f}, true {sum(y for _, y in xs) / len(xs):.2f}")
    always_false = sum(verdict[c] == "false" for c in labelled) / len(labelled)
    print(f"always false: accuracy {always_false:.3f}")


if __name__ == "__main__":
    main()
