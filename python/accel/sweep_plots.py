"""Pictures of an accel.dse.sweep table (matplotlib PNGs).

- :func:`pareto`: each architecture's total energy against total cycles
  over the sweep's workloads, coloured by area, the Pareto front joined.
- :func:`compare`: one architecture against another, layer by layer
  (EDP, energy and cycles ratios).
- :func:`breakdown`: energy per MAC by level, per architecture.

Only architectures with a valid mapping for every workload are totalled.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

__all__ = ["totals", "pareto", "compare", "breakdown", "all_plots"]


def totals(table):
    """Per architecture: energy_pj, cycles (sums over workloads), edp (of
    the sums), area_um2; only architectures valid on every workload."""
    valid = table.groupby("architecture", sort=False)["valid"].all()
    complete = table[table["architecture"].isin(valid[valid].index)]
    grouped = complete.groupby("architecture", sort=False)
    result = grouped.agg(energy_pj=("energy_pj", "sum"),
                         cycles=("cycles", "sum"),
                         area_um2=("area_um2", "first"),
                         macs=("macs", "sum"))
    result["edp"] = result["energy_pj"] * result["cycles"]
    return result


def _front(points):
    """Indices of the points no other point beats on both coordinates."""
    order = sorted(range(len(points)), key=lambda i: points[i])
    front, best = [], float("inf")
    for i in order:
        if points[i][1] < best:
            front.append(i)
            best = points[i][1]
    return front


def pareto(table, path, title="Energy vs delay"):
    summary = totals(table)
    if summary.empty:
        raise ValueError("pareto(): no architecture is valid on every "
                         "workload")
    figure, axes = plt.subplots(figsize=(7, 5))
    energy = summary["energy_pj"] / 1e6
    cycles = summary["cycles"] / 1e6
    area = summary["area_um2"] / 1e6
    scatter = axes.scatter(cycles, energy, c=area, cmap="viridis", s=40,
                           zorder=3)
    figure.colorbar(scatter, ax=axes, label="area (mm$^2$)")
    points = list(zip(cycles, energy))
    front = _front(points)
    axes.plot([points[i][0] for i in front], [points[i][1] for i in front],
              color="tab:red", linewidth=1, zorder=2, label="Pareto front")
    for i in front:
        axes.annotate(summary.index[i], points[i], fontsize=7,
                      xytext=(4, 4), textcoords="offset points")
    axes.set_xlabel("cycles (millions, sum over workloads)")
    axes.set_ylabel("energy (uJ, sum over workloads)")
    axes.set_title(title)
    axes.legend()
    axes.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return path


def compare(table, baseline, other, path):
    """Ratios other / baseline per workload (below 1: other is better)."""
    left = table[table["architecture"] == baseline].set_index("workload")
    right = table[table["architecture"] == other].set_index("workload")
    if left.empty or right.empty:
        raise ValueError(f"compare(): the table has no rows for "
                         f"'{baseline if left.empty else other}'")
    common = [w for w in left.index if w in right.index and
              left.at[w, "valid"] and right.at[w, "valid"]]
    figure, axes = plt.subplots(figsize=(max(6, 0.25 * len(common)), 4.5))
    positions = range(len(common))
    for offset, metric, color in ((-0.27, "edp", "tab:purple"),
                                  (0.0, "energy_pj", "tab:blue"),
                                  (0.27, "cycles", "tab:orange")):
        ratios = [right.at[w, metric] / left.at[w, metric] for w in common]
        axes.bar([p + offset for p in positions], ratios, width=0.27,
                 color=color, label=metric)
    axes.axhline(1.0, color="black", linewidth=0.8)
    axes.set_yscale("log")
    axes.set_xticks(list(positions))
    axes.set_xticklabels(common, rotation=90, fontsize=6)
    axes.set_ylabel(f"{other} / {baseline}")
    axes.set_title(f"{other} against {baseline} (below 1: {other} better)")
    axes.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return path


def breakdown(table, path):
    """Energy per MAC (pJ) by level, stacked, per architecture."""
    summary = totals(table)
    if summary.empty:
        raise ValueError("breakdown(): no architecture is valid on every "
                         "workload")
    columns = [c for c in table.columns if c.startswith("energy.")]
    complete = table[table["architecture"].isin(summary.index)]
    sums = complete.groupby("architecture", sort=False)[columns].sum()
    sums = sums.loc[summary.index]
    per_mac = sums.div(summary["macs"], axis=0)
    per_mac = per_mac.loc[:, (per_mac > 0).any()]
    figure, axes = plt.subplots(figsize=(max(6, 0.5 * len(per_mac)), 5))
    bottom = [0.0] * len(per_mac)
    colors = plt.get_cmap("tab20").colors
    for index, column in enumerate(per_mac.columns):
        values = per_mac[column].fillna(0).tolist()
        axes.bar(range(len(per_mac)), values, bottom=bottom,
                 label=column[len("energy."):],
                 color=colors[index % len(colors)])
        bottom = [b + v for b, v in zip(bottom, values)]
    axes.set_xticks(range(len(per_mac)))
    axes.set_xticklabels(per_mac.index, rotation=60, ha="right", fontsize=7)
    axes.set_ylabel("energy per MAC (pJ)")
    axes.set_title("Energy by level")
    axes.legend(fontsize=7, ncol=2)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return path


def all_plots(table, directory):
    """pareto.png, breakdown.png and compare.png (the two best
    architectures by total EDP) in directory; returns the paths."""
    import os
    paths = [pareto(table, os.path.join(directory, "pareto.png")),
             breakdown(table, os.path.join(directory, "breakdown.png"))]
    ranked = totals(table).sort_values("edp").index.tolist()
    if len(ranked) >= 2:
        paths.append(compare(table, ranked[0], ranked[1],
                             os.path.join(directory, "compare.png")))
    return paths
