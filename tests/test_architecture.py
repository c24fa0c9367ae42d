"""The package's rooms and which may import which, read from the code itself (ast), and what `import align` costs."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "align"

# Each room and the rooms below it that it may import (its own room always). The stages import the shared
# modules only, never each other; the build machinery and the tools use the stages; the API and the CLI sit on top.
CORE = {"model", "errors", "version", "langs", "untext", "spool", "stored", "files", "streams", "json_text", "marks", "data", "corrections"}
STAGES = {"sources", "ingest", "structure", "segment", "alignment", "outputs"}
ALLOWED = {
    **{room: {"core"} for room in STAGES},
    "core": set(),
    "pipeline": {"core", *STAGES},
    "tools": {"core", *STAGES},
    "review": {"core", *STAGES, "pipeline"},
    "api": {"core", *STAGES, "pipeline", "tools"},
    "cli": {"core", *STAGES, "pipeline", "tools", "api", "review"},
}


def _room(module: str) -> str:
    """align.outputs.tmx -> outputs; align.model -> core; align -> api."""
    parts = module.split(".")
    if parts == ["align"]:
        return "api"
    top = parts[1]
    if top in CORE:
        return "core"
    return "cli" if top in ("cli", "__main__") else top


def _module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(path: Path) -> set[str]:
    """Every align module a file imports, at any place in it (TYPE_CHECKING blocks and functions included)."""
    module = _module_of(path)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "align"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "align" and not node.level:
            # `from align import stored` imports the module align.stored; `from align import build`, the API
            found |= {f"{node.module}.{alias.name}" if _is_module(f"{node.module}.{alias.name}") else node.module for alias in node.names}
    return {name for name in found if name != module}


def test_rooms_import_only_the_rooms_below_them():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        room = _room(_module_of(path))
        for imported in _imports(path):
            other = _room(imported)
            if other != room and other not in ALLOWED[room]:
                wrong.append(f"{_module_of(path)} ({room}) imports {imported} ({other})")
    assert not wrong, "\n".join(wrong)


def test_the_rule_can_fail():
    """The checker sees a stage importing another stage (the test above is not vacuous)."""
    assert "outputs" not in ALLOWED["alignment"]
    assert _room("align.outputs.tmx") == "outputs" and _room("align.model") == "core" and _room("align") == "api"
    assert "align.outputs.options" in _imports(PACKAGE / "pipeline" / "options.py")


def test_import_align_is_light():
    """The API module imports nothing heavy: no Dask, pandas, PDF reader, Arrow, lxml, not even the stages."""
    code = "import sys, align; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    heavy = {"dask", "distributed", "pandas", "pdfplumber", "pdfminer", "pyarrow", "lxml", "sentencepiece", "sacremoses"}
    assert not heavy & loaded
    assert not {name for name in loaded if name.startswith("align.") and name != "align.version"}
