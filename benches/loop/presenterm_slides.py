#!/usr/bin/env python3
# usage: presenterm_slides.py POST.md > slides.md : the lesson's post cut into presenterm slides for
# slide_change_cpu.sh (a title slide, then one slide per `##`/`###` heading: 16 for week 7). HTML
# blocks are dropped and code fenced inside list items dedented, so presenterm 0.16 loads the file.
import re, sys

text = open(sys.argv[1], encoding="utf-8").read()
title = "slides"
if text.startswith("---\n"):
    front, _, text = text[4:].partition("\n---\n")
    m = re.search(r'^title:\s*"?(.*?)"?\s*$', front, re.M)
    if m:
        title = m.group(1)
out = ["---", f"title: \"{title}\"", "---", ""]
fence = None
started = False  # the title slide comes from the front matter
# everything before the first chapter heading is the post's HTML summary card
text = text[text.find("\n## ") + 1:]
for line in text.splitlines():
    stripped = line.lstrip()
    if fence is None and stripped.startswith("```"):
        fence = len(line) - len(stripped)
        out.append(stripped)
        continue
    if fence is not None:
        if stripped.startswith("```"):
            fence = None
            out.append(stripped)
        else:
            out.append(line[fence:] if line[:fence].isspace() else line)
        continue
    if stripped.startswith("<"):
        continue
    if re.match(r"^#{2,3} ", line) and started:
        out += ["<!-- end_slide -->", ""]
    started = True
    out.append(line)
print("\n".join(out))
