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

With --calibration, the calibrated reliability of each outlet in the -o result (sources[].reliability:
the probability that a claim of the outlet holds, learned with the training verdicts) is checked
on the held-out claims: every held-out "for" / "against" record is a prediction (the outlet's
reliability) of whether its stance agrees with the verdict; prints Brier score, expected
calibration error (ECE, tenths) and a reliability diagram, beside the same for the method's raw
trust.

With --select "NAME=METHOD EXTRA...;NAME=..." the configuration is chosen inside each outer fold
by an inner cross-validation over that fold's training claims only (--inner folds; the best inner
accuracy, ties by Brier), then scored on the held-out claims: nested cross-validation.

Usage: emergent_verdicts.py --claimgraph BIN --data FILE [--methods accu,voting] [--folds 5]
         [--work DIR] [--no-known] [--extra "..."] [--calibration] [--select "..."]
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
    p.add_argument("--calibration", action="store_true")
    p.add_argument("--select", default="")
    p.add_argument("--inner", type=int, default=4)
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

    def run(method, extra, known_claims, tag):
        """Runs claimgraph with the verdicts of known_claims; returns the parsed -o JSON."""
        known_csv = os.path.join(work, f"known_{tag}.csv")
        with open(known_csv, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(("object", "value"))
            for c in known_claims:
                w.writerow((c, verdict[c]))
        out = os.path.join(work, f"result_{tag}.json")
        cmd = [a.claimgraph, "truth", "-f", "csv", "-i", claims_csv, "-a", method, "-o", out,
               "--bootstrap", "0"] + extra.split()
        if not a.no_known:
            cmd += ["--known", known_csv]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as f:
            return json.load(f)

    def p_true(result, c, base):
        b = result["belief"].get(c)
        if not b:
            return base
        t, fa = b.get("true"), b.get("false")
        if t is not None and fa is not None:
            pt = t / (t + fa) if t + fa > 0 else 0.5
        elif t is not None:
            pt = t
        else:
            pt = 1 - fa
        return min(1.0, max(0.0, pt))

    def predict(method, extra, train, test, tag):
        """(P(true), verdict) for the test claims, and the result."""
        base = sum(verdict[c] == "true" for c in train) / max(1, len(train))
        result = run(method, extra, train, tag)
        return [(p_true(result, c, base), verdict[c] == "true") for c in test], result

    def score(predictions):
        n = len(predictions)
        accuracy = sum((pt > 0.5) == y for pt, y in predictions) / n
        brier = sum((pt - y) ** 2 for pt, y in predictions) / n
        return accuracy, brier

    def diagram(pairs, label):
        """Brier, ECE and reliability diagram of (predicted, outcome) pairs."""
        n = len(pairs)
        brier = sum((x - y) ** 2 for x, y in pairs) / n
        bins = collections.defaultdict(list)
        for x, y in pairs:
            bins[min(9, int(x * 10))].append((x, y))
        ece = sum(len(v) / n * abs(sum(x for x, _ in v) / len(v) - sum(y for _, y in v) / len(v))
                  for v in bins.values())
        print(f"  {label}: records {n} brier {brier:.3f} ece {ece:.3f}")
        for b in sorted(bins):
            xs = bins[b]
            print(f"    {b / 10:.1f}-{(b + 1) / 10:.1f}: {len(xs):4d} records, mean predicted "
                  f"{sum(x for x, _ in xs) / len(xs):.2f}, held {sum(y for _, y in xs) / len(xs):.2f}")

    stances = collections.defaultdict(list)  # claim -> [(source, says true)]
    for source, c, value in rows:
        stances[c].append((source, value == "true"))

    configs = []
    if a.select:
        for item in a.select.split(";"):
            name, _, spec = item.strip().partition("=")
            method, _, extra = spec.strip().partition(" ")
            configs.append((name.strip(), method, extra))

    def outer(method, extra, k):
        train = [c for c in labelled if fold[c] != k]
        test = [c for c in labelled if fold[c] == k]
        return train, test

    if configs:
        predictions = []
        chosen = []
        for k in range(a.folds):
            train, test = outer(None, None, k)
            inner_fold = {c: i % a.inner for i, c in enumerate(train)}
            best = None
            for name, method, extra in configs:
                inner = []
                for j in range(a.inner):
                    itrain = [c for c in train if inner_fold[c] != j]
                    itest = [c for c in train if inner_fold[c] == j]
                    inner += predict(method, extra, itrain, itest, f"in{k}_{j}")[0]
                acc, brier = score(inner)
                key = (acc, -brier)
                if best is None or key > best[0]:
                    best = (key, name, method, extra)
            chosen.append(best[1])
            predictions += predict(best[2], best[3], train, test, f"out{k}")[0]
        acc, brier = score(predictions)
        print(f"nested selection: claims {len(predictions)} accuracy {acc:.3f} brier {brier:.3f}; "
              f"chosen per fold: {', '.join(chosen)}")

    for method in (a.methods.split(",") if a.methods else []):
        predictions = []  # (P(true), verdict is true)
        records, raw = [], []  # calibration: (outlet's reliability / trust, stance held)
        for k in range(a.folds):
            train, test = outer(method, a.extra, k)
            got, result = predict(method, a.extra, train, test, f"{method}{k}")
            predictions += got
            if a.calibration:
                by_name = {s["name"]: s for s in result["sources"]}
                top = max([s["trust"] for s in result["sources"]] + [1e-12])
                for c in test:
                    for source, says_true in stances[c]:
                        s = by_name[source]
                        held = says_true == (verdict[c] == "true")
                        records.append((s["reliability"], held))
                        raw.append((min(1.0, max(0.0, s["trust"] / top)), held))
        accuracy, brier = score(predictions)
        print(f"{method}: claims {len(predictions)} accuracy {accuracy:.3f} brier {brier:.3f}")
        bins = collections.defaultdict(list)
        for pt, y in predictions:
            bins[min(9, int(pt * 10))].append((pt, y))
        for b in sorted(bins):
            xs = bins[b]
            print(f"  P(true) {b / 10:.1f}-{(b + 1) / 10:.1f}: {len(xs):3d} claims, mean P(true) "
                  f"{sum(x for x, _ in xs) / len(xs):.2f}, true {sum(y for _, y in xs) / len(xs):.2f}")
        if a.calibration:
            print(" held-out stance records, P(the outlet's stance agrees with the verdict):")
            diagram(records, "calibrated reliability (sources[].reliability)")
            diagram(raw, "raw trust / max trust")
    always_false = sum(verdict[c] == "false" for c in labelled) / len(labelled)
    print(f"always false: accuracy {always_false:.3f}")


if __name__ == "__main__":
    main()
