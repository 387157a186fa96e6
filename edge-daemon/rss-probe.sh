#!/usr/bin/env bash
# The daemon's RSS with 0/10/50/100 workloads, as `./fleet bench workloads` reads it, in about a minute
# (RssProbe: real launcher and jar, Mosquitto, a fake server). Needs `mvn package` of edge-daemon first.
#   edge-daemon/rss-probe.sh ["EXTRA JVM FLAGS" [STEPS]]     e.g. rss-probe.sh "-Xmn2m" 0,10
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cp_file="target/rss-probe.classpath"
mvn -o -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >/dev/null
exec "$java_home/bin/java" -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  io.edgefleet.edge.rss.RssProbe src/main/dist/edgefleet-edge target/edgefleet-edge.jar "${1:-}" "${2:-0,10,50,100}"
