#!/usr/bin/env python3
"""The case study of docs/case-study.md: the bundled designs and 27
generated variants (PE-array shape x global-buffer size x dataflow, all 256
8-bit MACs at 45 nm with LPDDR4) across ResNet-50, MobileNetV3, ViT-B/16 and
GPT-2 layers. Writes the table, per-network plots and the markdown tables
the document quotes.

    PYTHONPATH=build/python python3 examples/dse/case_study.py \
        [--workers 2] [--budget 3000] [--out docs/images/case-study]

Resumable: the sweep checkpoints to OUT/case-study.jsonl.
"""

import argparse
import os

import accel.dse as dse
import accel.sweep_plots as plots
from accel.design import DATAFLOWS, generate

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "networks", "layers.tsv")
NETWORKS = {"resnet50": "ResNet-50", "mobilenet_v3": "MobileNetV3",
            "vision_transformer": "ViT-B/16", "gpt2": "GPT-2"}
BUNDLED = ["eyeriss_like", "simple_weight_stationary",
           "simple_output_stationary", "edge_systolic", "cloud_array"]


def variants():
    return [generate(pe_x=x, pe_y=256 // x, glb_kib=kib, dataflow=flow)
            for x in (16, 32, 64) for kib in (64, 256, 1024)
            for flow in DATAFLOWS]


def markdown(frame, digits=3):
    header = "| " + " | ".join([frame.index.name or ""] +
                                [str(c) for c in frame.columns]) + " |"
    rule = "|" + "---|" * (len(frame.columns) + 1)
    rows = []
    for index, row in frame.iterrows():
        cells = [f"{v:.{digits}g}" if isinstance(v, float) else str(v)
                 for v in row]
        rows.append("| " + " | ".join([str(index)] + cells) + " |")
    return "\n".join([header, rule] + rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--budget", type=int, default=3000)
    parser.add_argument("--out", default="case-study")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    layers = dse.layers_from_table(TABLE, networks=list(NETWORKS))
    designs = BUNDLED + variants()
    client = None
    if args.workers:
        from dask.distributed import Client, LocalCluster
        client = Client(LocalCluster(n_workers=args.workers,
                                     threads_per_worker=1,
                                     dashboard_address=None))
    table = dse.sweep(designs, layers, objective="edp",
                      search={"budget": args.budget, "seed": 1,
                              "imperfect": False},
                      client=client,
                      checkpoint=os.path.join(args.out, "case-study.jsonl"))
    if client is not None:
        client.close()
    table["network"] = table["workload"].str.split("/").str[0]
    table.to_csv(os.path.join(args.out, "case-study.csv"), index=False)

    totals = {network: _network_totals(table[table["network"] == network])
              for network in NETWORKS}
    peers = [name for name in totals["resnet50"].index
             if name not in ("cloud_array", "eyeriss_like")]

    print("### Best 256-MAC design per network (EDP of the whole network)\n")
    rows = []
    for network, title in NETWORKS.items():
        summary = totals[network].loc[peers].sort_values("edp")
        best, worst = summary.index[0], summary.index[-1]
        rows.append((title, best, summary.at[best, "pJ/MAC"],
                     summary.at[best, "util"], worst,
                     summary.at[worst, "edp"] / summary.at[best, "edp"]))
    print("| network | best (EDP) | pJ/MAC | utilization | worst | worst/best "
          "EDP |\n|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row[0]} | {row[1]} | {row[2]:.2f} | {row[3]:.0%} | "
              f"{row[4]} | {row[5]:.1f}x |")

    print("\n### Dataflows: the best design of each family, pJ/MAC by level\n")
    for network, title in NETWORKS.items():
        part = table[table["network"] == network]
        summary = totals[network]
        best = {}
        for prefix, family in (("ws_", "weight stationary"),
                               ("os_", "output stationary"),
                               ("rs_", "row stationary")):
            members = summary[summary.index.str.startswith(prefix)]
            best[family] = members.sort_values("edp").index[0]
        columns = [c for c in part.columns if c.startswith("energy.")]
        levels = part[part["architecture"].isin(best.values())].groupby(
            "architecture")[columns].sum()
        levels = levels.div(summary.loc[levels.index, "macs"], axis=0)
        levels = levels.loc[list(best.values())]
        levels = levels.loc[:, (levels > 0).any()]
        levels.columns = [c[len("energy."):] for c in levels.columns]
        levels["total"] = levels.sum(axis=1)
        levels["Mcycles"] = summary.loc[levels.index, "cycles"] / 1e6
        levels.index = [f"{family}: {name}" for family, name in best.items()]
        print(f"**{title}**\n")
        print(markdown(levels.fillna(0.0)))
        print()

    print("### Global buffer size (weight stationary, 16 x 16), pJ/MAC\n")
    print("| network | 64 KiB | 256 KiB | 1 MiB |\n|---|---|---|---|")
    for network, title in NETWORKS.items():
        summary = totals[network]
        cells = [summary.at[f"ws_16x16_glb{kib}k_lpddr4", "pJ/MAC"]
                 for kib in (64, 256, 1024)]
        print(f"| {title} | " + " | ".join(f"{c:.2f}" for c in cells) + " |")

    print("\n### Other classes of design (whole network)\n")
    print("| network | design | MACs | pJ/MAC | Mcycles | utilization | "
          "mm2 |\n|---|---|---|---|---|---|---|")
    for network, title in NETWORKS.items():
        summary = totals[network]
        best = summary.loc[peers].sort_values("edp").index[0]
        for name in ("cloud_array", "eyeriss_like", best):
            print(f"| {title} | {name} | "
                  f"{ {'cloud_array': 4096, 'eyeriss_like': 168}.get(name, 256)} | "
                  f"{summary.at[name, 'pJ/MAC']:.2f} | "
                  f"{summary.at[name, 'cycles'] / 1e6:.1f} | "
                  f"{summary.at[name, 'util']:.0%} | "
                  f"{summary.at[name, 'area_um2'] / 1e6:.2f} |")

    for network, title in NETWORKS.items():
        part = table[(table["network"] == network) &
                     (~table["architecture"].isin(["cloud_array",
                                                   "eyeriss_like"]))]
        plots.pareto(part, os.path.join(args.out, f"pareto-{network}.png"),
                     title=f"{title}: 256-MAC designs (sum over layers)")
    peers_table = table[table["architecture"].isin(peers)]
    plots.breakdown(peers_table[peers_table["network"] == "resnet50"],
                    os.path.join(args.out, "breakdown-resnet50.png"))
    ranked = totals["mobilenet_v3"].loc[peers].sort_values("edp").index
    plots.compare(table[table["network"] == "mobilenet_v3"],
                  "rs_16x16_glb256k_lpddr4", ranked[0],
                  os.path.join(args.out, "compare-mobilenet_v3.png"))


def _network_totals(part):
    summary = plots.totals(part)
    summary["pJ/MAC"] = summary["energy_pj"] / summary["macs"]
    # MAC-weighted utilization: MACs / (cycles x PEs) over the network.
    pes = part.groupby("architecture", sort=False).apply(
        lambda rows: (rows["macs"] / rows["cycles"] /
                      rows["utilization"].where(rows["utilization"] > 0))
        .median())
    summary["util"] = summary["macs"] / (summary["cycles"] *
                                         pes.loc[summary.index])
    return summary

if __name__ == "__main__":
    main()
