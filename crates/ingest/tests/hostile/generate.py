#!/usr/bin/env python3
"""Writes the hostile inputs of issue 10 into a folder (default /tmp/nianbao-hostile/pingtan),
from corpus/pingtan/2024.*. Measure each with
  /usr/bin/time -v target/release/nianbao-ingest report FILE
The native regression tests build smaller versions of the same inputs (tests/hostile.rs)."""
import os, re, sys

root = os.path.join(os.path.dirname(__file__), "../../../..")
out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/nianbao-hostile/pingtan"
os.makedirs(out, exist_ok=True)
txt = open(os.path.join(root, "corpus/pingtan/2024.txt"), encoding="utf-8").read()
html = open(os.path.join(root, "corpus/pingtan/2024.html"), encoding="utf-8").read()
FULL = str.maketrans("0123456789", "０１２３４５６７８９")

def write(name, text, encoding="utf-8"):
    with open(os.path.join(out, name), "wb") as f:
        f.write(text.encode(encoding) if isinstance(text, str) else text)

# 5. Table 4 digit runs the splitter cannot cut in one way.
head = "尚未审结总计未经复议"
last = txt.rfind("尚未审结总计")
assert last > 0
write("t4-plus20.txt", txt[:last + 6] + "12345678901234567890" + txt[last + 6:])
run_end = last + 6 + len("21317000001324019")
write("t4-30nonzero.txt", txt[:last + 6] + "123456789" * 3 + "123" + txt[run_end:])
write("t4-35nonzero.txt", txt[:last + 6] + "98765432" * 4 + "987" + txt[run_end:])

# The article starts at its first heading paragraph.
art = html.index('<p style="text-indent: 2em;"><span style="font-family: 黑体, SimHei;">一、总体情况')
def inject(markup):
    return html[:art] + markup + html[art:]

# 6. Deep trees.
write("deep-b.html", inject("<b>" * 60000 + "x"))
write("deep-span.html", inject("<span>" * 60000 + "x" + "</span>" * 60000))
# 7. Quadratic paths.
write("deep-div.html", inject("<div>" * 100000 + "<p>x</p>" + "</div>" * 100000))
write("figures-100k.html", inject("<p>" + "1条" * 100000 + "</p>"))
write("headings-30k.html", inject("<p>一、总体情况</p>" * 30000))
write("headings-30k.txt", txt.replace("一、总体情况", "一、总体情况" + "。一、" * 30000, 1))
write("digits-1mb.txt", txt.replace("一、总体情况", "一、总体情况" + "1" * 1_000_000, 1))
write("digits-1mb.html", inject("<p>一、总体情况" + "1" * 1_000_000 + "</p>"))
write("digits-1mb-t4.txt", txt[:last + 6] + "1" * 1_000_000 + txt[last + 6:])
# 8. Huge spans.
cell = '<td rowspan="99999" colspan="99999">1</td>'
write("spans.html", inject("<table><tr>" + cell * 2000 + "</tr>" + "<tr><td>1</td></tr>" * 200 + "</table>"))
# 9. Full-width digits in the tables and the prose.
def fullwidth_tables(h):
    parts = re.split(r"(<table.*?</table>)", h, flags=re.S)
    return "".join(re.sub(r">([^<]*)<", lambda m: ">" + m.group(1).translate(FULL) + "<", p)
                   if p.startswith("<table") else p for p in parts)
write("fullwidth-cells.html", fullwidth_tables(html))
write("fullwidth-all.txt", txt.split("==================== 正文", 1)[0] + "==================== 正文" +
      txt.split("==================== 正文", 1)[1].translate(FULL))
# 10. Real forms.
write("year-chinese.txt", txt.replace("2024年度", "二〇二四年度"))
write("year-fullwidth.txt", txt.replace("2024年度", "２０２４年度"))
write("after-html.html", html + "\n<!-- cms footer -->\n<script>var x=1;</script>\n")
write("cr-only.txt", txt.replace("\r\n", "\n").replace("\n", "\r"))
write("utf16le-nobom.txt", txt, "utf-16-le")
write("utf16be-nobom.txt", txt, "utf-16-be")
print(out)
