#!/usr/bin/env python3
"""Checks that every back-quoted sentence in samples/README.md occurs verbatim in the sample corpora.

The README's expected findings name exact sentences; golden tests are built from them, so a sample
edited without updating the README (or a typo in the README) must show up here. Back-quoted strings
of more than 40 characters are checked; shorter ones are file names, dates or fragments.
Exit status 0 when every sentence is found, 1 otherwise.
"""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent
texts = []
for path in sorted(root.rglob('*')):
    if path.suffix == '.txt':
        texts.append(path.read_text(encoding='utf-8'))
    elif path.suffix == '.json':
        texts.append(json.loads(path.read_text(encoding='utf-8'))['maintext'])
    elif path.suffix == '.jsonl':
        for line in path.read_text(encoding='utf-8').splitlines():
            if line.strip():
                texts.append(json.loads(line)['maintext'])

readme = (root / 'README.md').read_text(encoding='utf-8')
quoted = [q for q in re.findall(r'`([^`\n]+)`', readme) if len(q) > 40]
missing = [q for q in quoted if not any(q in t for t in texts)]
for q in missing:
    print('not found in any sample:', q)
print(f'{len(quoted) - len(missing)}/{len(quoted)} quoted sentences found')
sys.exit(1 if missing else 0)
