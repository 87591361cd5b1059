#!/usr/bin/env bash
# Scripted start of the product archive as a user gets it: unpack, run its `mailrules` launcher, wait for the
# workbench window, save a screenshot under target/, and close. Fails when the window does not open.
set -euo pipefail
archive="$1"
out="$2"
expected_title="$3"

if [ -z "${DISPLAY:-}" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "product smoke test: no X display on CI; run the build under xvfb-run" >&2
    exit 1
  fi
  echo "product smoke test: SKIPPED, no X display (run under xvfb-run to start the product)" >&2
  exit 0
fi

rm -rf "$out"
mkdir -p "$out/home"
tar -xzf "$archive" -C "$out"
log="$out/start.log"
status=0
HOME="$out/home" timeout 120 "$out/mailrules/mailrules" -data "$out/workspace" \
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
