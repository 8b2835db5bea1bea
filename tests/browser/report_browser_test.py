#!/usr/bin/env python3
"""Browser test of the HTML reports: Debian's chromium, headless, driven over the DevTools protocol.

usage: tests/browser/report_browser_test.py --binary CLAIMGRAPH [--samples DIR] [--chromium PATH]
                                            [--screenshots DIR] [--report FILE]

Runs `claimgraph run --each` on the two sample corpora (one run per story, an index page), then
opens the index and each report in headless chromium and checks that
  - the pages load with no console error, no uncaught exception and no request that leaves the
    machine (every request is file:, data: or about:);
  - every chart is there and has its marks (reliability, camps, matrix, timelines);
  - the filter box appears, and text, source and speaker filters keep exactly the matching items;
  - a sortable table sorts by the clicked column;
  - with JavaScript off the filter box stays hidden and every item and chart still shows.
With --screenshots DIR it also saves small PNGs of the main views there (docs/screenshots is the
project's copy: `make screenshots`). With --report FILE it only opens FILE and prints how long
it took to load (the 10,000-article figure in docs/EVALUATION.md).

The DevTools client is written here on the standard library (a WebSocket is a few frames), so the
test needs nothing from the network. Exit status 0 pass, 1 fail, 77 skipped (chromium cannot
start: the message says why).
"""
import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

SKIP = 77


class WebSocket:
    """A minimal RFC 6455 client: text frames out (masked), text frames in."""

    def __init__(self, url, timeout=60):
        u = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\n"
                           "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the handshake")
            response += chunk
        header, self.buf = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in header.split(b"\r\n")[0]:
            raise ConnectionError("DevTools refused the WebSocket: " + header.decode(errors="replace"))

    def send(self, text):
        data = text.encode()
        header = bytearray([0x81])
        if len(data) < 126:
            header.append(0x80 | len(data))
        elif len(data) < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", len(data))
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", len(data))
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
        self.sock.sendall(bytes(header) + mask + masked)

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise EOFError("DevTools closed the connection")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            opcode = b0 & 0x0F
            if opcode == 8:
                raise EOFError("DevTools closed the connection")
            if opcode in (9, 10):  # ping, pong
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()


