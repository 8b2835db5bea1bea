#!/usr/bin/env python3
"""Scores the link stage of a `claimgraph run` on samples/ against samples/link_labels.tsv.

usage: samples/link_eval.py RUN_OUT_DIR... [--labels samples/link_labels.tsv]

Each RUN_OUT_DIR holds a run's claims.csv and edges.csv (`claimgraph run --export csv`); with
several (`make demo` writes one run per story: demo-out/iraq-withdrawal, demo-out/harbor-bridge),
their claims and links are pooled. For each labelled pair it looks for the
claims whose text contains side A and side B, and whether any such pair of claims is linked as a
contradiction. Prints each pair's outcome, then: contradictions found of those that must be
found (recall on the labelled set), false contradictions among the pairs that must not be, pairs
whose claims were not extracted, and the run's total number of contradiction links.
"""
import csv
import os
import sys


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    labels = os.path.join(os.path.dirname(os.path.abspath(__file__)), "link_labels.tsv")
    if "--labels" in args:
        at = args.index("--labels")
        labels = args[at + 1]
        del args[at:at + 2]
    claims = []
    contradictions = set()
    # Claim ids are numbered per run: prefixed with the run's position to pool several.
    for i, out in enumerate(args):
        for c in csv.DictReader(open(os.path.join(out, "claims.csv"), encoding="utf-8")):
            c["id"] = f"{i}:{c['id']}"
            claims.append(c)
        for e in csv.DictReader(open(os.path.join(out, "edges.csv"), encoding="utf-8")):
            if e["relation"] == "contradict":
                contradictions.add((f"{i}:{e['a']}", f"{i}:{e['b']}"))
                contradictions.add((f"{i}:{e['b']}", f"{i}:{e['a']}"))
    rows = [line.rstrip("\n").split("\t") for line in open(labels, encoding="utf-8")
            if line.strip() and not line.startswith("#")]
    header, rows = rows[0], rows[1:]
    found = must = false_pos = must_not = missing = 0
    for lineno, row in enumerate(rows, start=2):
        if len(row) < 3:
            print(f"{labels}:{lineno}: expected label, a, b", file=sys.stderr)
            continue
        label, a, b = row[0], row[1], row[2]
        note = row[3] if len(row) > 3 else ""
        ids_a = [c["id"] for c in claims if a in c["text"]]
        ids_b = [c["id"] for c in claims if b in c["text"]]
        if not ids_a or not ids_b:
            missing += 1
            print(f"MISSING  {note}: no claim with {a!r}" if not ids_a else
                  f"MISSING  {note}: no claim with {b!r}")
            continue
        linked = any((x, y) in contradictions for x in ids_a for y in ids_b)
        if label == "contradict":
            must += 1
            found += linked
            print(("found    " if linked else "MISSED   ") + f"{note}: {a[:40]!r} / {b[:40]!r}")
        else:
            must_not += 1
            false_pos += linked
            print(("FALSE    " if linked else "ok       ") + f"{note}: {a[:40]!r} / {b[:40]!r}")
    print(f"contradictions found: {found} of {must}")
    print(f"false contradictions: {false_pos} of {must_not}")
    print(f"pairs not extracted: {missing}")
    print(f"contradiction links in the run: {len(contradictions) // 2}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
