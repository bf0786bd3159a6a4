# Sourced by ./mvnw and the scripts: selects a JDK 17+ (JAVA_HOME, then java on PATH, then
# /usr/lib/jvm) and exports JAVA_HOME, or says clearly what is missing and exits.
continuity_java_ok() {
  _v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ -n "$_v" ] && [ "${_v%%.*}" -ge 17 ] 2>/dev/null
}
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && continuity_java_ok "$JAVA_HOME/bin/java"; then
  :
elif [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null 2>&1 && continuity_java_ok "$(command -v java)"; then
  :
else
  unset JAVA_HOME
  case $- in *f*) _continuity_noglob=1; set +f ;; *) _continuity_noglob= ;; esac
  for _jdk in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk* /usr/lib/jvm/java-21-openjdk* /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/*; do
    if [ -x "$_jdk/bin/javac" ] && continuity_java_ok "$_jdk/bin/java"; then JAVA_HOME="$_jdk"; export JAVA_HOME; break; fi
  done
  [ -n "$_continuity_noglob" ] && set -f
  if [ -z "${JAVA_HOME:-}" ]; then
    echo "mvnw: this build needs a JDK 17 or newer and found none (JAVA_HOME, PATH, /usr/lib/jvm)." >&2
    echo "mvnw: on Debian: apt-get install -y openjdk-17-jdk-headless, or set JAVA_HOME to a JDK 17+." >&2
    return 1 2>/dev/null || exit 1
  fi
fi
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; export JAVA_HOME
fi
