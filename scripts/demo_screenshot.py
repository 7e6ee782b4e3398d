"""Take docs/demo.png, the README's picture of the demo page.

    .venv/bin/python scripts/demo_screenshot.py [--out FILE]

Runs the browser test (tests/demo/test_demo_browser.py), which keeps a screenshot when
DEMO_SCREENSHOT names a file: the volunteer's chat right after answering the reminder.
Needs chromium and chromium-driver, and fonts-noto-color-emoji for the emoji to show.
The demo's clock starts at a fixed moment, so the picture changes only with the page.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "demo.png")
    args = parser.parse_args()
    env = {**os.environ, "DEMO_SCREENSHOT": str(args.out.resolve())}
    test = "tests/demo/test_demo_browser.py"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", test]
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
