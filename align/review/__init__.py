"""review: `align review OUT`, a translator checks a build's alignment in the browser and corrects it; the
corrections are saved as data (align/corrections.py) that every later build applies."""
