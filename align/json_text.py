"""JSON text as every output of align writes it: UTF-8 characters as they are (not \\u escapes).

One shared encoder: `json.dumps(value, ensure_ascii=False)` builds a new encoder on every call, a third
of the time of a short line, and the JSON Lines files and spools make one call per line.
"""

from __future__ import annotations

import json

json_text = json.JSONEncoder(ensure_ascii=False).encode
