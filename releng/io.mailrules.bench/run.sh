#!/usr/bin/env bash
# Runs a Mailrules benchmark on the jars of the built product, in a plain JVM.
# Usage: releng/io.mailrules.bench/run.sh language
#   language   a 5,000-rule file: validation in a warm JVM, and language-server edit -> diagnostics
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
plugins="$root/releng/io.mailrules.product/target/products/io.mailrules.product/linux/gtk/x86_64/mailrules/plugins"

case "${1:-}" in
  language) main=io.mailrules.bench.LanguageBench ;;
  *) echo "usage: $0 language" >&2; exit 2 ;;
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
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$classpath" "$main"
