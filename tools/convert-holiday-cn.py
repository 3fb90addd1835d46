#!/usr/bin/env python3
"""Converts a year of the holiday-cn data set (JSON) into the library's calendar format.

Usage: tools/convert-holiday-cn.py ../shared/data/holiday-cn/2027.json \
         > workflow-core/src/main/resources/org/hotline12345/workflow/calendar/cn/2027.txt
"""
import json
import sys


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    year = data["year"]
    print(f"# Working-day calendar of mainland China, {year}: statutory holidays and make-up working days (调休).")
    for paper in data.get("papers", []):
        print(f"# Source: State Council notice {paper}")
    print("# Converted from the holiday-cn data set (MIT licence, see NOTICE) by tools/convert-holiday-cn.py.")
    print("# <date> holiday|workday <name>; weekends not listed here are days off, weekdays not listed are working days.")
    for day in sorted(data["days"], key=lambda d: d["date"]):
        if not day["date"].startswith(f"{year}-"):
            raise SystemExit(f"{day['date']} is not in {year}")
        kind = "holiday" if day["isOffDay"] else "workday"
        print(f"{day['date']} {kind} {day['name']}")


if __name__ == "__main__":
    main(sys.argv[1])
