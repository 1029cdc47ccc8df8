"""accel.dse: sweeps, serial and on Dask, with checkpoints."""

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

import accel
import accel.dse as dse
from accel.design import generate

SOURCE = os.path.abspath(os.environ.get("ACCEL_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", "..")))
TABLE = os.path.join(SOURCE, "examples", "networks", "layers.tsv")
RESNET18_MLIR = os.path.join(SOURCE, "examples", "networks", "resnet18.mlir")

pandas = pytest.importorskip("pandas")


def designs():
    return [generate(pe_x=8, pe_y=8, glb_kib=64, dataflow="weight_stationary"),
            generate(pe_x=16, pe_y=4, glb_kib=128,
                     dataflow="output_stationary"),
            generate(pe_x=8, pe_y=8, glb_kib=64, dataflow="row_stationary"),
            "edge_systolic"]


def layers(count=6):
    return dse.layers_from_table(TABLE, networks=["resnet18"], limit=count)


SEARCH = {"budget": 600, "seed": 7, "imperfect": False}


def package_env():
    """The environment with this accel package importable from any cwd."""
    env = dict(os.environ)
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(
        accel.__file__)))
    env["PYTHONPATH"] = os.pathsep.join(
        [package_root] + [p for p in [env.get("PYTHONPATH")] if p])
    return env


def comparable(table):
    """The table without columns that may legitimately differ (none do
    today; status and evaluations included)."""
    return table.sort_index(axis=1).reset_index(drop=True)


def test_layer_table_and_mlir_networks():
    resnet = dse.layers_from_table(TABLE, networks=["resnet18"])
    assert len(resnet) == 21
    first = resnet[0]
    assert first.name == "resnet18/00"
    # 7x7 stride-2 convolution, 3 -> 64 channels, 112 x 112 outputs.
    assert first.macs == 3 * 64 * 112 * 112 * 7 * 7
    resnet50 = dse.layers_from_table(TABLE, networks=["resnet50"])
    # 53 convolutions and the classifier; about 4.1 GMACs.
    assert len(resnet50) == 54
    assert sum(l.macs for l in resnet50) == pytest.approx(4.1e9, rel=0.02)
    ops = dse.network_from_mlir(RESNET18_MLIR)
    assert ops and ops[0].name.startswith("resnet18/")
    assert ops[0].macs == first.macs
    with pytest.raises(dse.SweepError, match="no network"):
        dse.layers_from_table(TABLE, networks=["alexnet_v9"])


def test_bad_layer_table_rows_are_located(tmp_path):
    table = tmp_path / "bad.tsv"
    header = "network layer N G C M P Q R S Hstride Wstride Hdilation Wdilation"
    table.write_text(header.replace(" ", "\t") + "\n" +
                     "net\ta\t1\t1\t3\t8\t4\t4\t3\t3\t1\t1\t1\t1\n" +
                     "net\tb\t1\t1\tx\t8\t4\t4\t3\t3\t1\t1\t1\t1\n" +
                     "net\tc\t1\t1\t3\t0\t4\t4\t3\t3\t1\t1\t1\t1\n")
    with pytest.raises(dse.SweepError, match=r"bad.tsv:3: .*'x'"):
        dse.layers_from_table(str(table))
    rows = table.read_text().splitlines()
    table.write_text("\n".join([rows[0], rows[1], rows[3]]) + "\n")
    with pytest.raises(dse.SweepError, match=r"bad.tsv:3: .*M"):
        dse.layers_from_table(str(table))
    # 3 x 8 x 4 x 4 x 3 x 3 MACs, by hand.
    good = dse.workload_from_row(dict(zip(header.split(),
                                          rows[1].split("\t"))))
    assert good.name == "net/a" and good.macs == 3 * 8 * 4 * 4 * 3 * 3