class Page:
    """One page target: calls, and the events seen while waiting for replies."""

    def __init__(self, ws_url):
        self.ws = WebSocket(ws_url)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            m = json.loads(self.ws.recv())
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_for(self, event, timeout):
        deadline = time.time() + timeout
        seen = len(self.events)
        while time.time() < deadline:
            for m in self.events[seen:]:
                if m.get("method") == event:
                    return m
            seen = len(self.events)
            self.ws.sock.settimeout(max(0.1, deadline - time.time()))
            try:
                self.events.append(json.loads(self.ws.recv()))
            except socket.timeout:
                break
        raise TimeoutError(f"no {event} within {timeout} s")

    def eval(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                      awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def open(self, url, timeout=60):
        self.events.clear()
        start = time.time()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired", timeout)
        return time.time() - start

    def problems(self):
        """Console errors, uncaught exceptions and requests that leave the machine so far."""
        out = []
        for m in self.events:
            method, p = m.get("method"), m.get("params", {})
            if method == "Runtime.exceptionThrown":
                out.append("exception: " + json.dumps(p.get("exceptionDetails", {}))[:300])
            elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console error: " + json.dumps(p.get("args", []))[:300])
            elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append("log error: " + p["entry"].get("text", "")[:300])
            elif method == "Network.requestWillBeSent":
                url = p.get("request", {}).get("url", "")
                if not url.startswith(("file:", "data:", "about:")):
                    out.append("request leaves the page's files: " + url)
        return out

    def screenshot(self, path, selector, width=960, height=640):
        top = self.eval(f"(function(){{var e=document.querySelector({json.dumps(selector)});"
                        "return e ? e.getBoundingClientRect().top + window.scrollY : 0;})()")
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": max(0, top - 8), "width": width, "height": height,
                               "scale": 1})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="claimgraph-chromium-")
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
             "--window-size=960,720", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if self.proc.poll() is not None or time.time() > deadline:
                self.close()
                raise OSError("chromium did not start (no DevToolsActivePort)")
            time.sleep(0.1)
        port = int(open(port_file).read().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list",
                                                   timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.page = Page(page["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.page.call(domain + ".enable")
        self.page.call("Emulation.setDeviceMetricsOverride", width=960, height=720,
                       deviceScaleFactor=1, mobile=False)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, ok, what):
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            self.failed += 1


COUNT = "document.querySelectorAll({}).length"


def count(page, selector):
    return page.eval(COUNT.format(json.dumps(selector)))


def visible_items(page):
    return page.eval("Array.prototype.filter.call(document.querySelectorAll('.fi'),"
                     "function(e){return !e.hidden;}).map(function(e){return {"
                     "text: e.textContent.toLowerCase(), source: e.getAttribute('data-source'),"
                     "speaker: e.getAttribute('data-speaker')};})")


def set_filter(page, text="", source="", speaker=""):
    page.eval(f"(function(){{var q=document.getElementById('fq'),s=document.getElementById('fs'),"
              f"p=document.getElementById('fp');q.value={json.dumps(text)};"
              f"s.value={json.dumps(source)};p.value={json.dumps(speaker)};"
              "q.dispatchEvent(new Event('input'));s.dispatchEvent(new Event('change'));"
              "p.dispatchEvent(new Event('change'));})()")


def check_report(page, url, c, name):
    seconds = page.open(url)
    c.check(not page.problems(), f"{name}: loads in {seconds:.2f} s without console errors or "
            f"outside requests {page.problems()[:3]}")
    c.check(count(page, "svg.chart.reliability .mark.reliability") >= 2,
            f"{name}: the reliability chart has a mark per scored source")
    c.check(count(page, "svg.chart.camps .mark.node") >= 2, f"{name}: the camps graph has its sources")
    c.check(count(page, "svg.chart.matrix .mark.cell") >= 1, f"{name}: the matrix has cells")
    c.check(count(page, "svg.chart.timeline .mark.point") >= 2,
            f"{name}: the timelines have their claims")
    c.check(count(page, "svg.chart.timeline .mark.link") >= 1,
            f"{name}: the timelines draw links between claims")
    c.check(page.eval("document.getElementById('filters').hidden") is False,
            f"{name}: the script shows the filter box")
    total = count(page, ".fi")
    c.check(total > 5, f"{name}: {total} filterable items")

    # Text: every visible item contains the words, and some are left out.
    sources = page.eval("Array.prototype.slice.call(document.querySelectorAll('#fs option'),1)"
                        ".map(function(o){return o.value;})")
    word = sources[0]
    set_filter(page, text=word.upper())
    shown = visible_items(page)
    c.check(0 < len(shown) < total and all(word.lower() in s["text"] for s in shown),
            f"{name}: text filter '{word.upper()}' keeps the {len(shown)} of {total} items "
            "containing it")
    c.check(page.eval("document.getElementById('fn').textContent") ==
            f"{len(shown)} of {total} items match", f"{name}: the filter says how many match")
    set_filter(page, text="zzqx no such words")
    c.check(len(visible_items(page)) == 0, f"{name}: a text found nowhere hides every item")

    # Source: items naming sources keep only those naming this one; others are left alone.
    source = sources[-1]
    set_filter(page, source=source)
    shown = visible_items(page)
    c.check(any(s["source"] is not None for s in shown) and
            all(s["source"] is None or source in s["source"].split("|") for s in shown),
            f"{name}: source filter '{source}' keeps {len(shown)} items, all of that source")
    speakers = page.eval("Array.prototype.slice.call(document.querySelectorAll('#fp option'),1)"
                         ".map(function(o){return o.value;})")
    if speakers:
        set_filter(page, speaker=speakers[0])
        shown = visible_items(page)
        c.check(any(s["speaker"] for s in shown) and
                all(s["speaker"] is None or speakers[0] in s["speaker"].split("|") for s in shown),
                f"{name}: speaker filter '{speakers[0]}' keeps {len(shown)} items of that speaker")
    set_filter(page)
    c.check(len(visible_items(page)) == total, f"{name}: clearing the filter shows every item")

    # Sorting the sources table by its claims column (the 4th), both ways.
    column = ("Array.prototype.map.call(document.querySelector('#sources ~ table.sortable')"
              ".tBodies[0].rows,function(r){return parseFloat(r.cells[3].textContent);})")
    click = "document.querySelector('#sources ~ table.sortable').tHead.rows[0].cells[3].click()"
    page.eval(click)
    up = page.eval(column)
    page.eval(click)
    down = page.eval(column)
    c.check(up == sorted(up) and down == sorted(up, reverse=True) and len(up) >= 2,
            f"{name}: the sources table sorts by claims both ways {up}")
    c.check(not page.problems(), f"{name}: no console errors after filtering and sorting")

    # JavaScript off: no filter box, every item and chart still there.
    page.call("Emulation.setScriptExecutionDisabled", value=True)
    page.open(url)
    c.check(page.eval("document.getElementById('filters').hidden") is True,
            f"{name}, JavaScript off: the filter box stays hidden")
    c.check(page.eval("Array.prototype.every.call(document.querySelectorAll('.fi'),"
                      "function(e){return !e.hidden && e.getClientRects().length > 0 || "
                      "e.closest('details:not([open])');})"),
            f"{name}, JavaScript off: every item shows")
    c.check(count(page, "svg.chart .mark") > 10, f"{name}, JavaScript off: the charts show")
    page.call("Emulation.setScriptExecutionDisabled", value=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary")
    ap.add_argument("--samples", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                      "..", "..", "samples"))
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--screenshots")
    ap.add_argument("--report")
    args = ap.parse_args()
    if not os.path.exists(args.chromium):
        print(f"SKIP: no chromium at {args.chromium} (make test installs Debian's chromium)")
        return SKIP
    try:
        browser = Browser(args.chromium)
    except Exception as e:  # noqa: BLE001 - any failure to start is a skip, with the reason
        print(f"SKIP: chromium cannot start here: {e}")
        return SKIP
    c = Checks()
    try:
        page = browser.page
        if args.report:
            page.call("Performance.enable")
            seconds = page.open("file://" + os.path.abspath(args.report), timeout=300)
            metrics = {m["name"]: m["value"] for m in page.call("Performance.getMetrics")["metrics"]}
            marks = count(page, "svg.chart .mark")
            items = count(page, ".fi")
            # The main thread's busy time is what a loaded machine does not inflate much.
            print(f"{args.report}: {os.path.getsize(args.report) / 1e6:.1f} MB, load event after "
                  f"{seconds:.2f} s; main thread busy {metrics.get('TaskDuration', 0):.2f} s "
                  f"(layout {metrics.get('LayoutDuration', 0):.2f} s, style "
                  f"{metrics.get('RecalcStyleDuration', 0):.2f} s, script "
                  f"{metrics.get('ScriptDuration', 0):.2f} s); {marks} chart marks, {items} "
                  f"filterable items, problems: {page.problems()[:3]}")
            return 0 if not page.problems() else 1
        if not args.binary:
            ap.error("--binary is required")
        out = tempfile.mkdtemp(prefix="claimgraph-browser-")
        try:
            corpora = [os.path.join(args.samples, s) for s in ("iraq-withdrawal", "harbor-bridge")]
            run = subprocess.run([args.binary, "run", "--each", *corpora, "--out", out, "--quiet"],
                                 capture_output=True, text=True)
            c.check(run.returncode == 0, "claimgraph run --each on the samples " +
                    run.stderr[-500:])
            index = "file://" + os.path.join(out, "index.html")
            seconds = page.open(index)
            c.check(not page.problems(), f"index: loads in {seconds:.2f} s, no errors")
            links = page.eval("Array.prototype.map.call(document.querySelectorAll("
                              "'td:first-child a'),function(a){return a.href;})")
            c.check(len(links) == 2 and all(l.endswith("/report.html") for l in links),
                    f"index: links both stories' reports {links}")
            c.check(count(page, "svg.chart.reliability .mark") >= 4,
                    "index: a reliability chart per story")
            if args.screenshots:
                os.makedirs(args.screenshots, exist_ok=True)
                page.screenshot(os.path.join(args.screenshots, "index.png"), "h1", height=560)
            for link in links:
                name = link.split("/")[-2]
                check_report(page, link, c, name)
                if args.screenshots and name == "iraq-withdrawal":
                    page.open(link)
                    for shot, selector in (("report-reliability", "#sources"),
                                           ("report-camps", "#camps"),
                                           ("report-matrix", "#matrix"),
                                           ("report-timeline", "#t1")):
                        page.screenshot(os.path.join(args.screenshots, shot + ".png"), selector)
                    set_filter(page, text="withdrawal")
                    page.screenshot(os.path.join(args.screenshots, "report-filter.png"),
                                    "#contradictions")
                    set_filter(page)
        finally:
            shutil.rmtree(out, ignore_errors=True)
    finally:
        browser.close()
    print(f"{c.failed} check(s) failed" if c.failed else "all checks passed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
