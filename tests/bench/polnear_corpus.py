#!/usr/bin/env python3
"""Converts PolNeAR articles (text/*.txt + metadata.tsv) into claimgraph front-matter text files,
so `claimgraph run` can read a real multi-outlet news corpus. Never commit the output.

usage: tests/bench/polnear_corpus.py ../shared/data/attribution/polnear OUT_DIR [--splits train,dev]
then:  claimgraph run OUT_DIR --db OUT_DIR.db --out OUT_DIR-report
"""
import csv
import os
import sys

# Outlet names as a reader knows them (publisher codes in metadata.tsv).
OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journal",
}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root, out = sys.argv[1], sys.argv[2]
    splits = ["train", "dev"]
    if len(sys.argv) > 4 and sys.argv[3] == "--splits":
        splits = sys.argv[4].split(",")
    os.makedirs(out, exist_ok=True)
    rows = {}
    with open(os.path.join(root, "metadata.tsv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            rows[row["filename"]] = row
    n = 0
    for split in splits:
        text_dir = os.path.join(root, split, "text")
        for name in sorted(os.listdir(text_dir)):
            if not name.endswith(".txt"):
                continue
            stem = name[:-4]
            meta = rows.get(stem)
            if meta is None:
                print(f"{text_dir}/{name}: no metadata row, skipped", file=sys.stderr)
                continue
            with open(os.path.join(text_dir, name), encoding="utf-8") as f:
                body = f.read()
            title = " ".join(meta.get("title", "").split())
            source = OUTLETS.get(meta["publisher"], meta["publisher"])
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write("---\n")
                f.write(f"source: {source}\n")
                f.write(f"date: {meta['publication_date']}\n")
                f.write(f"title: {title}\n")
                if meta.get("author") and meta["author"] != "None":
                    f.write(f"author: {' '.join(meta['author'].split())}\n")
                f.write("language: en\n---\n")
                f.write(body)
                if not body.endswith("\n"):
                    f.write("\n")
            n += 1
    print(f"{n} articles written to {out}")


if __name__ == "__main__":
    main()
