#!/usr/bin/env python3
"""Materialises the labelled real-news claim pairs (samples/polnear_pairs.tsv) from PolNeAR.

usage: samples/polnear_pairs.py POLNEAR_DIR OUT_DIR [--refs samples/polnear_pairs.tsv]

POLNEAR_DIR is ../shared/data/attribution/polnear (its train/text and dev/text folders). Writes
OUT_DIR/pairs_dev.tsv, OUT_DIR/pairs_test.tsv and OUT_DIR/pairs_all.tsv, each with the header
`a<TAB>b<TAB>label` and one pair a line (tabs and newlines inside a claim become spaces), the
layout `claimgraph eval pairs --format tsv` reads. The sentences are never committed: only the
references (file, code-point span, a short SHA-1 of the text) are. A reference whose text no
longer matches its SHA-1 is reported as FILE:LINE and left out; the exit status is then 1.
"""
import hashlib
import os
import sys


def main():
    args = sys.argv[1:]
    if len(args) < 2 or args[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    polnear, out = args[0], args[1]
    refs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "polnear_pairs.tsv")
    if "--refs" in args:
        refs = args[args.index("--refs") + 1]
    texts = {}

    def claim(path, begin, end):
        if path not in texts:
            with open(os.path.join(polnear, path), encoding="utf-8", newline="") as f:
                texts[path] = f.read()
        return texts[path][begin:end]

    rows = {"dev": [], "test": []}
    bad = 0
    header = None
    with open(refs, encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if header is None:
                header = fields
                continue
            if len(fields) != len(header):
                print(f"{refs}:{lineno}: expected {len(header)} fields, got {len(fields)}",
                      file=sys.stderr)
                bad += 1
                continue
            r = dict(zip(header, fields))
            sides = []
            for side in ("a", "b"):
                text = claim(r[side + "_file"], int(r[side + "_begin"]), int(r[side + "_end"]))
                digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
                if digest != r[side + "_sha1"]:
                    print(f"{refs}:{lineno}: {r['id']} side {side}: text does not match its SHA-1 "
                          f"({r[side + '_file']})", file=sys.stderr)
                    break
                sides.append(" ".join(text.split()))
            if len(sides) != 2:
                bad += 1
                continue
            rows[r["split"]].append((sides[0], sides[1], r["label"]))
    os.makedirs(out, exist_ok=True)
    for name, data in (("dev", rows["dev"]), ("test", rows["test"]),
                       ("all", rows["dev"] + rows["test"])):
        with open(os.path.join(out, f"pairs_{name}.tsv"), "w", encoding="utf-8") as f:
            f.write("a\tb\tlabel\n")
            for a, b, label in data:
                f.write(f"{a}\t{b}\t{label}\n")
    print(f"dev: {len(rows['dev'])} pairs, test: {len(rows['test'])} pairs -> {out}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
