#!/usr/bin/env bash
# MailAdmin: one script to install what is missing, build, and run the demo or the test suite.
#   ./mailadmin.sh demo [client options]   Release build, then the desktop client on a demo server
#   ./mailadmin.sh demo --mail             The same demo directory, also served by Dovecot and Postfix (root)
#   ./mailadmin.sh test                    Debug build (warnings as errors), then every test, then the
#                                          fuzz targets (preset fuzz, clang + libFuzzer) for a few seconds each
#   ./mailadmin.sh build [dev|release]     Build only
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

build_packages=(cmake ninja-build g++ pkg-config qt6-base-dev libqt6opengl6-dev libxkbcommon-dev qt6-charts-dev
  qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libqt6sql6-psql
  libcpp-httplib-dev libboost1.81-dev libssl-dev libsodium-dev libzxcvbn-dev qtkeychain-qt6-dev libcurl4-openssl-dev libsqlite3-dev fonts-dejavu-core zlib1g-dev libsystemd-dev)
test_packages=(qt6-translations-l10n python3-aiosmtpd postgresql wrk xauth xvfb curl openssl tzdata pflogsumm dpkg-dev fakeroot
  clang-14 libclang-rt-14-dev libfuzzer-14-dev)
# The mail system the `mail` tests and `demo --mail` start on loopback ports (needs root to run).
mail_packages=(dovecot-imapd dovecot-pop3d dovecot-lmtpd dovecot-sqlite dovecot-pgsql postfix postfix-sqlite
  postfix-pgsql util-linux)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Postfix asks how to configure itself unless told: the tests and the demo bring their own main.cf.
  if printf '%s\n' "${missing[@]}" | grep -qx postfix; then
    echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  local preset="$1"
  say "Building ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)"
}

# Serves a freshly seeded demo database in the foreground and says how to reach it.
demo_server() {
  local dir password
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
  password="Demo-$(head -c 9 /dev/urandom | base64 | tr -d '/+=' )-7"
  "$here/build/release/bin/mailadmind" init --db "$dir/demo.db" --operator operator-root --password-stdin <<<"$password" >/dev/null
  "$here/build/release/bin/mailadmind" seed-demo --db "$dir/demo.db" --seed 1 --companies 3 --domains 40 --users 20000 \
    --password-stdin --fast-hash <<<"$password"
  say "Demo server: http://127.0.0.1:8440/api/v1  (every demo admin above signs in with password $password)"
  say "Try: curl -s -X POST -H 'Content-Type: application/json' -d '{\"login\":\"admin@northwind\",\"password\":\"$password\"}' http://127.0.0.1:8440/api/v1/sessions"
  "$here/build/release/bin/mailadmind" serve --db "$dir/demo.db" --listen 127.0.0.1:8440
}

# demo --mail: the demo directory served by mailadmind, with Dovecot and Postfix on loopback ports reading it.
mail_demo() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "demo --mail starts Dovecot and Postfix, which needs root: sudo $0 demo --mail" >&2
    exit 1
  fi
  install_missing "${build_packages[@]}" "${mail_packages[@]}" python3-aiosmtpd
  build release
  local dir password
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
  chmod 0755 "$dir" # the mail daemons read the database too
  password="Demo-$(head -c 9 /dev/urandom | base64 | tr -d '/+=' )-7"
  "$here/build/release/bin/mailadmind" init --db "$dir/demo.db" --operator operator-root --password-stdin <<<"$password" >/dev/null
  "$here/build/release/bin/mailadmind" seed-demo --db "$dir/demo.db" --seed 1 --companies 3 --domains 40 --users 20000 \
    --password-stdin --fast-hash <<<"$password"
  say "Demo server: http://127.0.0.1:8440  (every demo admin above signs in with password $password)"
  if [ -x "$here/build/release/bin/mailadmin" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    say "Starting MailAdmin: sign in to http://127.0.0.1:8440 as admin@northwind with that password"
    (sleep 3; exec "$here/build/release/bin/mailadmin" "$@") &
  fi
  MAILADMIN_PASSWORD="$password" MAILADMIN_BINARY_DIR="$here/build/release" PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 "$here/tests/mail/mailrig.py" --database "$dir/demo.db" --operator operator-root --api-port 8440
}

case "${1:-}" in
  demo)
    shift
    if [ "${1:-}" = "--mail" ]; then
      shift
      mail_demo "$@"
      exit 0
    fi
    install_missing "${build_packages[@]}"
    build release
    if [ -x "$here/build/release/bin/mailadmin" ]; then
      if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
        echo "No display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). Run this from a" >&2
        echo "desktop session, or under a virtual display (package xvfb): xvfb-run -a $0 demo" >&2
        echo "To see every page without a display: QT_QPA_PLATFORM=offscreen $0 demo --screenshot DIR" >&2
        exit 1
      fi
      say "Starting MailAdmin on a demo server"
      exec "$here/build/release/bin/mailadmin" --demo "$@"
    fi
    demo_server "$@"
    ;;
  test)
    shift
    install_missing "${build_packages[@]}" "${test_packages[@]}" "${mail_packages[@]}"
    build dev
    build fuzz
    say "Running the test suite"
    export QT_QPA_PLATFORM=offscreen
    status=0
    ctest --preset dev -j "$(nproc)" --timeout 600 "$@" || status=$?
    say "Running each fuzz target on its corpus (docs/fuzzing.md)"
    ctest --preset fuzz -j "$(nproc)" --timeout 600 "$@" || status=$?
    exit "$status"
    ;;
  build)
    install_missing "${build_packages[@]}"
    build "${2:-dev}"
    ;;
  *)
    echo "usage: $0 demo|test|build [dev|release]" >&2
    exit 2
    ;;
esac
