# Checks a JSON Lines export as a training pipeline reads it: for every
# span, text[start:end] == span["text"] (Prodigy's and spaCy's "spans"),
# and every doccano triple of "label" is one of those spans. Prints the
# number of spans and triples checked.
import json
import sys

n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        d = json.loads(line)
        text = d["text"]
        spans = set()
        for s in d["spans"]:
            got = text[s["start"]:s["end"]]
            assert got == s["text"], f"line {number}: text[{s['start']}:{s['end']}] is {got!r}, the span says {s['text']!r}"
            spans.add((s["start"], s["end"], s["label"]))
            n += 1
        for start, end, label in d["label"]:
            assert (start, end, label) in spans, f"line {number}: the triple {[start, end, label]} is no span"
            assert text[start:end] != "", f"line {number}: the triple {[start, end, label]} is empty"
            n += 1
print(n)
