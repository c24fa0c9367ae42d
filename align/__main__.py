from align.cli import run

run()
