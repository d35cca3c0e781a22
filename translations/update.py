#!/usr/bin/env python3
"""Refreshes translations/mailadmin_fr.ts from the sources (lupdate) and fills in the French strings of fr.py.
Fails when a string has no French translation, so the catalogue stays complete.
Usage: translations/update.py [path-to-lupdate]"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, here)
from fr import FR  # noqa: E402

lupdate = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/qt6/bin/lupdate"
ts = os.path.join(here, "mailadmin_fr.ts")
subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", "-target-language", "fr_FR",
                "api", "models", "charts", "ui", "app", "common", "-ts", ts], cwd=root, check=True)
tree = ET.parse(ts)
missing = []
for message in tree.getroot().iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    value = FR.get(source)
    if value is None:
        missing.append(source)
        continue
    translation.attrib.pop("type", None)
    for child in list(translation):
        translation.remove(child)
    if message.get("numerus") == "yes":
        forms = value if isinstance(value, tuple) else (value, value)
        translation.text = None
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value[0] if isinstance(value, tuple) else value
tree.write(ts, encoding="utf-8", xml_declaration=True)
with open(ts, "r+", encoding="utf-8") as f:
    text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    f.seek(0)
    f.write(text)
    f.truncate()
if missing:
    sys.exit("No French for:\n" + "\n".join(repr(m) for m in missing))
print(f"{ts}: complete")
