# Sourced by ./mvnw and ./oretrace: points JAVA_HOME at the newest JDK on this machine.
# The project compiles at release 21 but builds and runs on the newest JDK installed
# (Temurin 25 beside the system's OpenJDK 17 on our machines), whatever the caller's JAVA_HOME.
oretrace_java_feature() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
case $- in *f*) oretrace_noglob=1; set +f ;; *) oretrace_noglob=0 ;; esac
oretrace_best_home=""
oretrace_best_feature=0
for oretrace_candidate in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  [ -n "$oretrace_candidate" ] && [ -x "$oretrace_candidate/bin/javac" ] || continue
  oretrace_feature=$(oretrace_java_feature "$oretrace_candidate")
  [ -n "$oretrace_feature" ] || continue
  if [ "$oretrace_feature" -gt "$oretrace_best_feature" ]; then
    oretrace_best_feature=$oretrace_feature
    oretrace_best_home=$oretrace_candidate
  fi
done
[ "$oretrace_noglob" = 1 ] && set -f
if [ "$oretrace_best_feature" -lt 21 ]; then
  echo "oretrace: needs a JDK 21 or newer (found none under JAVA_HOME or /usr/lib/jvm)" >&2
  exit 1
fi
JAVA_HOME=$oretrace_best_home
export JAVA_HOME
# Maven 3.9 still uses sun.misc.Unsafe through Guice; JDK 24+ warns about it on every build.
# Allow it explicitly there (older JDKs do not know the option) so the output stays readable.
if [ "$oretrace_best_feature" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
  esac
fi
unset oretrace_noglob oretrace_best_home oretrace_best_feature oretrace_candidate oretrace_feature
