#!/usr/bin/env bash
# Makes sure Debian's chromium and firefox-esr are present for the end-to-end tests. Test tools cannot
# download browsers on these machines, so the system packages are used. Installs them with apt when
# running as root; otherwise says exactly what to install and fails.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "gloss: installing ${missing[*]} with apt-get (needed by the end-to-end tests)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "gloss: the end-to-end tests need ${missing[*]}. Install them, e.g.: sudo apt-get install ${missing[*]}" >&2
exit 1
