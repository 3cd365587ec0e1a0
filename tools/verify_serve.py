#!/usr/bin/env python3
"""Browser test of `nianbao serve` (run by tools/verify-serve.sh).

Starts `nianbao serve` on a copy of a project, opens the page in headless
Chromium (driven over --remote-debugging-pipe with the DevTools protocol, no
extra packages), edits a chapter, and checks that the open page takes the
edit without a reload: the new text must appear in the DOM (the text layer
over the page images), the page's build version must rise, and the page must
not have been reloaded. Then a click on a finding must go to its page, and a
screenshot of the page showing the new text is written.

Usage: verify_serve.py NIANBAO_BINARY PROJECT OUTDIR
Exit code 0 when every check passes; prints one line per check.
"""

import base64
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

MARKER = "浏览器测试新增的一段文字"


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


class Browser:
    """Headless Chromium driven over a pipe (fd 3: commands in, fd 4: out)."""

    def __init__(self, chromium, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # The child's ends above 10, so that placing them at 3 and 4 in the
        # child cannot overwrite one with the other.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_child_r, from_child_w)]
        os.close(to_child_r)
        os.close(from_child_w)
        to_child_r, from_child_w = high

        def fds():
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-dev-shm-usage",
             "--hide-scrollbars", "--remote-debugging-pipe",
             "--window-size=1400,1000", f"--user-data-dir={profile}",
             "--no-first-run", "--no-default-browser-check", "about:blank"],
            # 3 and 4 are set up after the fork and must stay open.
            close_fds=False, preexec_fn=fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + 60
        while time.time() < deadline:
            while b"\0" not in self.buf:
                chunk = os.read(self.from_child, 1 << 20)
                if not chunk:
                    fail("chromium closed the pipe")
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail(f"{method}: {reply['error']}")
                return reply.get("result", {})
        fail(f"no answer to {method}")

    def open(self, url):
        target = self.send("Target.createTarget", {"url": url}, session=False)
        attached = self.send("Target.attachToTarget",
                             {"targetId": target["targetId"], "flatten": True},
                             session=False)
        self.session = attached["sessionId"]

    def eval(self, expression):
        r = self.send("Runtime.evaluate",
                      {"expression": expression, "returnByValue": True,
                       "awaitPromise": True})
        return r.get("result", {}).get("value")

    def wait(self, expression, seconds, what):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.eval(expression):
                return
            time.sleep(0.2)
        fail(f"timed out waiting for {what}")

    def close(self):
        self.proc.kill()
        self.proc.wait()


def main():
    binary, project, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    work = tempfile.mkdtemp(prefix="nianbao-verify-serve-")
    copy = os.path.join(work, os.path.basename(os.path.abspath(project)))
    shutil.copytree(project, copy)
    log = open(os.path.join(out, "serve.log"), "w+")
    server = subprocess.Popen([binary, "serve", copy, "--port", "0",
                               "--no-system-fonts"],
                              stdout=subprocess.DEVNULL, stderr=log)
    browser = None
    try:
        url = None
        deadline = time.time() + 60
        while url is None and time.time() < deadline:
            time.sleep(0.1)
            if server.poll() is not None:
                log.seek(0)
                fail("serve stopped: " + log.read().strip())
            log.seek(0)
            m = re.search(r"http://127\.0\.0\.1:\d+/", log.read())
            url = m.group(0) if m else None
        if not url:
            fail("serve printed no address")

        def state():
            with urllib.request.urlopen(url + "api/state") as r:
                return json.load(r)

        deadline = time.time() + 120
        while state()["version"] < 1 and time.time() < deadline:
            time.sleep(0.2)
        first = state()
        if not first["ok"]:
            fail("the first build failed (see serve.log)")
        print(f"serve: first build, {len(first['pages'])} pages")

        browser = Browser(chromium, os.path.join(work, "profile"))
        browser.open(url)
        browser.wait("document.readyState === 'complete' && "
                     "document.querySelectorAll('.page .tl text').length > 0",
                     30, "the page and its text layers")
        browser.eval("window.__notReloaded = true")
        if browser.eval(f"document.body.textContent.includes('{MARKER}')"):
            fail("the new text is on the page before the edit")
        before = int(browser.eval("document.body.dataset.version"))

        with open(os.path.join(copy, "report.json"), encoding="utf-8") as f:
            chapter = os.path.join(copy, json.load(f)["chapters"][0])
        with open(chapter, encoding="utf-8") as f:
            text = f.read()
        with open(chapter, "w", encoding="utf-8") as f:
            f.write(text + f"\n{MARKER}。\n")
        edited = time.time()

        compact = ("Array.from(document.querySelectorAll('.page .tl'))"
                   ".map(t => t.textContent).join('').replace(/\\s/g, '')")
        browser.wait(f"{compact}.includes('{MARKER}')", 90,
                     "the new text in the page's text layer")
        print(f"serve: the edit is on the open page after "
              f"{time.time() - edited:.1f} s (text layer in the DOM)")
        browser.wait(f"Number(document.body.dataset.version) > {before}", 30,
                     "the page's build version to rise")
        after = int(browser.eval("document.body.dataset.version"))
        if not browser.eval("window.__notReloaded === true"):
            fail("the page was reloaded instead of updated")
        print(f"serve: updated without a reload (version {before} → {after})")

        # The page with the new text in view, its image loaded; screenshot.
        page_id = browser.eval(
            "Array.from(document.querySelectorAll('.page')).find(p => "
            f"p.querySelector('.tl').textContent.replace(/\\s/g, '').includes('{MARKER}')).id")
        browser.eval(f"document.getElementById('{page_id}').scrollIntoView({{block: 'start'}})")
        browser.wait(f"document.querySelector('#{page_id} img').complete && "
                     f"document.querySelector('#{page_id} img').naturalWidth > 0",
                     30, "the page image")
        time.sleep(1.0)
        shot = browser.send("Page.captureScreenshot", {"format": "png"})
        png = base64.b64decode(shot["data"])
        path = os.path.join(out, "serve-after-edit.png")
        with open(path, "wb") as f:
            f.write(png)
        if len(png) < 10000:
            fail(f"the screenshot is nearly empty ({len(png)} bytes)")
        print(f"serve: screenshot of {page_id} with the new text: {path} ({len(png)} bytes)")

        # A finding goes to its page.
        target = browser.eval(
            "(() => { const a = document.querySelector('#findings a[data-page]');"
            " if (!a) return null; a.click(); return a.dataset.page; })()")
        if target is None:
            print("serve: no finding with a page to click (none listed)")
        else:
            browser.wait(f"location.hash === '#page-{target}'", 10,
                         "the finding's page")
            print(f"serve: a click on a finding goes to page {target}")

        # Nothing outside the build is served.
        for path in ["/report.json", "/../report.json", "/%2e%2e/report.json"]:
            try:
                urllib.request.urlopen(url.rstrip("/") + path)
                fail(f"{path} was served")
            except urllib.error.HTTPError as e:
                if e.code != 404:
                    fail(f"{path}: {e.code}, expected 404")
        print("serve: project files are not served (404)")
    finally:
        if browser:
            browser.close()
        server.kill()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    print("serve: browser test passed")


if __name__ == "__main__":
    main()
