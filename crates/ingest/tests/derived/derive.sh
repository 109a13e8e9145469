#!/bin/sh
# Derives Word and PDF files from the published 平潭 pages the way a body's own Word original looks:
# the article alone (title + the CMS's TRS_Editor container), converted by LibreOffice
# headless, and printed by Chromium. Committed (tests read them; no LibreOffice needed to test).
# Their expected values are the HTML's (tests/derived.rs).
#   needs: python3, LibreOffice Writer (Debian: libreoffice-writer-nogui), chromium, qpdf
#   run from the repository root: sh crates/ingest/tests/derived/derive.sh
set -eu
out=crates/ingest/tests/derived
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for year in 2015 2024; do
  python3 - "corpus/pingtan/$year.html" "$tmp/$year.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
title = re.search(r'<meta name="ArticleTitle" content="([^"]*)"', page).group(1)
start = page.index("<div class=TRS_Editor>")
# The container's end: count <div> nesting from its start.
depth, i = 0, start
for m in re.finditer(r"<(/?)div\b", page[start:]):
    depth += -1 if m.group(1) else 1
    if depth == 0:
        i = start + m.start()
        break
body = page[start:i] + "</div>"
open(sys.argv[2], "w", encoding="utf-8").write(
    f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
    f"<body><h1>{title}</h1>{body}</body></html>"
)
PY
  soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$tmp/$year.html" >/dev/null
  cp "$tmp/$year.docx" "$out/$year.derived-libreoffice.docx"
  # PDF as Word/WPS-like export (LibreOffice's writer_pdf_Export from the .docx) and as a
  # browser prints the page.
  soffice --headless --convert-to pdf --outdir "$tmp/pdf" "$tmp/$year.docx" >/dev/null
  cp "$tmp/pdf/$year.pdf" "$out/$year.derived-libreoffice.pdf"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/$year.derived-chromium.pdf" "file://$tmp/$year.html" 2>/dev/null
done
soffice --version > "$out/producer-versions.txt"
chromium --version 2>/dev/null >> "$out/producer-versions.txt"
# A "secured" copy (no user password; printing and changes forbidden), as bodies publish them.
# needs: qpdf
qpdf --allow-weak-crypto --encrypt "" nianbao-owner 128 --use-aes=n --print=none --modify=none -- \
  "$out/2024.derived-libreoffice.pdf" "$out/2024.derived-libreoffice-secured.pdf"
