"""tools: the commands that work on a build's outputs rather than make them: `align export` (reexport.py,
dataset.py), `align spm`, `align lookup`, `align validate`."""
