#!/usr/bin/env bash
# Runs a Mailrules benchmark on the jars of the built product, in a plain JVM.
# Usage: releng/io.mailrules.bench/run.sh language | imap [--messages N] [--cold] [--rounds R] [--per-host N]
#   language   a 5,000-rule file: validation in a warm JVM, and language-server edit -> diagnostics
#   imap       the five sales rules on an N-message mailbox (default 10000) in a private Dovecot: Mailrules against
#              a minimal client and imapfilter, with a check that all three leave the same mailbox (see imap.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
plugins="$root/releng/io.mailrules.product/target/products/io.mailrules.product/linux/gtk/x86_64/mailrules/plugins"

case "${1:-}" in
  language) main=io.mailrules.bench.LanguageBench ;;
  imap) main="" ;;
  *) echo "usage: $0 language | imap [--messages N] [--cold] [--rounds R] [--per-host N]" >&2; exit 64 ;;
esac

if [ ! -d "$plugins" ] || ! ls "$here"/target/io.mailrules.bench-*.jar >/dev/null 2>&1; then
  echo "bench: building the product and the benchmarks first" >&2
  "$root/mvnw" -B -q -DskipTests verify >&2
fi
# shellcheck source=../../.mvn/wrapper/jdk.sh
. "$root/.mvn/wrapper/jdk.sh"
select_jdk
classpath="$(ls "$here"/target/io.mailrules.bench-*.jar | head -1)"
for jar in "$plugins"/*.jar; do
  case "$(basename "$jar")" in
    org.eclipse.swt*|org.eclipse.ui*|org.eclipse.e4.ui*|org.eclipse.jface*|io.mailrules.app_*) ;;
    *) classpath="$classpath:$jar" ;;
  esac
done
if [ -z "$main" ]; then
  shift
  BENCH_JAVA="$JAVA_HOME/bin/java" BENCH_CLASSPATH="$classpath" exec "$here/imap.sh" "$@"
fi
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$classpath" "$main"
