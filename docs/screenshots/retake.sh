#!/usr/bin/env bash
# Retakes the README screenshots from a real window: the demo runs under Xvfb and every page is
# reached the way a user reaches it (Go menu and its shortcuts, Ctrl+K jump box, button mnemonics,
# a click on a table row where a selection is needed).
#
#   docs/screenshots/retake.sh CLIENT [OUTPUT_DIR] [CHECKS_DIR]
#
# CLIENT      the mailadmin binary (mailadmind must sit beside it, as for any demo)
# OUTPUT_DIR  where the README's PNGs are written (default: this folder)
# CHECKS_DIR  optional: extra captures that are not in the README (field errors of the New user dialog)
#
# Needs Xvfb, xdotool, ImageMagick (import) and xdpyinfo. The screen is 1440x900; no window manager is
# needed: the main window is sized and placed with xdotool and gets the keyboard focus directly.
set -euo pipefail

client=${1:?usage: retake.sh CLIENT [OUTPUT_DIR] [CHECKS_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here}
checks=${3:-}
client=$(cd "$(dirname "$client")" && pwd)/$(basename "$client")
[ -x "$client" ] || { echo "not executable: $client" >&2; exit 1; }
[ -x "$(dirname "$client")/mailadmind" ] || { echo "mailadmind is not beside $client" >&2; exit 1; }
for tool in Xvfb xdotool import xdpyinfo; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
mkdir -p "$out"
[ -z "$checks" ] || mkdir -p "$checks"

width=1440
height=900
xvfb_pid=
client_pid=
log=$(mktemp)
home=

stop_client() {
    [ -n "$client_pid" ] || return 0
    # Quit as a user does, so the client stops the demo server it started; if it does not
    # quit, stop it and that server (its child) directly.
    local server
    server=$(pgrep -P "$client_pid" 2>/dev/null || true)
    if kill -0 "$client_pid" 2>/dev/null && [ -n "$window" ]; then
        xdotool windowfocus "$window" 2>/dev/null || true
        xdotool key Escape Escape ctrl+q 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$client_pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    kill "$client_pid" 2>/dev/null || true
    wait "$client_pid" 2>/dev/null || true
    [ -z "$server" ] || kill $server 2>/dev/null || true
    client_pid=
    window=
}
cleanup() {
    stop_client
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
    fi
    rm -f "$log"
    [ -z "$home" ] || rm -rf "$home"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A display number nobody uses: no lock file, no socket.
display=
for n in $(seq 90 199); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
        display=$n
        break
    fi
done
[ -n "$display" ] || { echo "no free X display" >&2; exit 1; }
export DISPLAY=:$display
Xvfb "$DISPLAY" -screen 0 "${width}x${height}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
    xdpyinfo >/dev/null 2>&1 && break
    kill -0 "$xvfb_pid" 2>/dev/null || { echo "Xvfb did not start on $DISPLAY" >&2; exit 1; }
    sleep 0.1
done
# The demo keeps its settings and database away from the user's own.
home=$(mktemp -d)
chmod 700 "$home"
export XDG_CONFIG_HOME=$home XDG_RUNTIME_DIR=$home

window=
start_client() { # role
    "$client" --demo --demo-role "$1" >"$log" 2>&1 &
    client_pid=$!
    # The splash is titled "MailAdmin demo"; the main window starts with the environment.
    window=$(timeout 120 xdotool search --sync --onlyvisible --name '^\[(TEST|LIVE)\]' | head -1)
    [ -n "$window" ] || { cat "$log" >&2; echo "the main window did not appear" >&2; exit 1; }
    xdotool windowmove "$window" 0 0
    xdotool windowsize "$window" "$width" "$height"
    sleep 1
    focus
    settle 4
}
focus() { xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"; }
settle() { sleep "${1:-2}"; }
key() { xdotool key --delay 60 "$@"; }
type_text() { xdotool type --delay 40 "$1"; }
type_lines() { # one argument a line
    local line first=1
    for line in "$@"; do
        [ -n "$first" ] || key Return
        first=
        [ -z "$line" ] || type_text "$line"
    done
}
click() { xdotool mousemove "$1" "$2" click 1; }
shot() { # file [dir]
    local dir=${2:-$out}
    import -window root "$dir/$1.png"
    echo "wrote $dir/$1.png"
}
# Go menu entries without a shortcut: the menu opens on its first entry (Jump to user or domain),
# so an entry is that many rows down (Refresh, Refresh stats every, then the pages in their order).
go_menu() { # rows down
    focus
    key alt+g
    sleep 0.5
    local i
    for i in $(seq "$1"); do key Down; done
    key Return
}
jump() { # text to search; the first result is opened
    focus
    key ctrl+k
    sleep 0.5
    type_text "$1"
    sleep 1.5
    key Return
    sleep 0.5
    activate
}
# After a popup or a dialog closes nothing tells the main window it is active again (there is no
# window manager): a click on the status bar does, so that button mnemonics work.
activate() { click 1000 888; }
# Rows of the main area with the incident banner shown (operator): y of the first table row.
first_row_y=201

start=$(date +%s)
start_client operator

key ctrl+0; settle 4; shot operator-overview
key ctrl+1; settle 4; shot dashboard
key ctrl+7; settle 4; shot stats
key ctrl+8; settle 3
click 518 $first_row_y; settle 3; shot alerts
key ctrl+9; settle 4; shot inactive
key ctrl+6; settle 3; shot users
key ctrl+5; settle 3; shot domains
key ctrl+4; settle 3
click 500 $first_row_y; key Return; settle 3; shot company
key ctrl+3; settle 3; shot contacts
# The emergency contact (the fourth row: the contacts list has no search field).
click 500 240; key alt+e; settle 2; shot contact-editor
key Escape; settle 1; activate
go_menu 13; settle 3; shot brands
go_menu 14; settle 3; shot admins
go_menu 15; settle 3; shot audit
go_menu 16; settle 3; shot deleted

jump maplelaw.de; settle 3; shot domain
# The domain's users (Show users, Alt+U), then a new user of that domain.
key alt+u; settle 3
key alt+n; settle 2; shot new-user
if [ -n "$checks" ]; then
    # Field errors: a too-short password, a mailbox name with a space and a bad forwarding
    # address, then Create.
    key alt+p; type_text "abc"
    key alt+m; type_text "anna berg"
    key alt+f; type_text "not an address"
    key Tab; settle 1
    key Return; settle 2
    shot new-user-errors "$checks"
fi
key Escape; settle 1; activate
# A mailbox with mail in it, then its activity.
jump nina.varga@sunclinic.org; settle 3; shot user
key alt+t; settle 4; shot user360

go_menu 17; settle 4; shot incidents-suggested
click 700 495; settle 2
key alt+m; settle 3; shot incidents-impact
key alt+n; settle 3
key alt+t; type_text "Mail store a3 unavailable"
key alt+n; type_text "Mailboxes on store a3 cannot be opened. Mail is received and kept; nothing is lost."
key alt+s Down Down space
# IMAP and POP, then Preview.
key alt+m alt+p
key alt+w; settle 3; shot incident-composer
key Escape; settle 1; activate
# The demo has no bulletins: write one the way an operator does, then post it.
go_menu 18; settle 3
key alt+n; settle 2
type_text "Spam filter upgrade"
key alt+d; type_text "bluedesign.de"
click 500 480; settle 0.5
key ctrl+a
type_lines "Subject: Spam filter upgrade for {domain}" "" "Dear {name}," "" \
    "On Saturday we move {account} to the new spam filter." \
    "Nothing changes for you; messages keep arriving as before." "" "Your mail team"
settle 2; shot bulletin-editor
key alt+d Return; settle 3; activate
click 500 $first_row_y; settle 1
key alt+p; settle 2
key alt+y; settle 5
click 500 $first_row_y; settle 3; shot bulletins
stop_client

# What a company's administrator sees while an incident touches their mailboxes.
start_client company_admin
key ctrl+1; settle 4; shot incident-banner
stop_client

echo "done in $(( $(date +%s) - start )) s"
