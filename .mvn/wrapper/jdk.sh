# Selects a JDK 21+ for the build and the benchmarks: sourced by mvnw and releng scripts.
# select_jdk exports JAVA_HOME: the caller's when it is 21+, else the newest JDK 21+ found in the usual places.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/; do
    [ -x "${candidate}bin/javac" ] || continue
    major="$(java_major "${candidate}bin/java")"
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="${candidate%/}"; best_major="$major"; fi
  done
  if [ -z "$best" ]; then
    echo "mvnw: Mailrules needs a JDK 21 or newer (Eclipse 4.38 requires Java 21)." >&2
    echo "mvnw: set JAVA_HOME to one, or install one, e.g. 'apt-get install openjdk-21-jdk' or a Temurin 21/25 JDK." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}
