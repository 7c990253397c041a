#!/usr/bin/env python3
"""Reads a learning record store for the sync tests.

  lrs_tool.py ids URL          every statement id, sorted, one a line
  lrs_tool.py dump URL FILE    every statement, as a JSON array in FILE
  lrs_tool.py compare URL EXPORT.json
        the LRS holds exactly the statements of EXPORT.json (an --export of
        the store), each once, with the same actor, verb, object, result,
        context and timestamp

URL is the xAPI endpoint (http://127.0.0.1:PORT/xAPI). Everything is asked
for in one page: xapi-statements' in-memory store sorts a page by the time
each statement was stored but cuts the next one ("more") by comparing its
internal ids, version-1 UUIDs, as strings; their first field is a clock
that wraps every 429 s, so a test that spans a wrap would see statements
skipped that the LRS holds. A "more" link, if any, is still followed.
"""
import base64
import json
import sys
import urllib.parse
import urllib.request

HEADERS = {
    "X-Experience-API-Version": "1.0.3",
    "Authorization": "Basic " + base64.b64encode(b"test:test").decode(),
}


def fetch_all(url):
    base = urllib.parse.urlsplit(url)
    root = f"{base.scheme}://{base.netloc}"
    next_url = url.rstrip("/") + "/statements?limit=10000000"
    out = []
    while next_url:
        req = urllib.request.Request(next_url, headers=HEADERS)
        with urllib.request.urlopen(req, timeout=60) as resp:
            page = json.load(resp)
        out.extend(page["statements"])
        more = page.get("more") or ""
        next_url = urllib.parse.urljoin(root, more) if more else None
    return out


def comparable(st):
    keep = ("id", "actor", "verb", "object", "result", "context", "timestamp")
    return {k: st.get(k) for k in keep}


def main():
    cmd, url = sys.argv[1], sys.argv[2]
    statements = fetch_all(url)
    if cmd == "ids":
        for i in sorted(s["id"] for s in statements):
            print(i)
    elif cmd == "dump":
        with open(sys.argv[3], "w") as f:
            json.dump(statements, f)
    elif cmd == "compare":
        with open(sys.argv[3]) as f:
            store = {s["id"]: s for s in json.load(f)}
        seen = {}
        for s in statements:
            if s["id"] in seen:
                sys.exit(f"statement {s['id']} is twice in the LRS")
            seen[s["id"]] = s
        missing = sorted(set(store) - set(seen))
        extra = sorted(set(seen) - set(store))
        if missing or extra:
            sys.exit(f"{len(missing)} statements missing from the LRS {missing[:3]}, "
                     f"{len(extra)} not from the store {extra[:3]}")
        for i, s in store.items():
            a, b = comparable(s), comparable(seen[i])
            # The LRS adds objectType to agents and activities it stores.
            if json.dumps(a, sort_keys=True) != json.dumps(b, sort_keys=True):
                sys.exit(f"statement {i} differs:\n store {json.dumps(a, sort_keys=True)}\n"
                         f" LRS   {json.dumps(b, sort_keys=True)}")
        print(f"the LRS holds exactly the {len(store)} statements of the store")
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
