"""Every engine gives the same records, in input order: in-process, a process pool, a real Dask cluster."""

from __future__ import annotations

import json

import pytest

from dyad.engine import run
from dyad.io import iter_inputs
from dyad.settings import load_settings


@pytest.fixture(scope="module")
def items(tmp_path_factory, example_paths):
    bad = tmp_path_factory.mktemp("inputs") / "bad.pdf"
    bad.write_bytes(b"%PDF-1.5 not an article")
    paths = [str(example_paths[0]), str(bad), str(example_paths[1]), str(example_paths[0])]
    return list(iter_inputs(paths))


def _dump(records):
    return [json.dumps(r, sort_keys=True) for r in records]


@pytest.fixture(scope="module")
def reference(items):
    settings = load_settings(env={}, batch_size=2)
    return _dump(run(items, settings))


def test_reference_has_an_error_in_place(reference):
    recs = [json.loads(r) for r in reference]
    assert ["error" in r for r in recs] == [False, True, False, False]
    assert recs[1]["error"]["code"] == "E002"


def test_process_pool_matches_in_process(reference, items):
    settings = load_settings(env={}, workers=2, batch_size=1)
    assert _dump(run(items, settings)) == reference


def test_dask_cluster_matches_in_process(reference, items):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        settings = load_settings(env={}, engine="dask", scheduler=cluster.scheduler_address, batch_size=1)
        assert _dump(run(items, settings)) == reference


def test_unreachable_scheduler_is_a_catalogued_error(items):
    from dyad.errors import DyadError, Errors

    settings = load_settings(env={}, engine="dask", scheduler="tcp://127.0.0.1:9", batch_size=1)
    with pytest.raises(DyadError) as info:
        list(run(items, settings))
    assert info.value.code is Errors.E501
