#!/usr/bin/env bash
# Scripted use of the product archive as a user gets it: unpack it, run the headless commands of its `mailrules`
# launcher without a display (help, version, a mistyped command or option, validate, lsp), then start the
# workbench, wait for its window, save a screenshot under target/, and close. Fails when a command answers wrongly
# or the window does not open.
set -euo pipefail
archive="$1"
out="$2"
expected_title="$3"
examples="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../docs/examples" && pwd)"

fail() {
  echo "product smoke test: $1" >&2
  shift
  for file in "$@"; do echo "--- $file" >&2; cat "$file" >&2; done
  exit 1
}

rm -rf "$out"
mkdir -p "$out/home"
tar -xzf "$archive" -C "$out"
mailrules="$out/mailrules/mailrules"

# The first commands anybody types, without a display: help and version print on standard output and exit 0; a
# mistyped command or an unknown option is named on one line, followed by a blank line and the overview, exits 64
# and never reaches Equinox (which would log "An error has occurred" and exit 13).
top_level() {
  local name="$1" expected="$2"
  shift 2
  status=0
  (cd "$out" && env -u DISPLAY -u WAYLAND_DISPLAY -u GDK_BACKEND HOME="$out/home" "$mailrules" "$@") \
    >"$out/$name.out" 2>"$out/$name.err" || status=$?
  [ "$status" -eq "$expected" ] || fail "mailrules $* exited with $status, not $expected" "$out/$name.out" "$out/$name.err"
}
for option in --help -h help; do
  top_level "top-level$option" 0 "$option"
  [ ! -s "$out/top-level$option.err" ] || fail "mailrules $option wrote to standard error" "$out/top-level$option.err"
  usage="$(head -1 "$out/top-level$option.out")"
  [[ "$usage" == "Usage: "*" COMMAND [ARGUMENTS]" ]] || fail "mailrules $option printed no overview" "$out/top-level$option.out"
  grep -q '^Workbench options' "$out/top-level$option.out" || fail "mailrules $option lists no workbench options" \
    "$out/top-level$option.out"
  cmp -s "$out/top-level--help.out" "$out/top-level$option.out" \
    || fail "mailrules $option printed another overview than --help" "$out/top-level$option.out"
done
for option in --version -V version; do
  top_level "top-level$option" 0 "$option"
  head -1 "$out/top-level$option.out" | grep -Eqx 'mailrules [0-9]+\.[0-9]+\.[0-9]+ \(build [0-9]+\)' \
    || fail "mailrules $option printed no product version" "$out/top-level$option.out" "$out/top-level$option.err"
  sed -n 2p "$out/top-level$option.out" | grep -q '^Java [0-9]' \
    || fail "mailrules $option printed no Java version" "$out/top-level$option.out"
