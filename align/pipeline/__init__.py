"""pipeline: the build machinery. options.py (BuildOptions), run.py (build), plan.py (the inputs listed,
grouped by symbol and keyed), work.py (the work on one document), workers.py (where it runs: here, a
process pool, Dask), cache.py and layout.py (incremental rebuilds)."""
