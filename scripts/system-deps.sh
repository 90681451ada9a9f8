#!/usr/bin/env bash
# Install the Debian packages eventwire needs when they are missing (fresh machine: Python 3.11,
# git, make, apt). `base`: headers to build PyICU (followthemoney). `test`: also Chromium for the
# browser tests and a PostgreSQL 15 server for the store/API tests.
set -euo pipefail
want=(libicu-dev pkg-config)
if [ "${1:-base}" = "test" ]; then
  want+=(chromium postgresql)
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian packages: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
