#!/usr/bin/env python3
"""Writes momentum.csv: the price path the momentum conformance cases declare. Same bytes every run.

Every Yes token of the `crypto` Cluster (fixtures/replay/markets.json) follows one 100-minute cycle: 40 minutes flat
(0.40/0.41 alternating), 25 minutes up a cent a minute, 10 minutes flat at the top, 25 minutes down a cent a minute.
A momentum launch (fast 12, slow 48) enters on the climb, is reshaped by risk when its order is above the Portfolio's
max_order_notional, and exits on the fall or at its take profit, whichever comes first. The replay loops the file, so
a launch at any moment meets a whole cycle within two.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MARKETS = os.path.join(HERE, "..", "..", "fixtures", "replay", "markets.json")


def cycle():
    prices = [40 + (i % 2) for i in range(40)]
    prices += [41 + i for i in range(1, 26)]
    prices += [66] * 10
    prices += [66 - i for i in range(1, 26)]
    return prices


def main():
    with open(MARKETS, encoding="utf-8") as f:
        markets = [m for m in json.load(f) if "crypto" in m.get("cluster_ids", [])]
    tokens = [m["outcomes"][0]["token_id"] for m in markets]
    path = cycle() * 3
    with open(os.path.join(HERE, "momentum.csv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("timestamp,token_id,price\n")
        for minute, cents in enumerate(path):
            stamp = f"2026-11-02T{14 + minute // 60:02d}:{minute % 60:02d}:00Z"
            for token in tokens:
                out.write(f"{stamp},{token},0.{cents:02d}\n")


if __name__ == "__main__":
    main()
