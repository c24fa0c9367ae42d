"""Screenshots of the review page (`align review`) for the README: one real resolution in six languages,
A/RES/80/156 as the UN publishes it, served by a real `align review` process and shown in Debian's
headless Chromium (selenium, chromium-driver), saved in 64 colours (Pillow, which reportlab brings).

    python scripts/review_screenshots.py docs/
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[1]
RESOLUTION = ROOT / "corpora" / "un-akn" / "ga" / "80session"
SYMBOL = "A/RES/80/156"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where the PNG files go")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out"
        inputs = [
            str(path) for path in RESOLUTION.rglob("*.xml") if not path.name.endswith("G.xml")
        ]
        subprocess.run(
            [sys.executable, "-m", "align", "build", *inputs, "-o", str(out), "-q"], check=True
        )
        server = subprocess.Popen(
            [sys.executable, "-m", "align", "review", str(out), "--no-browser"],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            url = re.search(r"http://\S+/", server.stdout.readline())[0]
            options = Options()
            options.binary_location = args.chromium
            for argument in (
                "--headless=new",
                "--no-sandbox",
                "--window-size=1500,1000",
                "--lang=en",
            ):
                options.add_argument(argument)
            driver = webdriver.Chrome(options=options, service=Service(args.driver))
            try:
                wait = WebDriverWait(driver, 60)
                driver.get(url)
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav a"))
                driver.find_element(By.CSS_SELECTOR, f'nav a[data-symbol="{SYMBOL}"]').click()
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#pairs tr[data-index]"))
                for lang in ("zh", "ar"):
                    driver.find_element(
                        By.CSS_SELECTOR, f'.tabs button[data-lang="{lang}"]'
                    ).click()
                    rows = driver.find_elements(By.CSS_SELECTOR, "#pairs tr[data-index]")
                    rows[min(8, len(rows) - 1)].click()
                    driver.execute_script(
                        "arguments[0].scrollIntoView({block: 'center'})",
                        rows[min(8, len(rows) - 1)],
                    )
                    driver.save_screenshot(str(args.folder / f"review-fr-{lang}.png"))
                units = driver.find_element(By.ID, "units")
                driver.execute_script("arguments[0].scrollIntoView()", units)
                driver.save_screenshot(str(args.folder / "review-six-languages.png"))
            finally:
                driver.quit()
        finally:
            server.terminate()
            server.wait()
    for picture in args.folder.glob("review-*.png"):  # 64 colours keep the README's pictures small
        Image.open(picture).convert("RGB").quantize(64).save(picture, optimize=True)
    print(f"screenshots of {SYMBOL} written to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