def test_rows_hold_what_the_issue_asks():
    table = dse.sweep(designs()[:1] + ["edge_systolic"], layers(2),
                      search=SEARCH, progress=False)
    assert len(table) == 4
    assert list(table["architecture"]) == [table["architecture"][0]] * 2 + \
        ["edge_systolic"] * 2
    row = table.iloc[0]
    assert row["valid"] and row["arch.pe_x"] == 8
    assert row["edp"] == pytest.approx(row["energy_pj"] * row["cycles"])
    level_energy = sum(row[c] for c in table.columns
                       if c.startswith("energy.") and not
                       pandas.isna(row[c]))
    assert level_energy == pytest.approx(row["energy_pj"], rel=1e-9)
    assert row["mapping"].startswith("#accel.mapping")
    assert 0 < row["utilization"] <= 1 and row["area_um2"] > 0
    # The same point searched directly gives the same numbers.
    found = accel.search(designs()[0].architecture(), layers(1)[0],
                         threads=1, **SEARCH)
    assert found.result.energy_pj == row["energy_pj"]
    assert found.result.cycles == row["cycles"]


def test_resume_recomputes_nothing(tmp_path, monkeypatch):
    checkpoint = str(tmp_path / "sweep.jsonl")
    calls = []
    original = dse.evaluate_point

    def counting(task):
        calls.append(task["name"])
        return original(task)

    monkeypatch.setattr(dse, "evaluate_point", counting)
    first = dse.sweep(designs()[:2], layers(3), search=SEARCH,
                      checkpoint=checkpoint, progress=False)
    assert len(calls) == 6
    # A killed run can leave a torn last line: it is ignored.
    with open(checkpoint, "a") as file:
        file.write('{"key": "deadbeef", "row": {"archi')
    calls.clear()
    again = dse.sweep(designs()[:3], layers(3), search=SEARCH,
                      checkpoint=checkpoint, progress=False)
    assert len(calls) == 3  # only the new architecture
    # Same values; dtypes may widen (the new architecture's rows lack some
    # level columns, so those become float with NaN).
    pandas.testing.assert_frame_equal(
        comparable(again.iloc[:6][first.columns]), comparable(first),
        check_dtype=False)
    lines = open(checkpoint).read().splitlines()
    assert sum(1 for l in lines if l.startswith('{"key"') and
               l.endswith("}")) == 9
    # Changing the search changes the key: nothing stale is reused.
    calls.clear()
    dse.sweep(designs()[:1], layers(1), search=dict(SEARCH, seed=8),
              checkpoint=checkpoint, progress=False)
    assert len(calls) == 1


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("dask.distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1,
                                       processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_equals_serial(cluster):
    archs, work = designs(), layers(6)
    serial = dse.sweep(archs, work, search=SEARCH, progress=False)
    assert len(serial) == 24
    for chunk in (None, 5):
        parallel = dse.sweep(archs, work, search=SEARCH, client=cluster,
                             progress=False, chunk=chunk)
        pandas.testing.assert_frame_equal(comparable(serial),
                                          comparable(parallel))


def test_killed_worker_loses_nothing(cluster, tmp_path):
    archs, work = designs(), layers(6)
    search = dict(SEARCH, budget=4000)
    serial = dse.sweep(archs, work, search=search, progress=False)
    checkpoint = str(tmp_path / "killed.jsonl")
    outcome = {}

    def run():
        outcome["table"] = dse.sweep(archs, work, search=search,
                                     client=cluster, checkpoint=checkpoint,
                                     progress=False)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.time() + 60
    while time.time() < deadline:
        if os.path.exists(checkpoint) and \
                len(open(checkpoint).read().splitlines()) >= 2:
            break
        time.sleep(0.01)
    done_at_kill = len(open(checkpoint).read().splitlines())
    pids = cluster.run(os.getpid)
    victim = sorted(pids)[0]
    # The worker process dies at once (SIGKILL), with whatever task it was
    # running; its nanny starts a fresh one.
    os.kill(pids[victim], signal.SIGKILL)
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert done_at_kill < len(serial), "the sweep ended before the kill"
    pandas.testing.assert_frame_equal(comparable(serial),
                                      comparable(outcome["table"]))


def test_errors_name_the_argument():
    with pytest.raises(dse.SweepError, match="architectures\\[0\\]"):
        dse.sweep(["no_such_arch"], layers(1), progress=False)
    with pytest.raises(dse.SweepError, match="an Architecture object"):
        dse.sweep([accel.architecture("edge_systolic")], layers(1),
                  progress=False)
    with pytest.raises(dse.SweepError, match="workloads\\[1\\]"):
        dse.sweep(["edge_systolic"], [layers(1)[0], "conv"], progress=False)
    with pytest.raises(dse.SweepError, match="unknown search option"):
        dse.sweep(["edge_systolic"], layers(1), search={"budgte": 3},
                  progress=False)
    with pytest.raises(dse.SweepError, match="repeat"):
        dse.sweep(["edge_systolic", "edge_systolic"], layers(1),
                  progress=False)


def test_invalid_points_are_rows_not_crashes():
    # Weights kept only in a 1-word register: no mapping fits a big layer
    # without imperfect factors... unless it does; either way a row.
    tiny = accel.design.Design("tiny", levels=[
        accel.design.Dram(),
        accel.design.Buffer("buffer", entries=16, keep=["Inputs", "Weights",
                                                        "Outputs"]),
        accel.design.Mac()])
    table = dse.sweep([tiny], layers(1), search=SEARCH, progress=False)
    assert len(table) == 1
    if not table.iloc[0]["valid"]:
        assert table.iloc[0]["reason"]


def test_command_line_and_plots(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(f"""
objective: edp
search: {{budget: 400, seed: 1, imperfect: false}}
architectures:
  bundled: [edge_systolic]
  generate:
    pe: [[8, 8], [16, 4]]
    glb_kib: [64]
    dataflow: [weight_stationary, output_stationary]
workloads:
  - table: {TABLE}
    networks: [resnet18]
    limit: 2
  - mlir: {RESNET18_MLIR}
    limit: 1
""")
    out = subprocess.run(
        [sys.executable, "-m", "accel.dse", str(spec), "--no-progress",
         "--plots", str(tmp_path / "plots")],
        cwd=tmp_path, env=package_env(), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    table = pandas.read_csv(tmp_path / "spec.csv")
    assert len(table) == 5 * 3
    assert set(table["architecture"]) >= {"edge_systolic",
                                          "ws_8x8_glb64k_lpddr4"}
    for name in ("pareto.png", "breakdown.png", "compare.png"):
        assert (tmp_path / "plots" / name).stat().st_size > 10000
    assert len((tmp_path / "spec.csv.jsonl").read_text().splitlines()) == 15


@pytest.mark.parametrize("text, message", [
    ("architectures: {bundled: [edge_systolic]}\n", "workloads: expected"),
    ("architectures: {generate: {pe: [[8]]}}\nworkloads: []\n",
     "each entry must be [x, y]"),
    ("architectures: {generate: {pes: [[8, 8]]}}\nworkloads: []\n",
     "unknown parameter(s) ['pes']"),
    ("architectures: {generate: {glb_kib: [0]}}\nworkloads: []\n",
     "'kib' must be a positive"),
    ("architecture: {}\n", "unknown key(s) ['architecture']"),
    ("architectures: {bundled: [edge_systolic]}\nworkloads: [{csv: a}]\n",
     "workloads[0]: expected 'table' or 'mlir'"),
])
def test_command_line_errors_name_the_key(tmp_path, text, message):
    spec = tmp_path / "bad.yaml"
    spec.write_text(text)
    out = subprocess.run([sys.executable, "-m", "accel.dse", str(spec)],
                         cwd=tmp_path, env=package_env(),
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert message in out.stderr, out.stderr
    assert "Traceback" not in out.stderr
