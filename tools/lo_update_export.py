#!/usr/bin/python3
"""Open each DOCX in headless LibreOffice, update every index (TOC, lists)
and field, and export a PDF next to it (NAME.docx -> OUTDIR/NAME.lo.pdf).

Run with Debian's /usr/bin/python3 (python3-uno).
Usage: lo_update_export.py OUTDIR FILE.docx...
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    outdir = os.path.abspath(sys.argv[1])
    files = [os.path.abspath(f) for f in sys.argv[2:]]
    pipe = "nianbao_lo_%d" % os.getpid()
    profile = tempfile.mkdtemp(prefix="nianbao-lo-profile-")
    proc = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--norestore", "--nologo",
        "-env:UserInstallation=file://" + profile,
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        desktop = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            sys.exit("cannot connect to LibreOffice")
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        for f in files:
            doc = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(f), "_blank", 0, (prop("Hidden", True),))
            for _ in range(2):
                indexes = doc.getDocumentIndexes()
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
                doc.getTextFields().refresh()
            name = os.path.splitext(os.path.basename(f))[0]
            pdf = os.path.join(outdir, name + ".lo.pdf")
            doc.storeToURL(uno.systemPathToFileUrl(pdf),
                           (prop("FilterName", "writer_pdf_Export"),))
            count = indexes.getCount()
            doc.close(True)
            print("exported", pdf, "indexes:", count, flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
