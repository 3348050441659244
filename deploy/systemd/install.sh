#!/usr/bin/env bash
# Installs Sportello as a systemd service running as the unprivileged user "sportello".
# Usage (as root, from the repository root after ./mvnw -q -DskipTests package):
#   deploy/systemd/install.sh [path/to/sportello.jar]
set -euo pipefail

jar="${1:-app/target/sportello.jar}"
home=/opt/sportello

if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root (sudo $0): it creates a system user and a systemd unit." >&2
  exit 1
fi
if [ ! -f "$jar" ]; then
  echo "No jar at $jar: build it first with ./mvnw -q -DskipTests package" >&2
  exit 1
fi
if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  echo "Java 21 or newer is needed at /usr/bin/java (e.g. apt-get install openjdk-21-jre-headless)." >&2
  exit 1
fi

id sportello >/dev/null 2>&1 || useradd --system --home-dir "$home" --shell /usr/sbin/nologin sportello
install -d -o sportello -g sportello -m 0750 "$home" "$home/data"
install -o sportello -g sportello -m 0640 "$jar" "$home/sportello.jar"
if [ ! -f "$home/.env" ]; then
  install -o sportello -g sportello -m 0600 /dev/null "$home/.env"
  echo "Created an empty $home/.env: Sportello starts in demo mode until you add your WhatsApp settings."
fi
install -m 0644 "$(dirname "$0")/sportello.service" /etc/systemd/system/sportello.service
systemctl daemon-reload
systemctl enable --now sportello
echo "Sportello is running: systemctl status sportello; journalctl -u sportello -f; curl localhost:3000/health"