done
unknown() {
  local name="$1" expected="$2"
  shift 2
  top_level "$name" 64 "$@"
  [ ! -s "$out/$name.out" ] || fail "mailrules $* wrote to standard output" "$out/$name.out"
  [ "$(head -1 "$out/$name.err")" = "$expected" ] && [ -z "$(sed -n 2p "$out/$name.err")" ] \
    && [[ "$(sed -n 3p "$out/$name.err")" == "Usage: "*" COMMAND [ARGUMENTS]" ]] \
    || fail "mailrules $* did not print '$expected' and the overview" "$out/$name.err"
  if grep -q 'An error has occurred' "$out/$name.err" || ls "$out"/mailrules/configuration/*.log >/dev/null 2>&1; then
    fail "mailrules $* reached Equinox" "$out/$name.err"
  fi
}
unknown unknown-command "mailrules: unknown command 'frobnicate'" frobnicate
unknown unknown-option "mailrules: unknown option '--frobnicate'" --frobnicate
unknown unknown-equinox-option "mailrules: unknown option '-vmargs'" -data "$out/workspace" -vmargs -Xmx9g
unknown no-display "mailrules: no display to open the workbench on (DISPLAY and WAYLAND_DISPLAY are unset); the commands need none"
echo "product smoke test: --help, -h, help, --version, -V, version, and unknown commands and options answer without a display"

# The headless commands, without a display: the documented examples are clean (relative paths, as a user types
# them, from the caller's directory), a broken file gives its diagnostic line and exit code 1.
status=0
(cd "$examples/.." && env -u DISPLAY HOME="$out/home" "$mailrules" validate examples/*.mailrules) \
  >"$out/validate-examples.out" 2>"$out/validate-examples.err" || status=$?
[ "$status" -eq 0 ] || fail "validate of docs/examples exited with $status" "$out/validate-examples.out" "$out/validate-examples.err"
if grep -v ': info: ' "$out/validate-examples.out" | grep -q .; then
  fail "validate of docs/examples reported errors or warnings" "$out/validate-examples.out"
fi

printf 'mailbox sdr1 {\n    host "imap.example.com" port 993 tls user "ana@example.com"\n    password "hunter2"\n}\n' >"$out/bad.mailrules"
expected='bad.mailrules:3:14: error: Mailbox '"'"'sdr1'"'"' has its password written in the file: store it as a secret and use password from secret "sdr1"'
status=0
(cd "$out" && env -u DISPLAY HOME="$out/home" "$mailrules" validate bad.mailrules) \
  >"$out/validate-bad.out" 2>"$out/validate-bad.err" || status=$?
[ "$status" -eq 1 ] || fail "validate of a broken file exited with $status, not 1" "$out/validate-bad.out" "$out/validate-bad.err"
[ "$(cat "$out/validate-bad.out")" = "$expected" ] || fail "validate of a broken file printed, instead of: $expected" \
  "$out/validate-bad.out" "$out/validate-bad.err"

# Class data sharing: the first validate above recorded the classes it loaded and left an archive building in the
# background; once it is there a launch maps its classes from it, with the same results and nothing more on
# standard error. An archive the JVM refuses, and a cache that cannot be written, only mean running without one.
validate_bad() {
  local name="$1"
  shift
  status=0
  (cd "$out" && env -u DISPLAY HOME="$out/home" "$@" "$mailrules" validate bad.mailrules) \
    >"$out/$name.out" 2>"$out/$name.err" || status=$?
  [ "$status" -eq 1 ] && [ "$(cat "$out/$name.out")" = "$expected" ] \
    || fail "validate ($name) exited with $status or printed other than: $expected" "$out/$name.out" "$out/$name.err"
  [ "$(cat "$out/$name.err")" = "1 error in 1 file" ] \
    || fail "validate ($name) printed more than its count on standard error" "$out/$name.err"
}
validate_bad validate-bad-recorded
cds="$out/home/.cache/mailrules/cds"
for _ in $(seq 600); do
  archive="$(find "$cds" -name validate.jsa 2>/dev/null | head -1)"
  [ -n "$archive" ] && break
  sleep 0.1
done
if [ -z "$archive" ]; then
  ls -laR "$cds" >"$out/cds-listing.txt" 2>&1 || true
  fail "no archive of validate's classes under $cds after a minute" "$out/cds-listing.txt"
fi
validate_bad validate-bad-archived MAILRULES_CLI_VMARGS="-Xlog:class+load=info:file=$out/class-load.log"
grep -q 'io\.mailrules\.cli\.Main source: shared objects file' "$out/class-load.log" \
  || fail "validate did not load its classes from the archive $archive" "$out/class-load.log"
cp -r "$out/home/.cache" "$out/refused-cache"
find "$out/refused-cache" -name validate.jsa -exec sh -c 'head -c 4096 /dev/urandom > "$1"' sh {} \;
validate_bad validate-bad-refused-archive XDG_CACHE_HOME="$out/refused-cache"
: > "$out/not-a-folder"
validate_bad validate-bad-unwritable-cache XDG_CACHE_HOME="$out/not-a-folder/cache"
[ ! -e "$out/not-a-folder/cache" ] || fail "a cache appeared under a file"
echo "product smoke test: validate runs from its class archive once it is built, and without one where it cannot be"

# The language server as an editor starts it: initialize (on a workspace folder, which Xtext's server requires),
# wait for the answer, then shutdown and exit.
mkdir -p "$out/lsp-workspace"
lsp_frame() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
lsp_client() {
  lsp_frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"file://'"$out"'/lsp-workspace","capabilities":{}}}'
  for _ in $(seq 300); do grep -q '"capabilities"' "$out/lsp.out" 2>/dev/null && break; sleep 0.1; done
  lsp_frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
  lsp_frame '{"jsonrpc":"2.0","method":"exit"}'
}
status=0
lsp_client | env -u DISPLAY HOME="$out/home" timeout 60 "$mailrules" lsp >"$out/lsp.out" 2>"$out/lsp.err" || status=$?
[ "$status" -eq 0 ] || fail "lsp exited with $status" "$out/lsp.out" "$out/lsp.err"
grep -q '"capabilities"' "$out/lsp.out" || fail "lsp did not answer initialize with its capabilities" "$out/lsp.out" "$out/lsp.err"
echo "product smoke test: headless validate and lsp answer without a display"

if [ -z "${DISPLAY:-}" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "product smoke test: no X display on CI; run the build under xvfb-run" >&2
    exit 1
  fi
  echo "product smoke test: workbench start SKIPPED, no X display (run under xvfb-run to start the product)" >&2
  exit 0
fi

log="$out/start.log"
status=0
HOME="$out/home" timeout 120 "$mailrules" -data "$out/workspace" \
  --screenshot "$out/workbench.png" --exit-after-startup >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  echo "product smoke test: the launcher exited with $status; its output:" >&2
  cat "$log" >&2
  cat "$out"/mailrules/configuration/*.log "$out"/workspace/.metadata/.log 2>/dev/null >&2 || true
  exit 1
fi
if ! grep -q "workbench window open: $expected_title" "$log"; then
  echo "product smoke test: no workbench window titled '$expected_title'; launcher output:" >&2
  cat "$log" >&2
  exit 1
fi
size=$(stat -c %s "$out/workbench.png" 2>/dev/null || echo 0)
if [ "$size" -lt 10000 ]; then
  echo "product smoke test: screenshot $out/workbench.png missing or blank ($size bytes)" >&2
  exit 1
fi
echo "product smoke test: workbench window '$expected_title' opened; screenshot $out/workbench.png"
