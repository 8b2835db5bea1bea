#!/usr/bin/env python3
# Bytes of a JSON export (claims.json) per array, per claim and edge field, and per kind of link
# reason, plus the bytes the claim fields left out when empty would take written as "key":null or
# "key":[] (how the writer before issue 12's third session wrote them). docs/EVALUATION.md,
# "Reports at scale".
#
# usage: python3 tests/bench/json_export_sizes.py claims.json
import collections
import json
import sys

path = sys.argv[1]
raw = open(path, 'rb').read()
d = json.loads(raw)
print('file bytes', len(raw))
def size(v): return len(json.dumps(v, separators=(',', ':'), ensure_ascii=False).encode())
for k, v in d.items():
    print(f'  {k:16s} {size(v):>12,d} {len(v) if isinstance(v, list) else ""}')
omitted = 0
nulls = ['cue','modal','negation','negation_scope','object','predicate','predicate_class',
         'speaker_role','subject','subject_text']
arrays = ['about','entities','quantities']
per = collections.Counter()
for c in d['claims']:
    for k in nulls:
        if k not in c: n = len(f'"{k}":null,'); omitted += n; per[k] += n
    for k in arrays:
        if k not in c: n = len(f'"{k}":[],'); omitted += n; per[k] += n
print('omitted claim fields would take', omitted, dict(per))
for name in ('claims', 'edges'):
    c = collections.Counter()
    for e in d[name]:
        for k, v in e.items(): c[k] += size(v) + len(k) + 4
    print(name, c.most_common())
reasons = collections.Counter()
for e in d['edges']:
    for r in e['reasons']:
        reasons[r.split(':')[0]] += len(json.dumps(r, ensure_ascii=False).encode()) + 1
print('reasons by kind', reasons.most_common())
