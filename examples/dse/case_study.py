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

    for network, title in NETWORKS.items():
        part = table[table["network"] == network]
        plots.pareto(part, os.path.join(args.out, f"pareto-{network}.png"),
                     title=f"{title}: energy vs delay (all layers)")
        summary = plots.totals(part)
        summary["uJ"] = summary["energy_pj"] / 1e6
        summary["Mcycles"] = summary["cycles"] / 1e6
        summary["pJ/MAC"] = summary["energy_pj"] / summary["macs"]
        summary["mm2"] = summary["area_um2"] / 1e6
        summary["EDP (norm.)"] = summary["edp"] / summary["edp"].min()
        best = summary.sort_values("edp")
        print(f"\n### {title} ({len(part) // len(designs)} layers)\n")
        print(markdown(best[["uJ", "Mcycles", "pJ/MAC", "mm2",
                             "EDP (norm.)"]].head(8)))
        worst = best.index[-1]
        print(f"\nworst: {worst} ({best['EDP (norm.)'].iloc[-1]:.3g}x)")
        # Energy by level (pJ/MAC) of the three best designs.
        columns = [c for c in part.columns if c.startswith("energy.")]
        top = part[part["architecture"].isin(best.index[:3])]
        levels = top.groupby("architecture")[columns].sum().div(
            summary["macs"], axis=0).loc[best.index[:3]]
        levels = levels.loc[:, (levels > 0).any()]
        levels.columns = [c[len("energy."):] for c in levels.columns]
        print("\npJ/MAC by level, three best:\n")
        print(markdown(levels.fillna(0.0).T))
    plots.breakdown(table, os.path.join(args.out, "breakdown-all.png"))
    plots.compare(table[table["network"] == "resnet50"], "eyeriss_like",
                  plots.totals(table).sort_values("edp").index[0],
                  os.path.join(args.out, "compare-resnet50.png"))


if __name__ == "__main__":
    main()
