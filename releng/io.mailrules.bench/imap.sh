#!/usr/bin/env bash
# The IMAP benchmark behind `run.sh imap`: one deterministic sales mailbox in a private Dovecot, the five sales rules
# run on a fresh copy of it by the minimal client, by Mailrules and by imapfilter, the mailboxes they leave compared
# message by message, and a table of the times. See README, "Benchmarks".
# Called by run.sh with BENCH_JAVA (a java binary) and BENCH_CLASSPATH set.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

messages=10000
cache=warm
rounds=1
per_host=4
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) messages="${2:?--messages needs a count}"; shift 2 ;;
    --cold) cache=cold; shift ;;
    --rounds) rounds="${2:?--rounds needs a count}"; shift 2 ;;
    --per-host) per_host="${2:?--per-host needs a count}"; shift 2 ;;
    *) echo "usage: run.sh imap [--messages N] [--cold] [--rounds R] [--per-host N]" >&2; exit 64 ;;
  esac
done
case "$messages" in ''|*[!0-9]*) echo "imap: --messages takes a number" >&2; exit 64 ;; esac
case "$rounds" in ''|*[!0-9]*|0) echo "imap: --rounds takes a number from 1" >&2; exit 64 ;; esac
case "$per_host" in ''|*[!0-9]*|0) echo "imap: --per-host takes a number from 1" >&2; exit 64 ;; esac
# Mailrules' sessions per host, as `mailrules run --per-host`: with 1, each folder is searched over one connection, as
# the minimal client does; with more, a large folder's searches go over two while a slot is free.
export MAILRULES_BENCH_PER_HOST="$per_host"

# Every process of the benchmark counts days in the same zone, so "older than 30 days" means one thing to all tools.
export TZ=UTC
seed=20240611
today="$(date -u +%F)"
base="$here/target/imap-bench"
conf="$base/dovecot/dovecot.conf"
product="$root/releng/io.mailrules.product/target/products/io.mailrules.product/linux/gtk/x86_64/mailrules/mailrules"
bench() { "$BENCH_JAVA" -Xmx2g -cp "$BENCH_CLASSPATH" io.mailrules.bench.imap.ImapBench "$@"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
value() { sed -n "s/^$1=//p" "$2"; }

# Debian puts daemons in sbin, which an ordinary user's PATH lacks.
IFS=: read -r -a path_entries <<< "$PATH"
for entry in "${path_entries[@]}"; do
  case "$entry" in */bin) PATH="$PATH:${entry%bin}sbin" ;; esac
done
for program in dovecot doveadm imapfilter; do
  if ! command -v "$program" >/dev/null; then
    echo "imap: '$program' is missing (Debian packages dovecot-imapd and imapfilter)" >&2; exit 69
  fi
done
dovecot_bin="$(command -v dovecot)"

rm -rf "${base:?}/work"
mkdir -p "$base/dovecot" "$base/home" "$base/work"
# A fresh password per invocation; it lives in the environment and in target/ only.
MAILRULES_BENCH_PASSWORD="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export MAILRULES_BENCH_PASSWORD
users=(seed minimal mailrules imapfilter cli warmup-minimal warmup-mailrules warmup-cli)
: > "$base/dovecot/users"
# Readable by Dovecot's auth process only (it runs as the "dovecot" user when started as root).
if [ "$(id -u)" = 0 ]; then chgrp dovecot "$base/dovecot/users"; chmod 640 "$base/dovecot/users"; else chmod 600 "$base/dovecot/users"; fi
for user in "${users[@]}"; do echo "$user:{PLAIN}$MAILRULES_BENCH_PASSWORD" >> "$base/dovecot/users"; done

port=0
for _ in $(seq 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ "$port" -gt 0 ] || { echo "imap: no free loopback port found" >&2; exit 70; }

if [ "$(id -u)" = 0 ]; then
  # uid 0 cannot own mail: the maildirs belong to the unprivileged system user "mail".
  owner=mail
  userdb="  args = uid=mail gid=mail home=$base/home/%u"
  extra=""
else
  owner=""
  userdb="  args = home=$base/home/%u"
  extra="default_login_user = $(id -un)
default_internal_user = $(id -un)
default_internal_group = $(id -gn)
service imap-login {
  chroot =
}"
fi
# A Unix socket path holds at most 107 bytes, and the checkout may sit at any depth: Dovecot's sockets and runtime
# files go to a private folder of their own under the temp folder. Its name is kept in target/, so that an instance
# left by a killed invocation is found and stopped.
runtime_record="$base/dovecot/runtime"
if [ -f "$runtime_record" ]; then
  old_runtime="$(cat "$runtime_record")"
  old_pid="$(cat "$old_runtime/run/master.pid" 2>/dev/null || true)"
  [ -z "$old_pid" ] || kill "$old_pid" 2>/dev/null || true
  case "$old_runtime" in */mrb.*) rm -rf "$old_runtime" ;; esac
fi
runtime="$(mktemp -d "${TMPDIR:-/tmp}/mrb.XXXXXX")"
chmod 700 "$runtime"
echo "$runtime" > "$runtime_record"
cat > "$conf" <<CONF
instance_name = mailrules-bench
base_dir = $runtime/run
state_dir = $runtime/state
log_path = $base/dovecot/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
first_valid_gid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $base/dovecot/users
}
userdb {
  driver = static
$userdb
}
$extra
namespace inbox {
  inbox = yes
  separator = /
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF

dovecot_pid() { cat "$runtime/run/master.pid" 2>/dev/null || true; }
start_dovecot() {
  # The master keeps its output open for its lifetime: a file, never a pipe.
  "$dovecot_bin" -c "$conf" >>"$base/dovecot/stderr.log" 2>&1
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "imap: dovecot did not listen on $port; see $base/dovecot/" >&2; return 1
}
stop_dovecot() {
  local pid; pid="$(dovecot_pid)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
trap 'stop_dovecot; rm -rf "$runtime" "$runtime_record"' EXIT
stop_dovecot
start_dovecot

own() { [ -z "$owner" ] || chown -R "$owner:$owner" "$@"; }

# The seed mailbox is kept between invocations with the same count, seed and day: both cache modes start from it.
stamp="$messages $seed $today"
if [ "$(cat "$base/home/seed.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "imap: writing the sales mailbox ($messages messages, seed $seed, today $today)" >&2
  rm -rf "$base/home/seed" "$base/home/seed.stamp"
  start=$(now)
  bench generate "$base/home/seed/Maildir" "$messages" "$seed" "$today" > "$base/work/kinds.txt"
  own "$base/home/seed"
  doveadm -c "$conf" force-resync -u seed INBOX
  doveadm -c "$conf" index -u seed INBOX
  # Asking for HIGHESTMODSEQ once turns on modification sequences in the index, as the first CONDSTORE client does
  # on any real mailbox (Thunderbird, Apple Mail, Mailrules' own first run): otherwise the measured tool that first
  # asks pays for rewriting the whole index, which no second run on a mailbox ever does.
  doveadm -c "$conf" mailbox status -u seed highestmodseq INBOX > /dev/null
  echo "$stamp" > "$base/home/seed.stamp"
  echo "imap: mailbox written and indexed in $(seconds "$start" "$(now)") s" >&2
fi

# Cold means: Dovecot restarted (no process of it has the mailbox open or mapped) and, where the kernel lets us,
# the page cache dropped, so index and message files come from disk again. Warm: Dovecot running, files in memory.
cold_note="Dovecot restarted before each tool"
if [ "$cache" = cold ]; then
  if (sync && echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then
    cold_note="$cold_note, page cache dropped (echo 3 > /proc/sys/vm/drop_caches)"
  else
    cold_note="$cold_note; the page cache could NOT be dropped here (not permitted), so files may still be in memory"
  fi
fi
prepare() {
  local user="$1"
  rm -rf "${base:?}/home/$user"
  # The copy carries Dovecot's index and cache files with it: each tool starts from the same indexed mailbox.
  cp -a "$base/home/seed" "$base/home/$user"
  # Write the copy back now, or the kernel does it while the tool runs and bills the tool for it.
  sync
  if [ "$cache" = cold ]; then
    stop_dovecot
    sync
    (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null || true
    start_dovecot
  fi
}
census() {
  bench census "$base/home/$1/Maildir" > "$base/work/census-$1.txt"
  rm -rf "${base:?}/home/$1"
}

bench files "$base/work" 127.0.0.1 "$port" PLACEHOLDER "$today"
declare -A wall imap
failed=0
compare() {
  if ! cmp -s "$base/work/census-minimal.txt" "$base/work/census-$1.txt"; then
    echo "DIFF: $1 left a different mailbox than the minimal client (< minimal, > $1):"
    diff "$base/work/census-minimal.txt" "$base/work/census-$1.txt" | head -20 || true
    echo "  ($(diff "$base/work/census-minimal.txt" "$base/work/census-$1.txt" | grep -c '^[<>]') differing lines; full censuses in $base/work/)"
    failed=1
  fi
}
with_user() { sed "s/PLACEHOLDER/$1/" "$2" > "$3"; }

# Each round runs every tool once on a fresh copy, one after the other, so that a busy moment of the machine is
# shared out rather than billed to one tool; the table shows each figure's median over the rounds.
declare -A walls imaps
cli_note=""
# The product's launcher keeps a class archive per command in the user's cache, recorded by the command's first run.
# The benchmark gives it a cache of its own and makes that first run here, untimed, on a copy of its own, then waits
# for the archive: the timed runs are then what every run after an installation's first is, and no archive is being
# built in the background while another tool is timed.
cli_cache="$base/work/cli-cache"
archive_note="not used"
if [ ! -x "$product" ]; then
  cli_note="the product is not built ($product)"
elif XDG_CACHE_HOME="$cli_cache" "$product" run 2>&1 | tee "$base/work/cli-probe.out" >/dev/null; grep -qi "unknown command" "$base/work/cli-probe.out"; then
  cli_note="this build's 'mailrules' answers 'unknown command' to run"
else
  prepare warmup-cli
  with_user warmup-cli "$base/work/sales.mailrules" "$base/work/warmup-cli.mailrules"
  XDG_DATA_HOME="$base/work/warmup-cli-data" XDG_CACHE_HOME="$cli_cache" "$product" run \
    "$base/work/warmup-cli.mailrules" --per-host "$per_host" --allow-large > "$base/work/warmup-cli.out" 2>&1 \
    || echo "imap: the untimed first 'mailrules run' failed, see $base/work/warmup-cli.out" >&2
  rm -rf "${base:?}/home/warmup-cli"
  for _ in $(seq 600); do
    if [ -n "$(find "$cli_cache" -name 'run.jsa' 2>/dev/null)" ]; then archive_note="used"; break; fi
    [ -z "$(find "$cli_cache" -name 'run.jsa.failed' 2>/dev/null)" ] || break
    sleep 0.2
  done
  [ "$archive_note" = used ] || echo "imap: no class archive for 'mailrules run' (see the launcher); timing without" >&2
fi
for round in $(seq "$rounds"); do
  [ "$rounds" = 1 ] || echo "imap: round $round of $rounds" >&2
  prepare warmup-minimal
  prepare minimal
  start=$(now)
  bench minimal 127.0.0.1 "$port" minimal "$today" warmup-minimal > "$base/work/minimal.out"
  walls[minimal]+=" $(seconds "$start" "$(now)")"
  imaps[minimal]+=" $(value imap_s "$base/work/minimal.out")"
  census minimal
  rm -rf "${base:?}/home/warmup-minimal"

  prepare warmup-mailrules
  prepare mailrules
  with_user mailrules "$base/work/sales.mailrules" "$base/work/mailrules.mailrules"
  with_user warmup-mailrules "$base/work/sales.mailrules" "$base/work/warmup-mailrules.mailrules"
  rm -rf "$base/work/journal" "$base/work/warmup-journal"
  start=$(now)
  bench mailrules "$base/work/mailrules.mailrules" "$base/work/journal" \
    "$base/work/warmup-mailrules.mailrules" "$base/work/warmup-journal" > "$base/work/mailrules.out"
  walls[mailrules]+=" $(seconds "$start" "$(now)")"
  imaps[mailrules]+=" $(value imap_s "$base/work/mailrules.out")"
  census mailrules
  compare mailrules
  rm -rf "${base:?}/home/warmup-mailrules"

  if [ -z "$cli_note" ]; then
    prepare cli
    with_user cli "$base/work/sales.mailrules" "$base/work/cli.mailrules"
    # A journal or folder states left by the round before would make this run an incremental one.
    rm -rf "$base/work/cli-data"
    start=$(now)
    # Each round is a first archive of the mailbox (two thirds of INBOX to Archive/{year}): past the change limits.
    if XDG_DATA_HOME="$base/work/cli-data" XDG_CACHE_HOME="$cli_cache" "$product" run "$base/work/cli.mailrules" \
        --per-host "$per_host" --allow-large > "$base/work/cli.out" 2>&1; then
      walls[cli]+=" $(seconds "$start" "$(now)")"
    else
      cli_note="failed with exit code $?: see $base/work/cli.out"
    fi
    census cli
    [ -n "$cli_note" ] || compare cli
  fi

  prepare imapfilter
  with_user imapfilter "$base/work/imapfilter.lua" "$base/work/imapfilter-run.lua"
  chmod 600 "$base/work/imapfilter.lua" "$base/work/imapfilter-run.lua"
  mkdir -p "$base/work/imapfilter-home"
  start=$(now)
  HOME="$base/work/imapfilter-home" imapfilter -c "$base/work/imapfilter-run.lua" > "$base/work/imapfilter.out" 2>&1 \
    || { echo "imap: imapfilter failed, see $base/work/imapfilter.out" >&2; failed=1; }
  walls[imapfilter]+=" $(seconds "$start" "$(now)")"
  census imapfilter
  compare imapfilter
done
median() { tr ' ' '\n' <<< "$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
for tool in "${!walls[@]}"; do wall[$tool]=$(median "${walls[$tool]}"); done
for tool in "${!imaps[@]}"; do imap[$tool]=$(median "${imaps[$tool]}"); done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f", a / b; else printf "-" }'; }
moved=$(awk -F'\t' '$1 != "INBOX"' "$base/work/census-minimal.txt" | wc -l)
flagged=$(grep -c 'Flagged' "$base/work/census-minimal.txt" || true)
echo
echo "IMAP benchmark: $messages messages (seed $seed, day $today), cache $cache; $(dovecot --version | cut -d' ' -f1)" \
  "Dovecot on 127.0.0.1, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$cache" = cold ] && echo "cold: $cold_note"
echo "Java clients' IMAP figures after an untimed warm-up pass on a copy of their own; mailrules run's class archive: $archive_note"
echo "mailrules: --per-host $per_host ($([ "$per_host" = 1 ] && echo "one connection per folder, as the minimal client" \
  || echo "a folder of 2,000 messages or more is searched over two connections"))"
echo "after the rules: $moved messages moved out of INBOX, $flagged flagged; all tools compared message by message"
if [ "$rounds" != 1 ]; then
  echo "figures: median of $rounds rounds (each tool once per round, on a fresh copy); the breakdown and re-run lines are the last round's"
  echo "rounds, in order: minimal imap_s${imaps[minimal]}; mailrules imap_s${imaps[mailrules]};" \
    "mailrules run wall_s${walls[cli]:- -}; imapfilter wall_s${walls[imapfilter]}"
fi
printf '%-34s %8s %5s %8s %8s %13s %13s\n' tool N cache wall_s imap_s imap/minimal wall/minimal
row() {
  printf '%-34s %8s %5s %8s %8s %13s %13s\n' "$1" "$messages" "$cache" "$2" "${3:--}" "$(ratio "$3" "${imap[minimal]}")" \
    "$(ratio "$2" "${wall[minimal]}")"
}
row "minimal client (Java, raw socket)" "${wall[minimal]}" "${imap[minimal]}"
row "mailrules plan+apply (bench JVM)" "${wall[mailrules]}" "${imap[mailrules]}"
if [ -n "${wall[cli]:-}" ]; then row "mailrules run (whole process)" "${wall[cli]}" ""; fi
row "imapfilter $(imapfilter -V 2>&1 | head -1 | grep -o '[0-9][0-9.]*' | head -1)" "${wall[imapfilter]}" ""
out="$base/work/mailrules.out"
echo "mailrules breakdown: load+validate $(value load_s "$out") s; plan $(value plan_s "$out") s of which IMAP" \
  "$(value plan_imap_s "$out") s ($(value plan_imap_calls "$out") calls); apply $(value apply_s "$out") s" \
  "($(value batches "$out") batches, journal syncs included); run $(value status "$out")"
[ -z "$cli_note" ] || echo "mailrules run: not measured: $cli_note"
echo "mailrules unchanged re-run (incremental, right after the run): IMAP $(value rerun_imap_s "$out") s" \
  "($(value rerun_imap_calls "$out") calls, $(value rerun_batches "$out") batches)"

verdict() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { print (a <= b * f) ? "met" : "MISSED" }'; }
echo "target: Mailrules IMAP phase <= 1.1 x minimal client: ${imap[mailrules]} s vs ${imap[minimal]} s" \
  "($(ratio "${imap[mailrules]}" "${imap[minimal]}") x): $(verdict "${imap[mailrules]}" "${imap[minimal]}" 1.1)"
echo "target: unchanged re-run <= 0.100 s of IMAP: $(value rerun_imap_s "$out") s:" \
  "$(awk -v a="$(value rerun_imap_s "$out")" 'BEGIN { print (a <= 0.1) ? "met" : "MISSED" }')"
if [ -n "${wall[cli]:-}" ]; then
  echo "target: whole mailrules run faster than imapfilter: ${wall[cli]} s vs ${wall[imapfilter]} s:" \
    "$(awk -v a="${wall[cli]}" -v b="${wall[imapfilter]}" 'BEGIN { print (a < b) ? "met" : "MISSED" }')"
else
  echo "target: whole mailrules run faster than imapfilter: NOT MEASURED ($cli_note); for reference the bench JVM" \
    "(JVM start, load, plan, apply) took ${wall[mailrules]} s vs imapfilter ${wall[imapfilter]} s"
fi
if [ "$failed" != 0 ]; then
  echo "RESULT: the tools left different mailboxes (DIFF above), or a tool failed" >&2
  exit 1
fi
